#pragma once
// Which rendered frame the viewer shows while playing, judged against the
// audio clock alone (docs/architecture.md): at clock position p the frame due is
// ⌊p⌋. A frame is shown only while it is due; one that arrives after its time
// is dropped and the last picture stays up. Since the due frame only moves in
// the play direction (or wraps with the loop), the picture never goes back.
//
// It also keeps the books the play benchmark reports: every frame that fell
// due (including ones the clock passed between two looks), every one shown,
// and how far the clock had moved into a frame's time when it was shown.
#include <cstdint>
#include <optional>

#include "entropic/engine/render/playback_plan.h"

namespace entropic::app {

class PresentSchedule {
  public:
    struct Stats {
        std::int64_t due = 0;       // frames whose time on screen came
        std::int64_t presented = 0; // of those, shown while due
        double maxGapFrames = 0;    // clock position − frame when shown, in frames
        double meanGapFrames = 0;
        std::int64_t dropped() const { return due - presented; }
    };

    void begin(int direction, std::optional<engine::PlayLoop> loop);

    // The clock is at `position`: the frame due now.
    std::int64_t advance(double position);
    // Worth decoding: not over yet, and at most `lookahead` frames ahead.
    bool wanted(std::int64_t frame, double position, int lookahead) const;
    // Its time on screen is over.
    bool stale(std::int64_t frame, double position) const;
    // Due now and not on screen yet.
    bool showNow(std::int64_t frame) const { return due_ && frame == *due_ && frame != lastShown_; }
    void shown(std::int64_t frame, double position);

    const Stats& stats() const { return stats_; }

  private:
    static constexpr std::int64_t kNone = INT64_MIN;
    double until(std::int64_t frame, double position) const {
        return engine::framesUntilDue(frame, position, direction_, loop_);
    }

    int direction_ = 1;
    std::optional<engine::PlayLoop> loop_;
    std::optional<std::int64_t> due_;
    std::int64_t lastShown_ = kNone;
    Stats stats_;
};

} // namespace entropic::app
