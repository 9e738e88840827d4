#pragma once
// Internal to effects/: the sRGB transfer function (IEC 61966-2-1), for
// effects that work in linear light (exposure, colour temperature).
#include <cmath>

namespace entropic::fx {

inline double srgbToLinear(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

inline double linearToSrgb(double l) {
    if (l <= 0) return 0;
    return l <= 0.0031308 ? 12.92 * l : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
}

} // namespace entropic::fx
