#include "entropic/engine/render/playback_plan.h"

#include <algorithm>
#include <cmath>

namespace entropic::engine {

int playLookahead(int ringSlots, int ahead) {
    const int ringAhead = std::max(1, ringSlots - 2);
    return ahead > 0 ? std::min(ahead, ringAhead) : ringAhead;
}

void PlaybackPlan::start(const PlayStart& start, Time now) {
    start_ = start;
    if (start_.loop && start_.loop->end <= start_.loop->first) start_.loop.reset();
    anchorPosition_ = wrap(start.position);
    anchorTime_ = now;
    frozen_ = start.preroll;
    last_.reset();
}

void PlaybackPlan::updateClock(double position, Time now) {
    // A report far from where the plan thought the clock was is a jump (the
    // editor seeked or the loop wrapped differently): start the order afresh.
    const double expected = positionAt(now);
    position = wrap(position);
    if (std::abs(lead(static_cast<std::int64_t>(std::floor(position)), expected)) > 4)
        last_.reset();
    anchorPosition_ = position;
    anchorTime_ = now;
    frozen_ = false;
}

double wrapPosition(double position, const std::optional<PlayLoop>& loop) {
    if (!loop || loop->end <= loop->first) return position;
    const double first = static_cast<double>(loop->first);
    const double length = static_cast<double>(loop->end - loop->first);
    double offset = std::fmod(position - first, length);
    if (offset < 0) offset += length;
    return first + offset;
}

double framesUntilDue(std::int64_t frame, double position, int direction,
                      const std::optional<PlayLoop>& loop) {
    double frames = direction > 0 ? static_cast<double>(frame) - position
                                  : position - static_cast<double>(frame + 1);
    if (loop && loop->end > loop->first) {
        // Fold into [−1, length − 1).
        const double length = static_cast<double>(loop->end - loop->first);
        frames = std::fmod(frames + 1, length);
        if (frames < 0) frames += length;
        frames -= 1;
    }
    return frames;
}

std::int64_t PlaybackPlan::wrapFrame(std::int64_t frame) const {
    if (!start_.loop) return frame;
    const std::int64_t length = start_.loop->end - start_.loop->first;
    std::int64_t offset = (frame - start_.loop->first) % length;
    if (offset < 0) offset += length;
    return start_.loop->first + offset;
}

double PlaybackPlan::positionAt(Time now) const {
    if (frozen_) return anchorPosition_;
    const double seconds = std::chrono::duration<double>(now - anchorTime_).count();
    return wrap(anchorPosition_ + std::max(0.0, seconds) * start_.fps * start_.rate);
}

double PlaybackPlan::lead(std::int64_t frame, double position) const {
    return framesUntilDue(frame, position, direction(), start_.loop) /
           std::max(1e-9, std::abs(start_.rate));
}

PlaybackPlan::Step PlaybackPlan::next(Time now, const FrameCost& frameCost, int lookahead) const {
    const double position = positionAt(now);
    const int dir = direction();
    const double rate = std::max(1e-9, std::abs(start_.rate));
    std::int64_t candidate =
        last_ ? wrapFrame(*last_ + dir) : static_cast<std::int64_t>(std::floor(position));

    // Too late to be seen for most of its time on screen: skip to the frame
    // that will be due once its render is done. A cheap (cached) frame further
    // on may still make it where an expensive one would not, so look again
    // from there, a few times at most.
    std::int64_t skipped = 0;
    bool jumped = false;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const double costPeriods =
            std::max(0.0, frameCost(candidate)) * start_.fps; // real-time periods
        if (lead(candidate, position) - costPeriods >= -0.8) break;
        const std::int64_t late = candidate;
        jumped = true;
        const double when = wrap(position + dir * costPeriods * rate);
        candidate = static_cast<std::int64_t>(
            std::floor(when + 1e-9)); // not a hair before a frame boundary
        if (last_ && candidate == *last_) candidate = wrapFrame(candidate + dir);
        skipped += std::max<std::int64_t>(
            0, std::llround((lead(candidate, position) - lead(late, position)) * rate));
        if (candidate == late) break;
    }
    if (!start_.loop && (candidate >= start_.frameCount || candidate < 0))
        return {Step::Kind::End, 0, 0, 0};

    // The ring holds frames, not periods: at 4× a period spans four of them.
    // A frame jumped to is due when its render is done: start it now, or the
    // target would move on with the clock while waiting for it.
    const double aheadFrames = lead(candidate, position) * rate;
    if (!jumped && aheadFrames > lookahead) {
        const double periods = (aheadFrames - lookahead) / rate;
        return {Step::Kind::Wait, 0, 0, periods / start_.fps};
    }
    return {Step::Kind::Render, candidate, skipped, 0};
}

} // namespace entropic::engine
