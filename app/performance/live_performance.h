#pragma once
// Playing the pads (docs/performance.md): hits come in (press/release, from
// the keys or the pad grid), PadPlayer turns them into gate changes, and
// those reach three places:
//   - the engine, at once, as live events on the pads' lanes
//     (ProjectDocument::setLiveEvents): stopped, a held pad shows on the
//     frame under the playhead; playing, a hit stamped with the playback
//     clock's frame is on for every frame after it until released;
//   - the armed take: at stop, what was played is written to the lanes as
//     one undo step ("Record take"), overdubbed or replacing the played range;
//   - the retro-capture buffer: the hits of the last N seconds (wall time),
//     kept while playing whether armed or not; captureLast() writes them.
// Takes and captures are quantized (quantize.h) when a grid is set.
// The clock is passed in, so tests drive it frame by frame.
#include <functional>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "commands/performance_edits.h"
#include "performance/hit_log.h"
#include "performance/pad_player.h"

namespace entropic::app {

class ProjectDocument;

class LivePerformance : public QObject {
    Q_OBJECT
  public:
    struct Clock {
        std::function<bool()> playing;
        // Playing: the playback clock's position (fractional timeline frames);
        // stopped: the playhead.
        std::function<double()> frame;
    };
    static constexpr double kDefaultRetroSeconds = 60;

    LivePerformance(ProjectDocument& doc, Clock clock, QObject* parent = nullptr);

    // Pads are EditorState::pads by index.
    void press(int pad, double velocity = 1.0);
    void release(int pad);
    bool isOn(int pad) const { return player_.isOn(pad); }

    void setArmed(bool armed) { armed_ = armed; }
    bool armed() const { return armed_; }
    void setTakeMode(edits::TakeMode mode) { takeMode_ = mode; }
    edits::TakeMode takeMode() const { return takeMode_; }
    // The quantize grid of takes and captures, in beats at the project tempo
    // (0: off; quantizeChoices()).
    void setQuantizeBeats(double beats) { quantizeBeats_ = beats; }
    double quantizeBeats() const { return quantizeBeats_; }
    void setRetroSeconds(double seconds);
    double retroSeconds() const { return retroSeconds_; }
    const HitLog& retroBuffer() const { return retro_; }

    // Writes the hits of the last retroSeconds() (held ones cut at the clock)
    // to their lanes, overdubbed, as one undo step; the buffer starts afresh.
    // Refused when nothing was played in that time.
    bool captureLast(QString* error = nullptr);

    // Playback started or stopped (Player::playingChanged): every pad goes
    // off, and a stop writes the armed take.
    void setPlaying(bool playing);

    // The frame a cue jump waits for while playing (the next line of the
    // quantize grid at or after the hit), or nullopt when none is pending.
    std::optional<std::int64_t> pendingCueLaunch() const;
    // Seconds since some fixed point (tests replace the steady clock).
    void setWallClock(std::function<double()> wall) { wall_ = std::move(wall); }

  Q_SIGNALS:
    void padChanged(int pad, bool on);
    // A take or capture was written, or refused (the message says why).
    void notice(const QString& text);
    // A cue pad asks for the playhead at `frame`: stopped, at once; playing,
    // when the clock reaches the next quantize line (quantize off: at once).
    // Pads held across the jump are cut at it and go on from the new frame.
    void cueRequested(qint64 frame);

  private:
    void syncPads();
    double now() const; // PadPlayer's clock: seconds of timeline while playing, wall time stopped
    std::int64_t frameAt(double time) const;
    void apply(const std::vector<GateChange>& changes);
    void updateLive();
    void writeTake();
    void cue(std::int64_t target);
    void launchCue();
    // The events as written: snapped to the quantize grid when one is set.
    std::vector<sig::GateEvent> quantized(std::vector<sig::GateEvent> events) const;
    double fps() const;

    ProjectDocument& doc_;
    Clock clock_;
    std::function<double()> wall_;
    QElapsedTimer steady_;
    QTimer oneShots_;
    QTimer cueWait_;
    struct PendingCue {
        std::int64_t target = 0;
        double hit = 0;    // the clock's frame at the hit
        double launch = 0; // timeline frame of the quantize line it waits for
    };
    std::optional<PendingCue> pendingCue_;
    PadPlayer player_;
    std::vector<std::string> lanes_; // by pad index
    std::vector<double> velocity_;   // of the pads that are on
    HitLog take_;
    HitLog retro_;
    std::int64_t takeStart_ = 0;
    double retroSeconds_ = kDefaultRetroSeconds;
    double quantizeBeats_ = 0;
    bool playing_ = false;
    bool armed_ = false;
    edits::TakeMode takeMode_ = edits::TakeMode::Overdub;
};

} // namespace entropic::app
