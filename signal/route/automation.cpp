#include "entropic/signal/automation.h"

#include <algorithm>
#include <utility>

#include "dsp/curve.h"

namespace entropic::sig {

double interpolate(Interpolation interp, double from, double to, double p) {
    double w = p;
    switch (interp) {
    case Interpolation::Hold:
        return from;
    case Interpolation::Linear:
        break;
    case Interpolation::EaseIn:
        w = p * p;
        break;
    case Interpolation::EaseOut:
        w = 1.0 - (1.0 - p) * (1.0 - p);
        break;
    case Interpolation::EaseInOut:
        w = dsp::smoothstep(p);
        break;
    }
    return from + (to - from) * w;
}

double laneValue(const AutomationLane& lane, double frame) {
    const auto& keys = lane.keys;
    if (keys.empty()) return 0.0;
    if (frame <= static_cast<double>(keys.front().frame)) return keys.front().value;
    if (frame >= static_cast<double>(keys.back().frame)) return keys.back().value;
    // The first key after frame; the segment starts at the one before it.
    const auto next =
        std::upper_bound(keys.begin(), keys.end(), frame, [](double f, const Keyframe& k) {
            return f < static_cast<double>(k.frame);
        });
    const auto& a = *(next - 1);
    const auto& b = *next;
    const double p =
        (frame - static_cast<double>(a.frame)) / static_cast<double>(b.frame - a.frame);
    return interpolate(a.interp, a.value, b.value, p);
}

const AutomationLane* findLane(const SignalGraphSpec& spec, const ParamTarget& target) {
    for (const auto& lane : spec.lanes)
        if (lane.target == target) return &lane;
    return nullptr;
}

AutomationLane* findLane(SignalGraphSpec& spec, const ParamTarget& target) {
    return const_cast<AutomationLane*>(findLane(std::as_const(spec), target));
}

} // namespace entropic::sig
