#include "performance/quantize.h"

#include <algorithm>
#include <cmath>

namespace entropic::app {

namespace {

constexpr QuantizeChoice kChoices[] = {
    {"off", "Off", 0},
    {"1/16", "1/16 beat", 1.0 / 16},
    {"1/8", "1/8 beat", 1.0 / 8},
    {"1/4", "1/4 beat", 1.0 / 4},
    {"1", "1 beat", 1},
};

} // namespace

std::span<const QuantizeChoice> quantizeChoices() {
    return kChoices;
}

double quantizeStep(double beats, double tempoBpm, engine::Rational frameRate) {
    const double fps = frameRate.toDouble();
    if (!(beats > 0) || !(tempoBpm > 0) || !(fps > 0)) return 0;
    return beats * 60.0 / tempoBpm * fps;
}

std::vector<sig::GateEvent> quantizeEvents(std::vector<sig::GateEvent> events, double step) {
    if (!(step > 0)) return events;
    for (auto& e : events) {
        const std::int64_t length = std::max<std::int64_t>(1, e.offFrame - e.onFrame);
        const double line = std::round(static_cast<double>(e.onFrame) / step) * step;
        e.onFrame = std::max<std::int64_t>(0, std::llround(line));
        e.offFrame = e.onFrame + length;
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.onFrame < b.onFrame; });
    std::vector<sig::GateEvent> out;
    for (const auto& e : events) {
        if (!out.empty() && out.back().onFrame == e.onFrame) {
            out.back().offFrame = std::max(out.back().offFrame, e.offFrame);
            out.back().velocity = std::max(out.back().velocity, e.velocity);
            continue;
        }
        if (!out.empty() && out.back().offFrame > e.onFrame) out.back().offFrame = e.onFrame;
        out.push_back(e);
    }
    return out;
}

} // namespace entropic::app
