// util.crop — cuts the picture to a rectangle given by its four edges (in % of
// the frame, so it survives a change of resolution); what is cut becomes
// transparent, or black (a letterbox).
//
// The weight of a pixel is min over the cutting edges of its distance d (pixel
// centre to edge, in pixels, positive inside; an edge that cuts nothing is
// ignored): without feather the pixel's
// coverage clamp(d + 0.5, 0, 1), so an edge between pixel centres gives a
// partly covered column and crops animate smoothly; with feather F (px ×
// render scale) smoothstep(d / F), a ramp inside the crop. Transparent fill
// multiplies alpha by the weight, black fill the colour. Weights are exact
// 16-bit integers per column and per row.
#include <algorithm>
#include <cmath>
#include <vector>

#include "core/builtin.h"

namespace entropic::fx {

namespace {

enum Fill { Transparent = 0, Black = 1 };

std::uint32_t weightOf(double d, double feather) {
    double t;
    if (feather > 0) {
        t = std::clamp(d / feather, 0.0, 1.0);
        t = t * t * (3 - 2 * t);
    } else {
        t = std::clamp(d + 0.5, 0.0, 1.0);
    }
    return static_cast<std::uint32_t>(std::lround(t * 65536));
}

// Weights along one axis of n pixels for a crop keeping [lo, hi) (pixels). A
// side that cuts nothing is no edge: it is not feathered.
std::vector<std::uint32_t> axisWeights(int n, double lo, double hi, double feather) {
    constexpr double kFar = 1e9;
    std::vector<std::uint32_t> w(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double centre = i + 0.5;
        const double fromLo = lo > 0 ? centre - lo : kFar, fromHi = hi < n ? hi - centre : kFar;
        w[static_cast<std::size_t>(i)] = weightOf(std::min(fromLo, fromHi), feather);
    }
    return w;
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const int w = in.width, h = in.height;
    const double feather = p.number("feather") * ctx.renderScale;
    const auto cols =
        axisWeights(w, p.number("left") / 100 * w, w - p.number("right") / 100 * w, feather);
    const auto rows =
        axisWeights(h, p.number("top") / 100 * h, h - p.number("bottom") / 100 * h, feather);
    const bool black = p.choice("fill") == Black;
    ctx.rows->run(h, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint32_t rowWeight = rows[static_cast<std::size_t>(y)];
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x, s += 4, d += 4) {
                const std::uint32_t k = std::min(rowWeight, cols[static_cast<std::size_t>(x)]);
                const auto scaled = [k](std::uint8_t v) {
                    return static_cast<std::uint8_t>((v * k + 32768) >> 16);
                };
                if (black) {
                    d[0] = scaled(s[0]), d[1] = scaled(s[1]), d[2] = scaled(s[2]), d[3] = s[3];
                } else {
                    d[0] = s[0], d[1] = s[1], d[2] = s[2], d[3] = scaled(s[3]);
                }
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& utilCrop() {
    static const EffectDescriptor d{
        .id = "util.crop",
        .version = 1,
        .name = "Crop",
        .category = "util",
        .help = "Cut the picture to a rectangle; the rest becomes transparent or black",
        .params =
            {
                ParamSpec::number("left", "Left", 0, 100, 0, "%", "Width cut from the left edge"),
                ParamSpec::number("right", "Right", 0, 100, 0, "%",
                                  "Width cut from the right edge"),
                ParamSpec::number("top", "Top", 0, 100, 12, "%", "Height cut from the top edge"),
                ParamSpec::number("bottom", "Bottom", 0, 100, 12, "%",
                                  "Height cut from the bottom edge"),
                ParamSpec::number("feather", "Feather", 0, 500, 0, "px",
                                  "Soft edge inside the crop"),
                ParamSpec::choice(
                    "fill", "Fill", {"Transparent", "Black"}, Transparent,
                    "What replaces the cut area: transparency or black (a letterbox)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
