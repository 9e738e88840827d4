// fx.noise — film grain: seeded, bell-shaped noise added to each pixel, one
// value for all channels (monochrome) or one per channel (colour), with a grain
// size. Each grain's value is a pure function of (seed, grain column, grain row),
// so the result never depends on how rows are split between threads.
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <vector>

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

inline int grainValue(std::uint64_t hash, int channel) { return 2 * grainSum(hash, channel) - 381; }

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

// One grain per pixel: delta = round(grain · amount / 65536), looked up per sum.
template <bool Colour>
void perPixel(ConstFrameView in, FrameView out, std::int64_t amount, const EffectContext& ctx) {
    std::array<int, 382> delta{};
    for (int sum = 0; sum < 382; ++sum)
        delta[static_cast<std::size_t>(sum)] = static_cast<int>(((2 * sum - 381) * amount + 32768) >> 16);
    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < in.width; ++x, s += 4, d += 4) {
                const std::uint64_t h = cellHash(ctx.seed, x, y);
                for (int c = 0; c < 3; ++c)
                    d[c] = clampByte(s[c] + delta[static_cast<std::size_t>(grainSum(h, Colour ? c : 0))]);
                d[3] = s[3];
            }
        }
    });
}

// Larger grain: values on a lattice `grain` pixels apart, bilinearly
// interpolated and renormalised to the same strength. Each row first blends
// its two lattice rows (with the row gain and the amount folded in), then
// each pixel blends two neighbouring columns: all in exact int64 arithmetic,
// delta = round(v · colGain / 2^48).
template <bool Colour>
void lattice(ConstFrameView in, FrameView out, std::int64_t amount, double grain,
             const EffectContext& ctx) {
    const int w = in.width;
    constexpr int channels = Colour ? 3 : 1;
    std::vector<LatticePos> cols(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x) cols[static_cast<std::size_t>(x)] = latticePos(x, grain);
    const int cells = cols.back().cell + 2;

    ctx.rows->run(in.height, [&](int begin, int end) {
        const auto n = static_cast<std::size_t>(cells);
        std::vector<std::uint64_t> top(n), bottom(n); // lattice hashes; pure functions of the cell
        std::vector<std::int64_t> blended(n * 3);
        int cached = INT32_MIN;
        for (int y = begin; y < end; ++y) {
            const LatticePos row = latticePos(y, grain);
            if (row.cell != cached) {
                if (row.cell == cached + 1) std::swap(top, bottom);
                for (std::size_t c = 0; c < n; ++c) {
                    if (row.cell != cached + 1) top[c] = cellHash(ctx.seed, static_cast<std::int64_t>(c), row.cell);
                    bottom[c] = cellHash(ctx.seed, static_cast<std::int64_t>(c), row.cell + 1);
                }
                cached = row.cell;
            }
            const std::int64_t rowScale = static_cast<std::int64_t>(row.gain) * amount;
            for (std::size_t c = 0; c < n; ++c)
                for (int ch = 0; ch < channels; ++ch) {
                    const std::int64_t v = grainValue(top[c], ch) * (256 - row.frac) +
                                           grainValue(bottom[c], ch) * row.frac;
                    blended[3 * c + static_cast<std::size_t>(ch)] = v * rowScale;
                }
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x, s += 4, d += 4) {
                const LatticePos col = cols[static_cast<std::size_t>(x)];
                const std::int64_t* a = &blended[3 * static_cast<std::size_t>(col.cell)];
                int delta[3];
                for (int ch = 0; ch < channels; ++ch) {
                    const std::int64_t v = (a[ch] * (256 - col.frac) + a[ch + 3] * col.frac) * col.gain;
                    delta[ch] = static_cast<int>((v + (std::int64_t{1} << 47)) >> 48);
                }
                for (int c = 0; c < 3; ++c) d[c] = clampByte(s[c] + delta[Colour ? c : 0]);
                d[3] = s[3];
            }
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
    if (grain <= 1.0) colour ? perPixel<true>(in, out, amount, ctx) : perPixel<false>(in, out, amount, ctx);
    else if (colour) lattice<true>(in, out, amount, grain, ctx);
    else lattice<false>(in, out, amount, grain, ctx);
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
