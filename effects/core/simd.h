#pragma once
// Internal to effects/: four-lane vectors (one RGBA pixel, or one channel of
// four pixels) with GCC/Clang vector extensions, plus the few SSE2 packing
// steps the extensions compile poorly. Each lane is computed exactly as the
// scalar code would be (IEEE float, no reassociation, no contraction on
// x86-64's SSE2), so results do not depend on the grouping; on x86-64 they map
// to SSE2, elsewhere to the portable fallbacks.
#include <cmath>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace entropic::fx {

typedef std::int32_t I32x4 __attribute__((vector_size(16)));
typedef float F32x4 __attribute__((vector_size(16)));
typedef std::uint16_t U16x4 __attribute__((vector_size(8)));

inline F32x4 splat(float v) {
    return F32x4{v, v, v, v};
}
inline I32x4 splatInt(std::int32_t v) {
    return I32x4{v, v, v, v};
}
inline I32x4 widen(U16x4 v) {
    return __builtin_convertvector(v, I32x4);
}
inline F32x4 toFloat(I32x4 v) {
    return __builtin_convertvector(v, F32x4);
}
// Truncates towards zero (add 0.5 first to round a non-negative value).
inline I32x4 toInt(F32x4 v) {
    return __builtin_convertvector(v, I32x4);
}
inline F32x4 vmin(F32x4 a, F32x4 b) {
    return a < b ? a : b;
}
inline F32x4 vmax(F32x4 a, F32x4 b) {
    return a > b ? a : b;
}
// Correctly rounded square root per lane (IEEE, as std::sqrt).
inline F32x4 vsqrt(F32x4 v) {
#if defined(__SSE2__)
    return reinterpret_cast<F32x4>(_mm_sqrt_ps(reinterpret_cast<__m128>(v)));
#else
    return F32x4{std::sqrt(v[0]), std::sqrt(v[1]), std::sqrt(v[2]), std::sqrt(v[3])};
#endif
}
// Rounds lanes to the nearest integer, clamped to 0..255.
inline I32x4 roundBytes(F32x4 v) {
    return toInt(vmin(vmax(v, splat(0.0f)), splat(255.0f)) + splat(0.5f));
}

// Lanes in 0..65535 to 16 bits (SSE2 has no unsigned 32→16 pack: shift the
// range to signed, pack, shift back).
inline U16x4 narrow(I32x4 v) {
#if defined(__SSE2__)
    const __m128i bias = _mm_set1_epi32(32768);
    const __m128i packed = _mm_packs_epi32(_mm_sub_epi32(reinterpret_cast<__m128i>(v), bias), bias);
    const __m128i back = _mm_xor_si128(packed, _mm_set1_epi16(-32768));
    U16x4 out;
    std::memcpy(&out, &back, 8);
    return out;
#else
    return __builtin_convertvector(v, U16x4);
#endif
}

// One RGBA pixel's bytes as four lanes.
inline I32x4 loadBytes(const std::uint8_t* p) {
#if defined(__SSE2__)
    int bytes;
    std::memcpy(&bytes, p, 4);
    const __m128i zero = _mm_setzero_si128();
    const __m128i words = _mm_unpacklo_epi8(_mm_cvtsi32_si128(bytes), zero);
    return reinterpret_cast<I32x4>(_mm_unpacklo_epi16(words, zero));
#else
    return I32x4{p[0], p[1], p[2], p[3]};
#endif
}

// Lanes clamped to 0..255, stored as 4 bytes.
inline void storeBytes(I32x4 v, std::uint8_t* d) {
#if defined(__SSE2__)
    const __m128i words =
        _mm_packs_epi32(reinterpret_cast<__m128i>(v), reinterpret_cast<__m128i>(v));
    const int bytes = _mm_cvtsi128_si32(_mm_packus_epi16(words, words));
    std::memcpy(d, &bytes, 4);
#else
    for (int c = 0; c < 4; ++c)
        d[c] = static_cast<std::uint8_t>(v[c] < 0 ? 0 : (v[c] > 255 ? 255 : v[c]));
#endif
}

} // namespace entropic::fx
