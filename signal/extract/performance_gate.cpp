#include "entropic/signal/performance_gate.h"

#include <algorithm>

namespace entropic::sig {

Series gateSeries(std::span<const GateEvent> events, std::int64_t frameCount) {
    if (frameCount <= 0) return {};
    Series out(static_cast<std::size_t>(frameCount), 0.0);
    for (const auto& e : events) {
        const std::int64_t first = std::clamp<std::int64_t>(e.onFrame, 0, frameCount);
        const std::int64_t last = std::clamp<std::int64_t>(e.offFrame, first, frameCount);
        const double v = std::clamp(e.velocity, 0.0, 1.0);
        for (std::int64_t n = first; n < last; ++n) {
            auto& slot = out[static_cast<std::size_t>(n)];
            slot = std::max(slot, v);
        }
    }
    return out;
}

} // namespace entropic::sig
