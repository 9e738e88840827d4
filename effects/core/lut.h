#pragma once
// Internal to effects/: per-channel 256-entry tables, the fast path of every
// tone effect (curves, exposure, contrast, temperature, invert): the curve is
// evaluated once per call for each of the 256 input values, then each byte is
// one lookup.
#include <array>
#include <cstdint>

#include "entropic/effects/frame.h"
#include "entropic/effects/parallel.h"

namespace entropic::fx {

using Lut = std::array<std::uint8_t, 256>;

Lut identityLut();

// Builds a table from f(v) for v in 0..255, f returning 0..1 (clamped, rounded).
template <class F> Lut lutFrom(F&& f) {
    Lut lut{};
    for (int v = 0; v < 256; ++v) {
        double y = f(v / 255.0);
        y = y < 0 ? 0 : (y > 1 ? 1 : y);
        lut[static_cast<std::size_t>(v)] =
            static_cast<std::uint8_t>(static_cast<int>(y * 255.0 + 0.5));
    }
    return lut;
}

// out = (r[R], g[G], b[B], a[A]) for every pixel.
void applyLuts(ConstFrameView in, FrameView out, const Lut& r, const Lut& g, const Lut& b,
               const Lut& a, const RowRunner& rows);

} // namespace entropic::fx
