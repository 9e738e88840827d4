#include "playback/play_mapping.h"

#include <cmath>

namespace entropic::app {

namespace {

bool usable(const std::optional<LoopRange>& loop) {
    return loop && loop->out > loop->in;
}

} // namespace

std::int64_t wrapIntoLoop(std::int64_t sample, const std::optional<LoopRange>& loop) {
    if (!usable(loop)) return sample;
    const std::int64_t length = loop->length();
    std::int64_t offset = (sample - loop->in) % length;
    if (offset < 0) offset += length; // C++ % keeps the dividend's sign
    return loop->in + offset;
}

std::int64_t placeInLoop(std::int64_t sample, double rate, const std::optional<LoopRange>& loop) {
    if (!usable(loop) || loop->contains(sample)) return sample;
    return rate < 0 ? loop->out - 1 : loop->in;
}

std::int64_t timelineSampleAt(const PlayMapping& m, std::int64_t deviceFrame) {
    const std::int64_t elapsed = deviceFrame - m.anchorFrame;
    // Integer path for the common case: no rounding can creep in over hours.
    const std::int64_t moved =
        m.rate == 1.0
            ? elapsed
            : static_cast<std::int64_t>(std::floor(m.rate * static_cast<double>(elapsed)));
    return wrapIntoLoop(m.startSample + moved, m.loop);
}

} // namespace entropic::app
