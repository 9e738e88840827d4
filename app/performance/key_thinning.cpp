#include "performance/key_thinning.h"

#include <cmath>
#include <utility>

namespace entropic::app {

namespace {

// How far key m lies from the line between keys a and b, in value (the lane
// is read at whole frames, so the error that matters is the value's).
double offLine(const sig::Keyframe& a, const sig::Keyframe& b, const sig::Keyframe& m) {
    const double p =
        static_cast<double>(m.frame - a.frame) / static_cast<double>(b.frame - a.frame);
    return std::abs(m.value - (a.value + (b.value - a.value) * p));
}

} // namespace

std::vector<sig::Keyframe> thinLinearKeys(const std::vector<sig::Keyframe>& keys,
                                          double tolerance) {
    if (keys.size() <= 2) return keys;
    std::vector<bool> keep(keys.size(), false);
    keep.front() = keep.back() = true;
    // An explicit stack of [first, last] segments, not recursion: a long take
    // of a jittery knob must not run out of stack.
    std::vector<std::pair<std::size_t, std::size_t>> segments{{0, keys.size() - 1}};
    while (!segments.empty()) {
        const auto [first, last] = segments.back();
        segments.pop_back();
        double worst = -1;
        std::size_t at = first;
        for (std::size_t i = first + 1; i < last; ++i)
            if (const double d = offLine(keys[first], keys[last], keys[i]); d > worst) {
                worst = d;
                at = i;
            }
        if (worst <= tolerance) continue;
        keep[at] = true;
        segments.emplace_back(first, at);
        segments.emplace_back(at, last);
    }
    std::vector<sig::Keyframe> kept;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keep[i]) kept.push_back(keys[i]);
    return kept;
}

std::vector<sig::Keyframe> thinHoldKeys(const std::vector<sig::Keyframe>& keys) {
    std::vector<sig::Keyframe> kept;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (kept.empty() || i + 1 == keys.size() || keys[i].value != kept.back().value)
            kept.push_back(keys[i]);
    return kept;
}

} // namespace entropic::app
