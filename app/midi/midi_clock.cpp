#include "midi/midi_clock.h"

#include <algorithm>
#include <cmath>

namespace entropic::app {

void MidiClock::start() {
    fresh_ = true;
}

std::optional<double> MidiClock::tick(std::int64_t steadyNs) {
    const bool gap =
        !ticks_.empty() && (steadyNs <= ticks_.back() || steadyNs - ticks_.back() > kGapNs);
    if (fresh_ || gap) {
        ticks_.clear();
        bpm_.reset();
        ++run_;
        fresh_ = false;
    }
    ticks_.push_back(steadyNs);
    if (ticks_.size() > static_cast<std::size_t>(kWindow)) ticks_.pop_front();
    if (ticks_.size() >= static_cast<std::size_t>(kMinTicks)) estimate();
    return bpm_;
}

void MidiClock::estimate() {
    // Least squares of time against tick index; times relative to the first
    // tick keep the sums small enough for doubles to stay exact-ish.
    const double n = static_cast<double>(ticks_.size());
    const double meanIndex = (n - 1) / 2;
    double meanTime = 0;
    for (const auto t : ticks_)
        meanTime += static_cast<double>(t - ticks_.front());
    meanTime /= n;
    double covariance = 0;
    double variance = 0;
    for (std::size_t i = 0; i < ticks_.size(); ++i) {
        const double di = static_cast<double>(i) - meanIndex;
        covariance += di * (static_cast<double>(ticks_[i] - ticks_.front()) - meanTime);
        variance += di * di;
    }
    const double nsPerTick = covariance / variance;
    if (nsPerTick > 0) bpm_ = 60e9 / (nsPerTick * kTicksPerBeat);
}

std::optional<double> followedTempo(double estimate, double current) {
    if (!std::isfinite(estimate)) return std::nullopt;
    // A hair under the 0.1 step, so a clock at exactly 120.1 moves a project
    // at 120.0 despite binary fractions.
    if (std::abs(estimate - current) < 0.1 - 1e-9) return std::nullopt;
    // Tenths by division, which lands on the double nearest 120.1; the
    // clamp is the project file's range.
    const double rounded = std::clamp(std::round(estimate * 10.0) / 10.0, 1.0, 999.0);
    if (rounded == current) return std::nullopt;
    return rounded;
}

} // namespace entropic::app
