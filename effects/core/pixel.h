#pragma once
// Internal to effects/: small pixel helpers shared by effect files.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "entropic/effects/params.h"

namespace entropic::fx {

inline std::uint8_t clampByte(int v) {
    return static_cast<std::uint8_t>(std::clamp(v, 0, 255));
}

// Wraps v into [0, n) for any integer v (n > 0).
inline int wrapIndex(int v, int n) {
    const int r = v % n;
    return r < 0 ? r + n : r;
}

// A colour parameter's R, G, B as bytes (0..255, rounded).
inline std::array<int, 3> rgbBytes(const Rgba& c) {
    return {static_cast<int>(std::lround(c.r * 255)), static_cast<int>(std::lround(c.g * 255)),
            static_cast<int>(std::lround(c.b * 255))};
}

} // namespace entropic::fx
