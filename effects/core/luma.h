#pragma once
// Internal to effects/: BT.709 luma, Y = 0.2126 R + 0.7152 G + 0.0722 B — the
// one definition every effect, the container's luma mask and the luma keys
// use, so "brightness" means the same thing everywhere.
//
// Integer effects use the 16-bit weights (they sum to 65536, so 65536 is 1.0)
// and stay exact on every CPU; floating-point code uses the decimal weights.
// Each effect keeps the rounding it was built with (lumaByte, lumaX256 or the
// raw weighted sum): changing one changes golden hashes.
#include <cstdint>
#include <type_traits>

namespace entropic::fx {

inline constexpr int kLumaR = 13933, kLumaG = 46871, kLumaB = 4732;
static_assert(kLumaR + kLumaG + kLumaB == 65536);
inline constexpr double kLumaRf = 0.2126, kLumaGf = 0.7152, kLumaBf = 0.0722;
// The YCbCr chroma scales that follow from them: Cb = (B − Y) / kCbScale,
// Cr = (R − Y) / kCrScale.
inline constexpr double kCbScale = 2 * (1 - kLumaBf), kCrScale = 2 * (1 - kLumaRf);

// 65536 × the luma of R, G, B, computed in T (int by default; a wider type
// for sums of many pixels, double for a fractional result). 0..255·65536 for
// one 8-bit pixel.
template <class T = int>
constexpr T lumaWeighted(std::type_identity_t<T> r, std::type_identity_t<T> g,
                         std::type_identity_t<T> b) {
    return T(kLumaR) * r + T(kLumaG) * g + T(kLumaB) * b;
}

// The luma of an 8-bit pixel as a byte, rounded: 0..255.
constexpr int lumaByte(int r, int g, int b) {
    return (lumaWeighted(r, g, b) + 32768) >> 16;
}

// The luma of an 8-bit pixel in 1/256 steps, rounded: 0..65280.
constexpr int lumaX256(int r, int g, int b) {
    return (lumaWeighted(r, g, b) + 128) >> 8;
}

// The luma of R, G, B in any floating-point scale.
constexpr double lumaOf(double r, double g, double b) {
    return kLumaRf * r + kLumaGf * g + kLumaBf * b;
}

} // namespace entropic::fx
