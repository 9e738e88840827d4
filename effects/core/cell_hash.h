#pragma once
// Internal to effects/: the seeded hash of one cell of a grid (a grain, a
// block, a noise cell, a band of a row), so an effect draws its randomness
// per cell as a pure function of (seed, x, y) — the same whichever thread
// computes the cell, whatever the row split (docs/effects.md, "Seeds").
#include <cstdint>

#include "entropic/effects/seed.h"

namespace entropic::fx {

// mix64(seed + ((y << 32) | x) · 0xd1b54a32d192ed03), x and y taken as 32-bit
// two's complement.
inline std::uint64_t cellHash(std::uint64_t seed, std::int64_t x, std::int64_t y) {
    const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(y)) << 32) |
                              static_cast<std::uint32_t>(x);
    return mix64(seed + key * 0xd1b54a32d192ed03ULL);
}

} // namespace entropic::fx
