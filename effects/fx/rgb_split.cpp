// fx.rgb_split — lateral chromatic aberration: the red image is magnified and
// the blue one shrunk about a centre, so colour fringes grow towards the edges
// of the frame as in a cheap lens. Green and alpha stay. A scale about a point
// is separable, so each channel's source columns and rows are two tables, and
// sampling is bilinear with 8-bit fractions in exact integer arithmetic.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/builtin.h"
#include "core/pixel.h"

namespace entropic::fx {

namespace {

struct Tap {
    int index; // left (or top) source pixel
    int frac;  // 0..256 weight of index + 1
};

// Source positions of the n output pixels for a scale k about centre c (pixels),
// pixel centres at i + 0.5; clamped to the frame (edge pixels repeat).
std::vector<Tap> taps(int n, double c, double k) {
    std::vector<Tap> t(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double src = c + (i + 0.5 - c) / k - 0.5;
        const long s = std::lround(src * 256.0);
        int index = static_cast<int>(s >> 8), frac = static_cast<int>(s & 255);
        if (index < 0) index = 0, frac = 0;
        if (index >= n - 1) index = n - 1, frac = 0;
        t[static_cast<std::size_t>(i)] = {index, frac};
    }
    return t;
}

inline int sample(ConstFrameView in, const Tap& tx, const Tap& ty, int channel) {
    const std::uint8_t* r0 = in.row(ty.index) + channel;
    const std::uint8_t* r1 = in.row(ty.index + (ty.frac ? 1 : 0)) + channel;
    const int x0 = 4 * tx.index, x1 = 4 * (tx.index + (tx.frac ? 1 : 0));
    const int top = r0[x0] * (256 - tx.frac) + r0[x1] * tx.frac;
    const int bottom = r1[x0] * (256 - tx.frac) + r1[x1] * tx.frac;
    return (top * (256 - ty.frac) + bottom * ty.frac + 32768) >> 16;
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const PointF centre = p.point("centre");
    const double cx = centre.x * w, cy = centre.y * h;
    // Distance from the centre to the farthest corner: where the fringe is `amount` wide.
    const double reach = std::max(1.0, std::hypot(std::max(cx, w - cx), std::max(cy, h - cy)));
    const double amount = p.number("amount") * ctx.renderScale;
    const double ratio = p.number("blue_ratio");
    const double kRed = std::max(0.05, (reach + amount) / reach);
    const double kBlue = std::max(0.05, (reach - amount * ratio) / reach);
    const auto redX = taps(w, cx, kRed), redY = taps(h, cy, kRed);
    const auto blueX = taps(w, cx, kBlue), blueY = taps(h, cy, kBlue);

    ctx.rows->run(h, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            const Tap ry = redY[static_cast<std::size_t>(y)],
                      by = blueY[static_cast<std::size_t>(y)];
            for (int x = 0; x < w; ++x, s += 4, d += 4) {
                d[0] =
                    static_cast<std::uint8_t>(sample(in, redX[static_cast<std::size_t>(x)], ry, 0));
                d[1] = s[1];
                d[2] = static_cast<std::uint8_t>(
                    sample(in, blueX[static_cast<std::size_t>(x)], by, 2));
                d[3] = s[3];
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxRgbSplit() {
    static const EffectDescriptor d{
        .id = "fx.rgb_split",
        .version = 1,
        .name = "RGB Split",
        .category = "fx",
        .help = "Chromatic aberration: red and blue scaled apart about a centre, fringes growing "
                "to the edges",
        .params =
            {
                ParamSpec::number(
                    "amount", "Amount", -100, 100, 6, "px",
                    "Red fringe width at the farthest corner (negative swaps the fringe colours)"),
                ParamSpec::number("blue_ratio", "Blue ratio", 0, 2, 1, "",
                                  "Blue fringe width relative to red's, in the opposite direction"),
                ParamSpec::point(
                    "centre", "Centre", {0.5, 0.5}, 0, 1,
                    "Optical centre, where the channels stay aligned (fraction of the frame)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
