#pragma once
// The timeline's keyboard edits as QActions the window can put in menus:
// split (S), delete (Delete), ripple delete (Shift+Delete), copy / paste
// (Ctrl+C / Ctrl+V, clipboard kClipsMimeType, pasted at the playhead),
// in / out (I / O, Alt+X clears both), add marker (M), next / previous
// marker (Shift+M / Ctrl+Shift+M), select all (Ctrl+A). Plus the playhead
// keys (←/→ one frame, Home/End) in navigation(), kept apart because the
// window's Playback menu may own those shortcuts already. Every edit goes
// through edits::*; a refusal's reason goes to message().
#include <functional>

#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace entropic::app {

class ClipSelection;
class ProjectDocument;
class Transport;

class TimelineEditActions : public QObject {
    Q_OBJECT
  public:
    TimelineEditActions(ProjectDocument& doc, Transport& transport, ClipSelection& selection,
                        QObject* parent);

    QList<QAction*> edits() const { return edits_; }
    QList<QAction*> navigation() const { return navigation_; }
    // The clip actions a context menu offers.
    QList<QAction*> clipMenu() const { return clipMenu_; }
    QAction* pasteAction() const { return paste_; }

    // The operations behind the actions (also for menus and tests).
    void split();
    void deleteSelected(bool ripple);
    void copy();
    void paste();
    void markIn();
    void markOut();
    void clearInOut();
    void addMarker();
    void jumpToMarker(int direction); // +1 next, -1 previous
    void selectAll();

  Q_SIGNALS:
    void message(const QString& text);

  private:
    QAction* make(const QString& text, const QKeySequence& key, std::function<void()> run,
                  QList<QAction*>& into);
    void refused(bool ok, const QString& error);

    ProjectDocument& doc_;
    Transport& transport_;
    ClipSelection& selection_;
    QList<QAction*> edits_;
    QList<QAction*> navigation_;
    QList<QAction*> clipMenu_;
    QAction* paste_ = nullptr;
};

} // namespace entropic::app
