#include "entropic/effects/rng.h"

#include <cmath>

#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {
inline std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}
constexpr double kTwoPi = 6.283185307179586476925286766559;

// Full 64×64→128 product as (high, low), portable (no __int128).
inline void mul128(std::uint64_t a, std::uint64_t b, std::uint64_t& hi, std::uint64_t& lo) {
    const std::uint64_t aLo = a & 0xffffffffU, aHi = a >> 32;
    const std::uint64_t bLo = b & 0xffffffffU, bHi = b >> 32;
    const std::uint64_t ll = aLo * bLo, lh = aLo * bHi, hl = aHi * bLo, hh = aHi * bHi;
    const std::uint64_t mid = (ll >> 32) + (lh & 0xffffffffU) + (hl & 0xffffffffU);
    lo = (mid << 32) | (ll & 0xffffffffU);
    hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}
} // namespace

Rng::Rng(std::uint64_t seed) {
    // SplitMix64 stream: s_i = mix64(seed + i·γ) where mix64 adds γ itself.
    std::uint64_t x = seed;
    for (auto& word : s_) {
        word = mix64(x);
        x += 0x9e3779b97f4a7c15ULL;
    }
    // xoshiro must not start from all zeros; SplitMix64 never yields four zero words,
    // but guard anyway so the invariant is local.
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::int64_t Rng::range(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    if (span == UINT64_MAX) return static_cast<std::int64_t>(next());
    const std::uint64_t n = span + 1;
    // Lemire: multiply-high maps 64 random bits onto [0, n); reject the few low
    // products that would bias the result.
    std::uint64_t high = 0, low = 0;
    mul128(next(), n, high, low);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold)
            mul128(next(), n, high, low);
    }
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + high);
}

double Rng::gaussian() {
    // Box–Muller, one value per call (the second is discarded to keep no cache
    // in the state: a copy of the generator then always continues identically).
    const double u1 = 1.0 - uniform(); // (0, 1]: log is finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

} // namespace entropic::fx
