// fx.noise — film grain: seeded, bell-shaped noise added to each pixel, one
// value for all channels (monochrome) or one per channel (colour), with a grain
// size. Each grain's value is a pure function of (seed, grain column, grain row),
// so the result never depends on how rows are split between threads.
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/builtin.h"
#include "core/cell_hash.h"
#include "core/pixel.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

// Grain values, each roughly N(0, 128²) in [-381, 381]: the cell hash of
// (seed, grain column, grain row) is cut into three 21-bit fields (one per
// channel; monochrome uses the first) and each field into three 7-bit uniforms
// whose sum (Irwin–Hall, n = 3) is bell-shaped: grain = 2·sum − 381. Integer
// only, so the same seed gives the same grain on every machine.

inline int grainSum(std::uint64_t hash, int channel) { // 0..381
    const std::uint64_t f = hash >> (21 * channel);
    return static_cast<int>((f & 127) + ((f >> 7) & 127) + ((f >> 14) & 127));
}

inline int grainValue(std::uint64_t hash, int channel) {
    return 2 * grainSum(hash, channel) - 381;
}

// One fixed-point position on the grain lattice: cell index, 0..256 fraction,
// and the gain (×256) that restores the variance interpolation takes away, so
// grain between lattice points is as strong as grain on them (no visible grid).
struct LatticePos {
    int cell;
    int frac;
    int gain;
};

inline LatticePos latticePos(int i, double grain) {
    const double l = i / grain;
    const double cell = std::floor(l);
    const int frac = static_cast<int>(std::lround((l - cell) * 256.0));
    const double f = frac / 256.0;
    const int gain = static_cast<int>(std::lround(256.0 / std::sqrt((1 - f) * (1 - f) + f * f)));
    return {static_cast<int>(cell), frac, gain};
}

#if defined(__SSE2__)
// Two pixels plus their deltas (16-bit lanes laid out like the pixels' bytes,
// alpha's 0), saturated to 0..255: clampByte on every channel.
inline void addTwo(const std::uint8_t* s, std::uint8_t* d, __m128i deltas) {
    const __m128i src = _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(s)),
                                          _mm_setzero_si128());
    const __m128i sum = _mm_add_epi16(src, deltas); // |delta| < 2^15 − 255: no overflow
    _mm_storel_epi64(reinterpret_cast<__m128i*>(d), _mm_packus_epi16(sum, sum));
}

// Two pixels' deltas from their hashes h0, h1, as 16-bit lanes laid out like
// the pixels' bytes (R, G, B, 0 for alpha), in exact integers:
//   sum_c = u0 + u1 + u2 of field c, all three fields at once: the uniforms'
//           fields at bits 21c, 21c + 7, 21c + 14 are masked and added in
//           place (each sum < 2^9 stays inside its field), then moved to
//           bits 16c (monochrome: field 0 to lanes 0..2);
//   g     = 2·sum − 381;
//   delta = (g·amount + 2^15) >> 16 from signed 16-bit products: amount
//           below 2^16 is taken as the signed lane A − 2^16·[A ≥ 2^15] (the
//           missing 2^16·g goes back into the high half), and the rounding
//           carry is bit 15 of the low half; amount 2^16 is g itself.
// Equal to the scalar path's table on every lane.
struct GrainLanes {
    __m128i amount; // amount as a signed 16-bit lane (0 when it is 2^16)
    __m128i addG;   // all ones where the high half needs g added back
    __m128i rgb;    // 0xffff on R, G, B; 0 on alpha
};

inline GrainLanes grainLanes(std::int64_t amount) {
    const auto a = static_cast<std::uint32_t>(amount);
    return {_mm_set1_epi16(static_cast<short>(a == 65536 ? 0 : a)),
            _mm_set1_epi16(static_cast<short>(a >= 32768 ? -1 : 0)),
            _mm_set_epi16(0, -1, -1, -1, 0, -1, -1, -1)};
}

template <bool Colour>
inline __m128i grainDeltas(std::uint64_t h0, std::uint64_t h1, const GrainLanes& k) {
    const __m128i h = _mm_set_epi64x(static_cast<long long>(h1), static_cast<long long>(h0));
    const __m128i fields = _mm_set1_epi64x(0x7f | (0x7fLL << 21) | (0x7fLL << 42));
    const __m128i sums = _mm_add_epi64(
        _mm_add_epi64(_mm_and_si128(h, fields), _mm_and_si128(_mm_srli_epi64(h, 7), fields)),
        _mm_and_si128(_mm_srli_epi64(h, 14), fields));
    __m128i lanes;
    if constexpr (Colour) {
        lanes = _mm_or_si128(
            _mm_or_si128(_mm_and_si128(sums, _mm_set1_epi64x(0x1ff)),
                         _mm_and_si128(_mm_srli_epi64(sums, 5), _mm_set1_epi64x(0x1ffLL << 16))),
            _mm_and_si128(_mm_srli_epi64(sums, 10), _mm_set1_epi64x(0x1ffLL << 32)));
    } else {
        lanes = _mm_and_si128(sums, _mm_set1_epi64x(0x1ff));
        lanes = _mm_shufflehi_epi16(_mm_shufflelo_epi16(lanes, 0xc0), 0xc0); // lane 0 to 0..2
    }
    const __m128i g =
        _mm_and_si128(_mm_sub_epi16(_mm_slli_epi16(lanes, 1), _mm_set1_epi16(381)), k.rgb);
    return _mm_add_epi16(_mm_add_epi16(_mm_mulhi_epi16(g, k.amount), _mm_and_si128(g, k.addG)),
                         _mm_srli_epi16(_mm_mullo_epi16(g, k.amount), 15));
}
#endif

// One grain per pixel: delta = round(grain · amount / 65536), looked up per
// sum; with SSE2, computed for two pixels at a time (grainDeltas). The hash
// is stepped along the row (cellRowKey) and stays scalar: SSE2 has no 64-bit
// multiply, and emulating it made the hash twice as slow as two imuls.
template <bool Colour>
void perPixel(ConstFrameView in, FrameView out, std::int64_t amount, const EffectContext& ctx) {
    std::array<int, 382> delta{};
    for (int sum = 0; sum < 382; ++sum)
        delta[static_cast<std::size_t>(sum)] =
            static_cast<int>(((2 * sum - 381) * amount + 32768) >> 16);
#if defined(__SSE2__)
    const GrainLanes lanes = grainLanes(amount);
#endif
    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            const std::uint64_t rowKey = cellRowKey(ctx.seed, y); // pixel x: + x·kCellStep
            std::uint64_t key = rowKey;
            int x = 0;
#if defined(__SSE2__)
            for (; x + 2 <= in.width; x += 2, key += 2 * kCellStep)
                addTwo(s + 4 * x, d + 4 * x,
                       grainDeltas<Colour>(mix64(key), mix64(key + kCellStep), lanes));
#endif
            for (; x < in.width; ++x, key += kCellStep) {
                const std::uint64_t h = mix64(key);
                for (int c = 0; c < 3; ++c)
                    d[4 * x + c] =
                        clampByte(s[4 * x + c] +
                                  delta[static_cast<std::size_t>(grainSum(h, Colour ? c : 0))]);
                d[4 * x + 3] = s[4 * x + 3];
            }
        }
    });
}

// Adds per-pixel deltas (16-bit lanes R, G, B, alpha 0 of a 64-bit word,
// |delta| < 2^15 − 255) to `count` pixels, saturating at 0 and 255.
inline void addDeltas(const std::uint8_t* s, std::uint8_t* d, const std::uint64_t* words,
                      int count) {
    int i = 0;
#if defined(__SSE2__)
    for (; i + 2 <= count; i += 2)
        addTwo(s + 4 * i, d + 4 * i, _mm_loadu_si128(reinterpret_cast<const __m128i*>(words + i)));
#endif
    for (; i < count; ++i) {
        for (int c = 0; c < 3; ++c)
            d[4 * i + c] =
                clampByte(s[4 * i + c] + static_cast<std::int16_t>(words[i] >> (16 * c)));
        d[4 * i + 3] = s[4 * i + 3];
    }
}

// Larger grain: values on a lattice `grain` pixels apart, bilinearly
// interpolated and renormalised to the same strength. Each row first blends
// its two lattice rows (with the row gain and the amount folded in), then
// each pixel blends two neighbouring columns: all in exact int64 arithmetic,
// delta = round(v · colGain / 2^48), with the column gain folded into the
// column weights ((a·(256 − f) + b·f)·gain = a·((256 − f)·gain) + b·(f·gain):
// the same integer, with no overflow either way).
template <bool Colour>
void lattice(ConstFrameView in, FrameView out, std::int64_t amount, double grain,
             const EffectContext& ctx) {
    const int w = in.width;
    constexpr int channels = Colour ? 3 : 1;
    struct Column {
        std::size_t at;      // index of the left lattice point's values in `blended`
        std::int64_t w0, w1; // (256 − frac)·gain, frac·gain
    };
    std::vector<Column> cols(static_cast<std::size_t>(w));
    int cells = 0;
    for (int x = 0; x < w; ++x) {
        const LatticePos col = latticePos(x, grain);
        cols[static_cast<std::size_t>(x)] = {3 * static_cast<std::size_t>(col.cell),
                                             std::int64_t{256 - col.frac} * col.gain,
                                             std::int64_t{col.frac} * col.gain};
        cells = col.cell + 2;
    }
    constexpr std::int64_t kHalf = std::int64_t{1} << 47;

    ctx.rows->run(in.height, [&](int begin, int end) {
        const auto n = static_cast<std::size_t>(cells);
        // Grain values of the two lattice rows around y, per cell and channel:
        // pure functions of the cell.
        std::vector<int> top(n * channels), bottom(n * channels);
        std::vector<std::int64_t> blended(n * 3);
        std::vector<std::uint64_t> words(static_cast<std::size_t>(w));
        const auto draw = [&](std::vector<int>& values, int cellRow) {
            for (std::size_t c = 0; c < n; ++c) {
                const std::uint64_t hash =
                    cellHash(ctx.seed, static_cast<std::int64_t>(c), cellRow);
                for (int ch = 0; ch < channels; ++ch)
                    values[channels * c + static_cast<std::size_t>(ch)] = grainValue(hash, ch);
            }
        };
        int cached = INT32_MIN;
        for (int y = begin; y < end; ++y) {
            const LatticePos row = latticePos(y, grain);
            if (row.cell != cached) {
                if (row.cell == cached + 1) {
                    std::swap(top, bottom);
                } else {
                    draw(top, row.cell);
                }
                draw(bottom, row.cell + 1);
                cached = row.cell;
            }
            const std::int64_t rowScale = static_cast<std::int64_t>(row.gain) * amount;
            for (std::size_t c = 0; c < n; ++c)
                for (int ch = 0; ch < channels; ++ch) {
                    const std::size_t i = channels * c + static_cast<std::size_t>(ch);
                    const int v = top[i] * (256 - row.frac) + bottom[i] * row.frac;
                    blended[3 * c + static_cast<std::size_t>(ch)] = v * rowScale;
                }
            for (int x = 0; x < w; ++x) {
                const Column& col = cols[static_cast<std::size_t>(x)];
                const std::int64_t* a = &blended[col.at];
                std::uint64_t word = 0;
                for (int ch = 0; ch < channels; ++ch) {
                    const std::int64_t v = a[ch] * col.w0 + a[ch + 3] * col.w1;
                    word |=
                        static_cast<std::uint64_t>(static_cast<std::uint16_t>((v + kHalf) >> 48))
                        << (16 * ch);
                }
                if constexpr (!Colour) word *= 0x0000000100010001ULL; // R = G = B
                words[static_cast<std::size_t>(x)] = word;
            }
            addDeltas(in.row(y), out.row(y), words.data(), w);
        }
    });
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    // amount 1.0 gives a grain standard deviation of 128 levels.
    const std::int64_t amount = std::lround(p.number("amount") * 65536.0);
    const bool colour = p.choice("mode") == 1;
    const double grain = std::max(1.0, p.number("size") * ctx.renderScale);
    if (grain <= 1.0)
        colour ? perPixel<true>(in, out, amount, ctx) : perPixel<false>(in, out, amount, ctx);
    else if (colour)
        lattice<true>(in, out, amount, grain, ctx);
    else
        lattice<false>(in, out, amount, grain, ctx);
}

} // namespace

namespace builtin {
const EffectDescriptor& fxNoise() {
    static const EffectDescriptor d{
        .id = "fx.noise",
        .version = 1,
        .name = "Noise",
        .category = "fx",
        .help = "Seeded film grain, monochrome or colour, with a grain size",
        .params =
            {
                ParamSpec::number("amount", "Amount", 0, 1, 0.12, "",
                                  "Grain strength (1 = standard deviation of half the range)"),
                ParamSpec::choice("mode", "Mode", {"Monochrome", "Colour"}, 0,
                                  "One grain value for all channels, or one per channel"),
                ParamSpec::number("size", "Grain size", 1, 16, 1.5, "px",
                                  "Distance between grain centres"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
