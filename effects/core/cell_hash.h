#pragma once
// Internal to effects/: the seeded hash of one cell of a grid (a grain, a
// block, a noise cell, a band of a row), so an effect draws its randomness
// per cell as a pure function of (seed, x, y) — the same whichever thread
// computes the cell, whatever the row split (docs/effects.md, "Seeds").
#include <cstdint>

#include "entropic/effects/seed.h"

namespace entropic::fx {

constexpr std::uint64_t kCellStep = 0xd1b54a32d192ed03ULL;

// mix64(seed + ((y << 32) | x) · kCellStep), x and y taken as 32-bit two's
// complement.
inline std::uint64_t cellHash(std::uint64_t seed, std::int64_t x, std::int64_t y) {
    const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(y)) << 32) |
                              static_cast<std::uint32_t>(x);
    return mix64(seed + key * kCellStep);
}

// Walking a row: for 0 <= x < 2^32, (y << 32) | x = (y << 32) + x, so
// cellHash(seed, x, y) = mix64(cellRowKey(seed, y) + x · kCellStep).
inline std::uint64_t cellRowKey(std::uint64_t seed, std::int64_t y) {
    return seed + (static_cast<std::uint64_t>(static_cast<std::uint32_t>(y)) << 32) * kCellStep;
}

} // namespace entropic::fx
