// fx.invert_bands — negative stripes: the frame is cut into bands (rows or
// columns of a given width) and every other band, or a seeded random choice of
// them, is inverted on the chosen channels. The bands can scroll with time.
// A band's state is a pure function of (seed, band index), so any row split
// gives the same bytes.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/builtin.h"
#include "core/pixel.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

enum Orientation { Rows = 0, Columns = 1 };
enum Pattern { Alternating = 0, Seeded = 1 };

// XORs the chosen channels of `n` pixels with 0xFF: four bytes at a time.
inline void invertPixels(std::uint8_t* d, int n, std::uint32_t mask) {
    for (int i = 0; i < n; ++i, d += 4) {
        std::uint32_t v;
        std::memcpy(&v, d, 4);
        v ^= mask;
        std::memcpy(d, &v, 4);
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const double scale = ctx.renderScale;
    const int band = std::max(1, static_cast<int>(std::lround(p.number("band") * scale)));
    // Scrolling by whole periods of the alternating pattern changes nothing,
    // so the offset is reduced to one period before it can overflow.
    const double travel = p.number("scroll") * scale * static_cast<double>(ctx.frameIndex);
    const int offset = static_cast<int>(std::lround(std::fmod(travel, 2.0 * band)));
    const bool seeded = p.choice("pattern") == Seeded;
    const auto threshold =
        static_cast<std::uint64_t>(std::lround(p.number("probability") * 16777216.0));
    const std::uint64_t seed = mix64(ctx.seed ^ 0x696e765f62616e64ULL); // "inv_band"
    std::uint8_t bytes[4] = {static_cast<std::uint8_t>(p.flag("red") ? 0xFF : 0),
                             static_cast<std::uint8_t>(p.flag("green") ? 0xFF : 0),
                             static_cast<std::uint8_t>(p.flag("blue") ? 0xFF : 0), 0};
    std::uint32_t mask;
    std::memcpy(&mask, bytes, 4);

    // Band of coordinate i (bands move by +offset): floor((i − offset) / band).
    const auto inverted = [&](int i) {
        const int shifted = i - offset;
        const int b = shifted >= 0 ? shifted / band : -((-shifted + band - 1) / band);
        if (!seeded) return (b & 1) != 0;
        const auto key = static_cast<std::uint64_t>(static_cast<std::int64_t>(b));
        return (mix64(seed + key * 0x9e3779b97f4a7c15ULL) & 0xffffff) < threshold;
    };

    if (p.choice("orientation") == Rows) {
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                std::memcpy(out.row(y), in.row(y), static_cast<std::size_t>(w) * 4);
                if (inverted(y)) invertPixels(out.row(y), w, mask);
            }
        });
        return;
    }
    std::vector<std::uint32_t> colMask(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x)
        colMask[static_cast<std::size_t>(x)] = inverted(x) ? mask : 0;
    ctx.rows->run(h, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x) {
                std::uint32_t v;
                std::memcpy(&v, s + 4 * x, 4);
                v ^= colMask[static_cast<std::size_t>(x)];
                std::memcpy(d + 4 * x, &v, 4);
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxInvertBands() {
    static const EffectDescriptor d{
        .id = "fx.invert_bands",
        .version = 1,
        .name = "Invert Bands",
        .category = "fx",
        .help = "Negative stripes: alternating or random bands of rows or columns are inverted",
        .params =
            {
                ParamSpec::choice("orientation", "Orientation", {"Rows", "Columns"}, 0,
                                  "Horizontal bands (rows) or vertical bands (columns)"),
                ParamSpec::choice("pattern", "Pattern", {"Alternating", "Seeded"}, 1,
                                  "Every other band, or a random choice of bands each frame"),
                ParamSpec::number("band", "Band width", 1, 1000, 8, "px", "Thickness of one band"),
                ParamSpec::number("probability", "Probability", 0, 1, 0.3, "",
                                  "Seeded pattern: chance that a band is inverted")
                    .when("pattern", {"Seeded"}),
                ParamSpec::number("scroll", "Scroll", -100, 100, 0, "px/frame",
                                  "Bands move by this much each frame (down or right is positive)"),
                ParamSpec::toggle("red", "Red", true, "Invert the red channel in inverted bands"),
                ParamSpec::toggle("green", "Green", true,
                                  "Invert the green channel in inverted bands"),
                ParamSpec::toggle("blue", "Blue", true,
                                  "Invert the blue channel in inverted bands"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
