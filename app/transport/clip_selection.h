#pragma once
// Which clips are selected. The timeline edits it (click, Shift, Ctrl, rubber
// band); the inspector shows the current clip's chain; edit actions (delete,
// split, copy) act on it. Not part of the undo history.
#include <QObject>
#include <QStringList>

namespace entropic::app {

class ClipSelection : public QObject {
    Q_OBJECT
  public:
    explicit ClipSelection(QObject* parent = nullptr);

    const QStringList& clips() const { return clips_; }
    // The clip the inspector shows: the one selected last, or empty.
    QString current() const { return clips_.isEmpty() ? QString() : clips_.back(); }
    bool contains(const QString& clipId) const { return clips_.contains(clipId); }

    void set(const QStringList& clipIds);
    void select(const QString& clipId); // only this one
    void toggle(const QString& clipId); // Ctrl-click
    void add(const QString& clipId);    // Shift-click
    void clear();
    // Drops ids that no longer exist (after an undo removed a clip).
    void retainOnly(const QStringList& existing);

  Q_SIGNALS:
    void changed();

  private:
    QStringList clips_;
};

} // namespace entropic::app
