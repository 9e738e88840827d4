#pragma once
// Recording knob moves into automation lanes (docs/performance.md,
// "Recording knob moves"), as a DAW's automation write modes:
//   - Latch: a parameter is written from its first move until playback
//     stops, its last value holding in between;
//   - Touch: it is written only while touched: while the mouse holds its
//     slider (touch()/release()), or, for moves that come without a press
//     (a MIDI controller, the wheel, a typed value), until no move has come
//     for kTouchReleaseMs.
// Only while playing: move() answers nullopt when stopped or Off, and the
// caller makes its ordinary edit of the base value instead. While playing,
// a recorded move changes no base value and enters no history: the lanes
// being written go to the engine through the document's live channel
// (ProjectDocument::setLiveLanes), so the picture follows the knob. At stop
// the take is written, thinned (key_thinning.h), as one undo step
// ("Record automation", edits::writeAutomation).
//
// Numbers and whole numbers are written as linear keys thinned to
// kTolerance of the parameter's range; choices and switches as hold keys,
// one per change. Points and colours are not recorded (move() answers
// nullopt: their moves stay base edits).
#include <functional>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "commands/automation_edits.h"
#include "performance/live_performance.h"

namespace entropic::app {

class ProjectDocument;

enum class AutomationMode { Off, Latch, Touch };

class AutomationRecorder : public QObject {
    Q_OBJECT
  public:
    using Clock = LivePerformance::Clock;
    // QSettings key of the preference: "off", "latch" or "touch".
    static constexpr const char* kModeKey = "automation/recordMode";
    // Touch without a press: released after this long without a move.
    static constexpr int kTouchReleaseMs = 500;
    // Thinning keeps recorded values within this fraction of the range.
    static constexpr double kTolerance = 0.005;

    AutomationRecorder(ProjectDocument& doc, Clock clock, QObject* parent = nullptr);

    void setMode(AutomationMode mode);
    AutomationMode mode() const { return mode_; }
    // The mode kept in the preferences (Off when none), and keeping one.
    static AutomationMode savedMode();
    static void saveMode(AutomationMode mode);

    // Playing with a mode on: moves are recorded.
    bool recording() const { return playing_ && mode_ != AutomationMode::Off; }
    // Playback started or stopped (Player::playingChanged): a stop writes the take.
    void setPlaying(bool playing);

    // The mouse pressed / released the parameter's slider.
    void touch(const sig::ParamTarget& target);
    void release(const sig::ParamTarget& target);
    // The knob moved to `value`: recorded at the clock's frame, the value
    // written returned (clamped to the range); nullopt when not recorded.
    std::optional<double> move(const sig::ParamTarget& target, double value);
    // What the parameter stands at for a controller's soft takeover while
    // recording: the value last written this take, else its lane's on the
    // clock's frame, else its base; nullopt for no such parameter.
    std::optional<double> currentValue(const sig::ParamTarget& target) const;

    // Releases the touches whose moves stopped kTouchReleaseMs ago, and
    // notices a loop: what is being written ends where the loop ended and
    // goes on from where it went back to (a timer calls it while
    // recording; tests call it after moving the clocks).
    void releaseIdle();
    // Seconds since some fixed point (tests replace the steady clock).
    void setWallClock(std::function<double()> wall) { wall_ = std::move(wall); }

  Q_SIGNALS:
    void modeChanged(AutomationMode mode);
    // A take was written, or refused (the message says why).
    void notice(const QString& text);

  private:
    struct Writing {
        sig::ParamTarget target;
        bool hold = false;    // choices and switches: hold keys
        double tolerance = 0; // in the parameter's units
        bool held = false;    // the mouse holds it
        double lastMoveWall = 0;
        std::vector<edits::RecordedSpan> closed;
        std::optional<edits::RecordedSpan> open; // keys so far; `to` unset
    };

    Writing* writing(const sig::ParamTarget& target, bool make);
    // The clock's frame; playing, it also notices a loop (releaseIdle).
    std::int64_t frameNow();
    void record(Writing& w, std::int64_t frame, double value);
    void close(Writing& w, std::int64_t end);
    // The open span as if it ended at `end`, thinned.
    edits::RecordedSpan finished(const Writing& w, edits::RecordedSpan span,
                                 std::int64_t end) const;
    void updateLive();
    void writeTake();

    ProjectDocument& doc_;
    Clock clock_;
    std::function<double()> wall_;
    QElapsedTimer steady_;
    QTimer idle_;
    AutomationMode mode_ = AutomationMode::Off;
    bool playing_ = false;
    std::int64_t lastFrame_ = 0; // the latest frame seen while playing
    std::vector<Writing> writing_;
};

} // namespace entropic::app
