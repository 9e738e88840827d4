#include "transport/tempo_tap.h"

namespace entropic::app {

TempoTap::Result TempoTap::tap(std::int64_t steadyNs) {
    Result result;
    if (times_.empty() || steadyNs <= times_.back() || steadyNs - times_.back() > kResetNs) {
        times_.clear();
        result.newRun = true;
    }
    times_.push_back(steadyNs);
    if (times_.size() > static_cast<std::size_t>(kWindow)) times_.pop_front();
    if (times_.size() < 2) return result;
    // The mean of the intervals is the span over their count: one division,
    // so taps exactly 500 ms apart give exactly 120.
    const double span = static_cast<double>(times_.back() - times_.front());
    const double intervals = static_cast<double>(times_.size() - 1);
    result.bpm = 60e9 * intervals / span;
    return result;
}

} // namespace entropic::app
