#pragma once
// The transport under the viewer, as NLEs have it: the playhead's timecode
// (type a time or a frame and press Enter to go there), go to start, previous
// frame, stop, play/pause, next frame, go to end, loop, the shuttle state
// ("▶ 2×", "◀ 4×", "‖") and Follow Playhead for the timeline.
//
// It owns no playback logic: buttons call the Player and the Transport, or
// trigger the window's own actions once adoptActions() has them, so a click
// does exactly what the shortcut does. Tooltips name the action and the
// shortcut its QAction carries.
//
// Stop, as in Ableton and Resolume (and Premiere's "return to start"):
// while playing it pauses and puts the playhead back where play started;
// pressed again while stopped it goes to the start of the timeline.
#include <QList>
#include <QWidget>

#include "entropic/engine/media/rational.h"

class QAction;
class QLabel;
class QLineEdit;
class QToolButton;

namespace entropic::app {

class Player;
class Transport;

class TransportBar : public QWidget {
    Q_OBJECT
  public:
    TransportBar(Player& player, Transport& transport, QWidget* parent = nullptr);

    // The window's actions; those the bar drives are recognised by their
    // shortcuts (Space, J, K, L, Ctrl+L loop, ←, →, Home, End) and Follow
    // Playhead by its object name "followPlayhead". Without a loop or follow
    // action the bar's loop button sets the player's loop itself and the
    // follow button stays disabled.
    void adoptActions(const QList<QAction*>& actions);
    void setFrameRate(engine::Rational rate);

    // Pause, and back to where play started; already stopped: to frame 0.
    void stop();
    // The timecode field's text taken as a place to go: true if it was one
    // (the playhead moved there, clamped to the timeline), false if not (the
    // field shows the playhead's time again and a tooltip says what it takes).
    bool jumpTo(const QString& text);

    QString shuttleText() const;

    // The bar under `viewer`, as one widget (the window's central widget).
    static QWidget* under(QWidget* viewer, TransportBar* bar, QWidget* parent);

  private:
    enum Role {
        PlayPause,
        Pause,
        ShuttleBack,
        ShuttleForward,
        Loop,
        PreviousFrame,
        NextFrame,
        ToStart,
        ToEnd,
        Follow,
        RoleCount
    };

    QToolButton* addButton(Role role, int glyph, const QString& text);
    void run(Role role);
    void updateTips();
    void updatePlayState();
    void showFrame(qint64 frame);
    QString tip(Role role, const QString& text) const;

    Player& player_;
    Transport& transport_;
    engine::Rational rate_{30, 1};
    qint64 playStart_ = 0;
    QAction* actions_[RoleCount] = {};
    QToolButton* buttons_[RoleCount] = {};
    QToolButton* stop_ = nullptr;
    QLineEdit* timecode_ = nullptr;
    QLabel* shuttle_ = nullptr;
};

} // namespace entropic::app
