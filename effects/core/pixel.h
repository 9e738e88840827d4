#pragma once
// Internal to effects/: small pixel helpers shared by effect files.
#include <algorithm>
#include <cstdint>

namespace entropic::fx {

inline std::uint8_t clampByte(int v) { return static_cast<std::uint8_t>(std::clamp(v, 0, 255)); }

// Wraps v into [0, n) for any integer v (n > 0).
inline int wrapIndex(int v, int n) {
    const int r = v % n;
    return r < 0 ? r + n : r;
}

} // namespace entropic::fx
