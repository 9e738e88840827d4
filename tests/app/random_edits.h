#pragma once
// A seeded stream of random edits over every operation in edits.h, for the
// history tests. Refused edits are part of the point (they must change
// nothing); randomEdit returns whether one was recorded.
#include <cstdint>

#include "model/project_document.h"

namespace entropic::app::test {

// SplitMix64: portable, so a seed means the same edits everywhere.
class TestRng {
  public:
    explicit TestRng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // In [lo, hi].
    std::int64_t range(std::int64_t lo, std::int64_t hi);
    bool chance(int percent) { return range(0, 99) < percent; }

  private:
    std::uint64_t state_;
};

struct EditStats {
    int attempts = 0;
    int critical = 0; // critical edits recorded
};

// Tries one random edit; true if the history grew or merged.
bool randomEdit(ProjectDocument& doc, TestRng& rng, EditStats& stats);

} // namespace entropic::app::test
