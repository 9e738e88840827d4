#pragma once
// Internal to effects/: rows of bytes weighted and blended eight at a time in
// 16-bit lanes (GCC/Clang vector extensions; SSE2 on x86-64), for the
// temporal effects that mix whole frames (fx.echo, fx.slit_scan,
// fx.datamosh). GCC at -O2 leaves the plain byte loops scalar. Each lane
// computes exactly what the scalar tail computes, so results never depend on
// the grouping.
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace entropic::fx {

typedef std::uint8_t U8x8 __attribute__((vector_size(8)));
typedef std::uint16_t U16x8 __attribute__((vector_size(16)));
typedef std::int16_t I16x8 __attribute__((vector_size(16)));

inline U16x8 loadBytes(const std::uint8_t* p) {
    U8x8 v;
    std::memcpy(&v, p, 8);
    return __builtin_convertvector(v, U16x8);
}

inline void storeBytes(std::uint8_t* p, U16x8 v) { // lanes already in 0..255
    const U8x8 b = __builtin_convertvector(v, U8x8);
    std::memcpy(p, &b, 8);
}

// d[i] = (Σ_t src[t][i]·weight[t] + 128) >> 8 over count sources whose
// weights sum to at most 256, so no lane exceeds 255·256 + 128.
inline void weightedRow(std::uint8_t* d, const std::uint8_t* const* src,
                        const std::uint16_t* weight, int count, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        U16x8 acc = U16x8{} + 128;
        for (int t = 0; t < count; ++t)
            acc += loadBytes(src[t] + i) * weight[t];
        storeBytes(d + i, acc >> 8);
    }
    for (; i < n; ++i) {
        unsigned acc = 128;
        for (int t = 0; t < count; ++t)
            acc += static_cast<unsigned>(src[t][i]) * weight[t];
        d[i] = static_cast<std::uint8_t>(acc >> 8);
    }
}

// Moves each byte of `held` towards `target` by round(|diff|·rate / 256)
// (rate 1..256), at least one level, so it arrives instead of stalling a few
// levels short; rate 256 gives the target.
inline void relaxRow(std::uint8_t* held, const std::uint8_t* target, std::size_t n,
                     std::uint16_t rate) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const I16x8 h = reinterpret_cast<I16x8>(loadBytes(held + i));
        const I16x8 diff = reinterpret_cast<I16x8>(loadBytes(target + i)) - h;
        const I16x8 a = diff < 0 ? -diff : diff;
        // Unsigned lanes: |diff|·rate + 128 ≤ 255·256 + 128 < 2^16.
        I16x8 s = reinterpret_cast<I16x8>((reinterpret_cast<U16x8>(a) * rate + 128) >> 8);
        const I16x8 least = a < 1 ? a : I16x8{} + 1;
        s = s < least ? least : s;
        storeBytes(held + i, reinterpret_cast<U16x8>(h + (diff < 0 ? -s : s)));
    }
    for (; i < n; ++i) {
        const int diff = target[i] - held[i];
        const int a = diff < 0 ? -diff : diff;
        int s = (a * rate + 128) >> 8;
        if (s < 1 && a > 0) s = 1;
        held[i] = static_cast<std::uint8_t>(held[i] + (diff < 0 ? -s : s));
    }
}

} // namespace entropic::fx
