#pragma once
// Time for signals: the project's frame grid and tempo (docs/signals.md).
//
// Every signal value belongs to a timeline frame index n >= 0. Seconds are
// derived from the rational frame rate in one fixed order of operations, so a
// frame's time is the same double everywhere.
#include <cstdint>
#include <span>
#include <vector>

namespace entropic::sig {

// One value per timeline frame, frame 0 first.
using Series = std::vector<double>;
using SeriesView = std::span<const double>;

struct Timing {
    int rateNum = 30; // frames a second as rateNum / rateDen
    int rateDen = 1;
    double bpm = 120; // project tempo, beats a minute

    // n · den / num, evaluated as ((double)n · den) / num.
    double seconds(std::int64_t frame) const {
        return static_cast<double>(frame) * rateDen / rateNum;
    }
    double framePeriod() const { return static_cast<double>(rateDen) / rateNum; }
    // The first audio sample of frame n at sampleRate: floor(n · den · rate / num),
    // in integers (exact for n · den · rate < 2^63).
    std::int64_t firstSample(std::int64_t frame, int sampleRate) const;
};

} // namespace entropic::sig
