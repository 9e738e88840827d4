#include "playback/present_schedule.h"

#include <algorithm>
#include <cmath>

namespace entropic::app {

void PresentSchedule::begin(int direction, std::optional<engine::PlayLoop> loop) {
    direction_ = direction < 0 ? -1 : 1;
    loop_ = loop;
    due_.reset();
    lastShown_ = kNone;
    stats_ = Stats{};
}

std::int64_t PresentSchedule::advance(double position) {
    const auto now = static_cast<std::int64_t>(std::floor(engine::wrapPosition(position, loop_)));
    if (!due_) {
        due_ = now;
        stats_.due = 1;
        return now;
    }
    if (now == *due_) return now;
    // Frames the clock passed between two looks were due too: count them.
    const double passed = -until(*due_, position);
    stats_.due += std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(passed)));
    due_ = now;
    return now;
}

bool PresentSchedule::wanted(std::int64_t frame, double position, int lookahead) const {
    const double ahead = until(frame, position);
    return ahead > -1.0 && ahead <= lookahead && frame != lastShown_;
}

bool PresentSchedule::stale(std::int64_t frame, double position) const {
    return until(frame, position) <= -1.0;
}

void PresentSchedule::shown(std::int64_t frame, double position) {
    lastShown_ = frame;
    ++stats_.presented;
    const double gap = std::max(0.0, -until(frame, position));
    stats_.maxGapFrames = std::max(stats_.maxGapFrames, gap);
    stats_.meanGapFrames += (gap - stats_.meanGapFrames) / static_cast<double>(stats_.presented);
}

} // namespace entropic::app
