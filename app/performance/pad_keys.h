#pragma once
// The computer keyboard as pads: an application-wide event filter that turns
// the press and release of a pad's key into pad hits, while a window it
// serves has focus and no text field does (typing a name never plays a pad).
// Keys with Ctrl, Alt or Meta are never taken, and held keys' auto-repeat is
// one hit.
//
// Editor shortcuts without modifiers (S splits, I/O mark, M adds a marker…)
// win over a pad on the same key unless keysWinShortcuts is on (the panel's
// "Keys play pads" toggle): then the pad takes the key, and the shortcut
// waits until it is switched off.
#include <functional>
#include <set>

#include <QObject>
#include <QPointer>
#include <QString>

class QKeyEvent;
class QWidget;

namespace entropic::app {

class PadKeys : public QObject {
    Q_OBJECT
  public:
    // padForKey: the pad a key's text plays ("Q", "1"), or -1. serves: the
    // widget whose window the keys come from (the panel; its window is the
    // editor's, or its own while the dock floats).
    PadKeys(QWidget* serves, std::function<int(const QString&)> padForKey,
            QObject* parent = nullptr);

    void setKeysWinShortcuts(bool on) { keysWinShortcuts_ = on; }
    bool keysWinShortcuts() const { return keysWinShortcuts_; }

    // The text of a key event as pads store it (QKeySequence's, "Q").
    static QString keyText(const QKeyEvent& event);

  Q_SIGNALS:
    void padPressed(int pad);
    void padReleased(int pad);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    bool takes(QObject* watched, const QKeyEvent& event) const;

    QPointer<QWidget> serves_;
    std::function<int(const QString&)> padForKey_;
    std::set<int> held_; // pads whose key is down (released even if focus moved)
    bool keysWinShortcuts_ = false;
};

} // namespace entropic::app
