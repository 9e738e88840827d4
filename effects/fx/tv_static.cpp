// fx.tv_static — an analog set losing its signal: snow (seeded noise grains,
// stretched sideways as a limited-bandwidth receiver draws them) mixed over
// the picture, while the sync slips: the picture rolls vertically with a
// black blanking bar at the seam, and the horizontal hold jumps sideways and
// bends the top of the picture ("flagging"). Everything is a hash of the seed
// (which changes every frame) or a function of the frame's time, so rows are
// independent of the thread split.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/builtin.h"
#include "core/cell_hash.h"
#include "core/pixel.h"
#include "core/simd.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

inline double unitDraw(std::uint64_t h) { // [-1, 1)
    return static_cast<double>(h >> 11) * (2.0 / 9007199254740992.0) - 1.0;
}

// Snow level 0..255 from two bytes of a hash: their sum is bell-like
// (triangular), stretched by 1.5 and clipped, so mostly greys with a good
// share of pure black and white specks, like thermal noise on a tube.
inline int snowLevel(std::uint64_t h, int channel) {
    const std::uint64_t f = h >> (16 * channel);
    const int sum = static_cast<int>((f & 255) + ((f >> 8) & 255)); // 0..510
    return std::clamp(128 + (3 * (sum - 255)) / 4, 0, 255);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const double sc = ctx.renderScale;
    const int amount = static_cast<int>(std::lround(p.number("amount") * 256)); // of 256
    const bool colour = p.flag("colour");
    const double grainH = std::max(1.0, p.number("grain") * sc);
    const double grainW = std::max(1.0, grainH * p.number("stretch"));
    const double hold = p.number("hold") * sc;

    // Vertical roll: the picture has moved up by this fraction of a screen.
    // Reduced modulo 1 before it meets the height, so long clips keep precision.
    const double seconds =
        static_cast<double>(ctx.frameIndex) * ctx.rateDen / std::max(1, ctx.rateNum);
    double rolled = std::fmod(p.number("roll") * seconds, 1.0);
    if (rolled < 0) rolled += 1.0;
    const int rollRows = std::min(h - 1, static_cast<int>(std::floor(rolled * h)));
    // The vertical blanking interval (about 8 % of the lines) shows as a black
    // bar where the bottom of one picture meets the top of the next; a locked
    // picture hides it above the screen.
    const int bar =
        p.number("roll") != 0 ? std::max(1, static_cast<int>(std::lround(0.08 * h))) : 0;

    const std::uint64_t s = mix64(ctx.seed ^ 0x7476737461746963ULL); // "tvstatic"
    const double jump = 0.5 * unitDraw(mix64(s ^ 1)); // the whole picture, this frame
    const double flag = unitDraw(mix64(s ^ 2));       // the bend at the top, this frame
    const double flagRows = std::max(1.0, 0.12 * h);
    const std::uint64_t snowSeed = mix64(s ^ 3);

    // Grain columns: [cellStart[k], cellStart[k + 1]) is grain k of every row.
    std::vector<int> cellStart;
    for (int x = 0, last = -1; x < w; ++x) {
        const int cell = static_cast<int>(std::floor(x / grainW));
        if (cell != last) cellStart.push_back(x), last = cell;
    }
    cellStart.push_back(w);

    ctx.rows->run(h, [&](int begin, int end) {
        // Snow × amount + ½ (rounding) per pixel of the row, four lanes.
        std::vector<I32x4> snow(static_cast<std::size_t>(w));
        const I32x4 keep = splatInt(256 - amount);
        for (int y = begin; y < end; ++y) {
            const int cellY = static_cast<int>(std::floor(y / grainH));
            for (std::size_t k = 0; k + 1 < cellStart.size(); ++k) {
                const std::uint64_t g = cellHash(snowSeed, static_cast<std::int64_t>(k), cellY);
                const int grey = snowLevel(g, 0);
                const I32x4 v{128 + grey * amount, 128 + (colour ? snowLevel(g, 1) : grey) * amount,
                              128 + (colour ? snowLevel(g, 2) : grey) * amount, 0};
                std::fill(snow.begin() + cellStart[k], snow.begin() + cellStart[k + 1], v);
            }
            const double lineJitter =
                0.15 * unitDraw(mix64(s + static_cast<std::uint64_t>(y) * kGolden));
            const double off = hold * (jump + flag * std::exp(-y / flagRows) + lineJitter);
            // The picture is drawn late (hold slips right), wrapping round the
            // line as a scanned raster does.
            const int shift = wrapIndex(static_cast<int>(std::lround(off)), w);
            const int sy = (y + rollRows) % h;
            const std::uint8_t* src = in.row(sy);
            std::uint8_t* d = out.row(y);
            if (sy >= h - bar) {
                for (int x = 0; x < w; ++x)
                    storeBytes(snow[static_cast<std::size_t>(x)] >> 8, d + 4 * x);
            } else {
                const auto blend = [&](const std::uint8_t* from, int x0, int x1) {
                    for (int x = x0; x < x1; ++x, from += 4)
                        storeBytes((loadBytes(from) * keep + snow[static_cast<std::size_t>(x)]) >>
                                       8,
                                   d + 4 * x);
                };
                blend(src + 4 * (w - shift), 0, shift);
                blend(src, shift, w);
            }
            const std::uint8_t* alpha = in.row(y) + 3;
            for (int x = 0; x < w; ++x)
                d[4 * x + 3] = alpha[4 * x];
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxTvStatic() {
    static const EffectDescriptor d{
        .id = "fx.tv_static",
        .version = 1,
        .name = "TV Static",
        .category = "fx",
        .help = "Analog TV snow over the picture, with rolling and horizontal-hold sync drift",
        .params =
            {
                ParamSpec::number("amount", "Static", 0, 1, 0.35, "",
                                  "How much snow covers the picture (1 = snow only)"),
                ParamSpec::number("grain", "Grain size", 1, 16, 1, "px", "Height of a snow grain"),
                ParamSpec::number("stretch", "Grain stretch", 1, 16, 3, "×",
                                  "Grain length across the line, in grain heights"),
                ParamSpec::toggle("colour", "Colour snow", false,
                                  "Independent noise per channel instead of grey"),
                ParamSpec::number("roll", "Vertical roll", -5, 5, 0, "screens/s",
                                  "The picture rolls up (positive) or down, with a black bar at "
                                  "the seam (0 = locked)"),
                ParamSpec::number("hold", "Horizontal hold", 0, 500, 6, "px",
                                  "Sideways jumps of the picture each frame and the bend at its "
                                  "top"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
