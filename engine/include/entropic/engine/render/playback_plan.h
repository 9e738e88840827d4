#pragma once
// Which frame the engine renders next while the editor plays (docs/architecture.md).
// The editor's audio clock is the master: it reports the timeline
// position (in frames, fractional) several dozen times a second, and the plan
// extrapolates between reports at the play rate. The frame on screen at
// position p is ⌊p⌋, in either direction.
//
// The plan renders frames in play order, at most `lookahead` frames ahead of
// the clock (the ring must not overwrite a frame before it is shown). A frame
// that would be finished after its time on screen is over is skipped: the
// plan jumps to the frame that will be due when the render is done, so a slow
// chain drops frames instead of slowing the picture down. It never goes back
// against the play direction, except where a loop wraps.
//
// Pure: every call takes the time it is about; tests drive it with fake times.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

namespace entropic::engine {

struct PlayLoop {
    std::int64_t first = 0;
    std::int64_t end = 0; // exclusive; end > first
};

// Timeline frames from `position` until `frame` is due, playing in `direction`
// (+1 or −1): forward, frame f is due when the position reaches f; in reverse,
// when it drops below f + 1. ≤ 0: due now; ≤ −1: its time on screen is over.
// Within a loop, ahead across the wrap counts as ahead. The engine's plan and
// the editor's presenter both judge frames by it.
double framesUntilDue(std::int64_t frame, double position, int direction,
                      const std::optional<PlayLoop>& loop);
// `position` folded into the loop (unchanged without one).
double wrapPosition(double position, const std::optional<PlayLoop>& loop);

struct PlayStart {
    std::uint32_t session = 0;
    double position = 0;         // timeline frames, fractional
    double rate = 1;             // frames of timeline per frame of real time; negative: reverse
    double fps = 30;             // the project's frame rate
    std::int64_t frameCount = 0; // the project's length
    std::optional<PlayLoop> loop;
    // Pre-roll: the clock stands still at `position` until the first report,
    // so the frames the start needs are rendered before the sound starts.
    bool preroll = false;
    // At most this many frames rendered ahead of the clock (0: as many as the
    // ring holds). Fewer frames ahead is less protection against a slow frame
    // but a shorter wait for a live hit, which frames rendered before it
    // cannot show (docs/performance.md, "Live latency").
    int ahead = 0;
};

// How many frames a play session renders ahead of the clock: the ring keeps
// the frame on screen and the one being written, the rest may run ahead,
// capped by the session's `ahead` when it asks for fewer.
int playLookahead(int ringSlots, int ahead);

class PlaybackPlan {
  public:
    using Time = std::chrono::steady_clock::time_point;

    struct Step {
        enum class Kind { Render, Wait, End };
        Kind kind = Kind::Wait;
        std::int64_t frame = 0;   // Render: this frame
        std::int64_t skipped = 0; // Render: frames jumped over to get there
        double waitSeconds = 0;   // Wait: until the clock has moved this much
    };

    void start(const PlayStart& start, Time now);
    // The editor's clock says the position is `position` at `now`.
    void updateClock(double position, Time now);
    // The project's length changed (an edit while playing).
    void setFrameCount(std::int64_t frameCount) { start_.frameCount = frameCount; }

    const PlayStart& settings() const { return start_; }
    int direction() const { return start_.rate < 0 ? -1 : 1; }
    // Extrapolated from the last report, wrapped into the loop.
    double positionAt(Time now) const;
    // How many frame periods until `frame` is due (≤ 0: due now; ≤ −1: its
    // time on screen is over). Loop-aware.
    double lead(std::int64_t frame, double position) const;

    // Seconds it will take to produce `frame` (a cached frame is cheap).
    using FrameCost = std::function<double(std::int64_t frame)>;
    // What to do at `now`, rendering at most `lookahead` timeline frames ahead
    // of the clock.
    Step next(Time now, const FrameCost& frameCost, int lookahead) const;
    Step next(Time now, double frameCost, int lookahead) const {
        return next(
            now, [frameCost](std::int64_t) { return frameCost; }, lookahead);
    }
    // `frame` was produced: the next one follows it in play order.
    void produced(std::int64_t frame) { last_ = frame; }

  private:
    double wrap(double position) const { return wrapPosition(position, start_.loop); }
    std::int64_t wrapFrame(std::int64_t frame) const;

    PlayStart start_;
    double anchorPosition_ = 0;
    Time anchorTime_{};
    std::optional<std::int64_t> last_;
    bool frozen_ = false; // pre-rolling: no report yet
};

} // namespace entropic::engine
