// fx.row_shift — scanline tearing: the frame is cut into horizontal bands and
// a seeded random choice of them slides sideways by a random amount, each row
// of a torn band with its own small jitter. Every band's and row's draw is a
// hash of (seed, band or row), and the seed changes every frame, so the tear
// jumps like a losing sync while any row split gives the same bytes.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/builtin.h"
#include "core/pixel.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

enum Edge { Wrap = 0, Clamp = 1 };

// Uniform integer in [-m, m] from the top 24 bits of a hash (m ≥ 0).
inline int signedDraw(std::uint64_t hash, int m) {
    return static_cast<int>(((hash >> 40) * static_cast<std::uint64_t>(2 * m + 1)) >> 24) - m;
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width;
    const double scale = ctx.renderScale;
    const int band = std::max(1, static_cast<int>(std::lround(p.number("band_height") * scale)));
    const int maxShift = static_cast<int>(std::lround(p.number("max_shift") * scale));
    const int jitter = static_cast<int>(std::lround(p.number("jitter") * scale));
    // Probability in 1/2^24 steps, compared with 24 hash bits.
    const auto threshold =
        static_cast<std::uint64_t>(std::lround(p.number("probability") * 16777216.0));
    const int edge = p.choice("edge");
    const std::uint64_t bandSeed = mix64(ctx.seed ^ 0x726f775f62616e64ULL); // "row_band"
    const std::uint64_t rowSeed = mix64(ctx.seed ^ 0x726f775f6a697474ULL);  // "row_jitt"

    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint64_t b = static_cast<std::uint64_t>(y / band);
            const std::uint64_t hb = mix64(bandSeed + b * 0x9e3779b97f4a7c15ULL);
            int shift = 0;
            if ((hb & 0xffffff) < threshold) {
                shift = signedDraw(hb, maxShift);
                if (jitter > 0)
                    shift += signedDraw(
                        mix64(rowSeed + static_cast<std::uint64_t>(y) * 0x9e3779b97f4a7c15ULL),
                        jitter);
            }
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            if (shift == 0) {
                std::memcpy(d, s, static_cast<std::size_t>(w) * 4);
                continue;
            }
            if (edge == Wrap) {
                const int k = wrapIndex(shift, w); // output x shows input x − k
                std::memcpy(d + 4 * k, s, static_cast<std::size_t>(w - k) * 4);
                std::memcpy(d, s + 4 * (w - k), static_cast<std::size_t>(k) * 4);
                continue;
            }
            for (int x = 0; x < w; ++x)
                std::memcpy(d + 4 * x, s + 4 * std::clamp(x - shift, 0, w - 1), 4);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxRowShift() {
    static const EffectDescriptor d{
        .id = "fx.row_shift",
        .version = 1,
        .name = "Row Shift",
        .category = "fx",
        .help = "Scanline tearing: random horizontal bands slide sideways, new tears every frame",
        .params =
            {
                ParamSpec::number("probability", "Probability", 0, 1, 0.2, "",
                                  "Chance that a band is torn on a frame"),
                ParamSpec::number("max_shift", "Max shift", 0, 2000, 40, "px",
                                  "Largest sideways slide of a torn band (either direction)"),
                ParamSpec::number("band_height", "Band height", 1, 500, 6, "px",
                                  "Height of the bands that tear as one piece"),
                ParamSpec::number("jitter", "Row jitter", 0, 100, 2, "px",
                                  "Extra random slide of each row inside a torn band"),
                ParamSpec::choice("edge", "Edges", {"Wrap", "Clamp"}, 0,
                                  "What a slid row shows where it leaves the frame"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
