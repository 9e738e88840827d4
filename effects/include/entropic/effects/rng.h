#pragma once
// A portable pseudo-random generator: xoshiro256** seeded through SplitMix64.
// Only integer arithmetic and our own conversions: the same seed gives the same
// sequence everywhere (no std::*_distribution, whose output differs between
// standard libraries).
#include <cstdint>

namespace entropic::fx {

class Rng {
  public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t next(); // full 64 bits
    double uniform();     // [0, 1), 53 bits
    float uniformf() { return static_cast<float>(uniform()); }
    // Uniform integer in [lo, hi] (inclusive); Lemire's method, unbiased.
    std::int64_t range(std::int64_t lo, std::int64_t hi);
    // Standard normal via Box–Muller with our own constants.
    double gaussian();

  private:
    std::uint64_t s_[4];
};

} // namespace entropic::fx
