#pragma once
// The rule that makes temporal effects deterministic under seeking
// (docs/determinism.md).
//
// A chain whose temporal effects need W frames of history (the sum of their
// descriptors' historyFrames) splits its clip into segments of S = 4·W frames.
// The chain's state at clip frame n is, by definition, what running the whole
// chain from empty state over frames anchor(n) … n−1 produces, where
//     anchor(n) = max(0, ⌊n / S⌋·S − W).
// Preview, seek, export and a render-farm slice all follow this definition, so
// frame n has the same bytes however it was reached. Sequential rendering pays
// for it by running a second ("shadow") copy of the chain over the last W
// frames of each segment; a seek replays at most S + W frames.
#include <algorithm>
#include <cstdint>

namespace entropic::engine {

struct TemporalSchedule {
    std::int64_t history = 0; // W
    std::int64_t segment = 1; // S

    static TemporalSchedule forHistory(std::int64_t historyFrames) {
        TemporalSchedule s;
        s.history = std::max<std::int64_t>(0, historyFrames);
        s.segment = std::max<std::int64_t>(1, 4 * s.history);
        return s;
    }
    bool stateless() const { return history == 0; }
    std::int64_t segmentStart(std::int64_t n) const { return n / segment * segment; }
    std::int64_t anchor(std::int64_t n) const {
        return std::max<std::int64_t>(0, segmentStart(n) - history);
    }
    // The anchor the next segment's state starts from (where the shadow starts).
    std::int64_t nextAnchor(std::int64_t n) const { return segmentStart(n) + segment - history; }
};

} // namespace entropic::engine
