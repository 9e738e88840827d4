#pragma once
// Internal to effects/: fast separable blurs built from "extended box" passes
// (Gwosdek, Grewenig, Bruhn, Weickert 2011): a box of 2r+1 taps plus a
// fractional weight α on the two taps just outside it, so the kernel's width
// (and variance) changes continuously with the radius — an animated radius
// never jumps. Each pass costs the same at any radius (running sums).
//
//   box blur of radius ρ:      one pass per axis, r = ⌊ρ⌋, α = ρ − r
//   gaussian of deviation σ:   three passes per axis, each of variance σ²/3
//                              (three boxes make a quadratic spline; against
//                              an exact gaussian see docs/effects.md)
//
// Pixels are blurred premultiplied by alpha (so transparent pixels do not
// bleed their hidden colour) and edges are extended. Values between passes
// are integers in 1/255 of a premultiplied level (0..65025); each pass's
// normalisation is one float multiply-add, rounded back to an integer. The
// result does not depend on how rows are split between threads.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/simd.h"
#include "entropic/effects/frame.h"
#include "entropic/effects/parallel.h"

namespace entropic::fx {

struct BoxPass {
    int radius = 0;      // whole taps each side of the centre
    float weight = 1;    // 1 / (2·radius + 1 + 2·α): the weight of a whole tap
    float endWeight = 0; // α · weight: the weight of the two fractional end taps
};

// One pass of an extended box of half-width `extent` (≥ 0, fractional allowed).
BoxPass boxPass(double extent);
// The pass of an extended box whose variance is `variance` (in px²).
BoxPass boxPassForVariance(double variance);
// Three passes approximating a gaussian of standard deviation sigma (px).
std::vector<BoxPass> gaussianPasses(double sigma);

// Blurs in into out (same size, no aliasing): the horizontal passes, then the
// vertical ones (at most 3 per axis). No passes on an axis leaves it unblurred.
void separableBlur(ConstFrameView in, FrameView out, const std::vector<BoxPass>& horizontal,
                   const std::vector<BoxPass>& vertical, const RowRunner& rows);

// BT.709 luma of in, lumaX256 of core/luma.h (1/256 of a level, 0..65280),
// blurred with `passes` on both axes (at most 3): a plane of (width + 3) / 4
// elements per row, four neighbouring columns per element.
// A quarter of the work of blurring RGBA.
std::vector<U16x4> blurLuma(ConstFrameView in, const std::vector<BoxPass>& passes,
                            const RowRunner& rows);

// ---- Building blocks, shared with effects that walk their own lines ----

inline I32x4 load(U16x4 v) {
    return widen(v);
}
inline I32x4 load(I32x4 v) {
    return v;
}

// Premultiplied integer pixel: colour·alpha and alpha·255, all in 0..65025
// (16-bit products are exact: 255 · 255 < 65536).
inline I32x4 premultiply(const std::uint8_t* p) {
#if defined(__SSE2__)
    int bytes;
    std::memcpy(&bytes, p, 4);
    const __m128i zero = _mm_setzero_si128();
    const __m128i px = _mm_unpacklo_epi8(_mm_cvtsi32_si128(bytes), zero);
    const __m128i mul = _mm_insert_epi16(_mm_shufflelo_epi16(px, 0xff), 255, 3);
    return reinterpret_cast<I32x4>(_mm_unpacklo_epi16(_mm_mullo_epi16(px, mul), zero));
#else
    return I32x4{p[0] * p[3], p[1] * p[3], p[2] * p[3], p[3] * 255};
#endif
}

// A pass's output rounded back to integer 1/255 units (v already carries the
// +0.5 that boxLine adds, so truncation rounds).
inline I32x4 settle(F32x4 v) {
    return toInt(v);
}

// Back to straight 8-bit RGBA; v holds premultiplied 1/255 units plus 0.5.
inline void unpremultiply(F32x4 v, std::uint8_t* d) {
    const float a = v[3] - 0.5f;
    I32x4 c;
    if (a >= 65024.5f) { // opaque: the common case, no division
        c = toInt((v - splat(0.5f)) * splat(1.0f / 255.0f) + splat(0.5f));
        c[3] = 255;
    } else if (a < 127.5f) { // rounds to alpha 0: colour is meaningless, keep it black
        c = I32x4{0, 0, 0, 0};
    } else {
        const float k = 255.0f / a;
        c = toInt((v - splat(0.5f)) * F32x4{k, k, k, 1.0f / 255.0f} + splat(0.5f));
    }
    storeBytes(c, d);
}

inline int clampIndex(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
}

// One extended-box pass along a line of n positions, positions `pitch`
// elements apart, each position holding Lanes neighbouring pixels filtered
// independently (1 for a row, a strip's width for columns). Positions past
// either end repeat the end one. sink(i, lane, v) receives each output pixel's
// normalised value plus 0.5. sums is scratch for Lanes pixels.
template <int Lanes, class T, class Sink>
void boxLine(const T* in, std::ptrdiff_t pitch, int n, const BoxPass& k, I32x4* sums, Sink&& sink) {
    const int r = k.radius;
    for (int l = 0; l < Lanes; ++l)
        sums[l] = I32x4{0, 0, 0, 0};
    for (int i = -r; i <= r; ++i) {
        const T* p = in + clampIndex(i, n) * pitch;
        for (int l = 0; l < Lanes; ++l)
            sums[l] += load(p[l]);
    }
    const F32x4 weight = splat(k.weight), endWeight = splat(k.endWeight), half = splat(0.5f);
    // before: the left end tap; first: leaves the box next; after: the right
    // end tap, entering the box next.
    const auto step = [&](int i, const T* before, const T* first, const T* after) {
        for (int l = 0; l < Lanes; ++l) {
            const I32x4 enter = load(after[l]);
            const I32x4 ends = load(before[l]) + enter;
            sink(i, l, toFloat(sums[l]) * weight + toFloat(ends) * endWeight + half);
            sums[l] += enter - load(first[l]);
        }
    };
    const auto at = [&](int i) { return in + clampIndex(i, n) * pitch; };
    const int bodyBegin = std::min(n, r + 1), bodyEnd = std::max(bodyBegin, n - r - 1);
    for (int i = 0; i < bodyBegin; ++i)
        step(i, at(i - r - 1), at(i - r), at(i + r + 1));
    const T* before = in + (bodyBegin - r - 1) * pitch;
    for (int i = bodyBegin; i < bodyEnd; ++i, before += pitch)
        step(i, before, before + pitch, before + (2 * r + 2) * pitch);
    for (int i = bodyEnd; i < n; ++i)
        step(i, at(i - r - 1), at(i - r), at(i + r + 1));
}

} // namespace entropic::fx
