#pragma once
// The transport under the viewer, as NLEs have it: the playhead's timecode
// (type a time or a frame and press Enter to go there), go to start, previous
// frame, stop, play/pause, next frame, go to end, loop, the shuttle state
// ("▶ 2×", "◀ 4×", "‖") and Follow Playhead for the timeline; with a
// document, the beat light and the project tempo (typed or tapped) beside
// the timecode; with a recorder, the automation-record mode on the right.
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
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace entropic::app {

class AutomationRecorder;
class BeatIndicator;
class Player;
class ProjectDocument;
class TempoControl;
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

    // Adds the beat light and the tempo box with its Tap button, for doc's
    // tempo. The light flashes on the beats of the playing position (the
    // player's clock, read at the screen's pace) and is dim while stopped.
    void attachTempo(ProjectDocument& doc);
    TempoControl* tempo() const { return tempo_; }
    BeatIndicator* beatIndicator() const { return beat_; }
    // Adds the automation-record mode box (Off, Latch, Touch) on the right.
    void attachAutomation(AutomationRecorder& recorder);
    QComboBox* automationMode() const { return automation_; }

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
    void showBeat();
    void balanceSides();

    Player& player_;
    Transport& transport_;
    engine::Rational rate_{30, 1};
    qint64 playStart_ = 0;
    QAction* actions_[RoleCount] = {};
    QToolButton* buttons_[RoleCount] = {};
    QToolButton* stop_ = nullptr;
    QLineEdit* timecode_ = nullptr;
    QLabel* shuttle_ = nullptr;
    QHBoxLayout* left_ = nullptr;  // timecode, beat light, tempo
    QHBoxLayout* right_ = nullptr; // shuttle, follow
    ProjectDocument* doc_ = nullptr;
    TempoControl* tempo_ = nullptr;
    BeatIndicator* beat_ = nullptr;
    QTimer* beatTimer_ = nullptr;
    QComboBox* automation_ = nullptr;
};

} // namespace entropic::app
