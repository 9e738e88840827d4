// util.blur — gaussian, box and directional (motion) blur.
//
// Gaussian and box are separable extended-box passes (core/box_blur.h): the
// cost per pixel is the same at any radius, and the radius animates smoothly.
// Directional blur averages along a line through each pixel: the frame is
// read along sheared lines (each column shifted by round(u·slope) rows, so the
// line is a rasterised straight line) and a running sum slides along each
// line, again constant cost per pixel. All blurs work on alpha-premultiplied
// pixels and extend the frame's edge pixels outwards.
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numbers>
#include <vector>

#include "core/box_blur.h"
#include "core/builtin.h"

namespace entropic::fx {

namespace {

enum Mode { Gaussian = 0, Box = 1, Directional = 2 };

// The frame seen along the blur direction: u runs along the primary axis
// (the one the line advances along by one pixel per step), w across it.
struct Lines {
    const std::uint8_t* in;
    std::uint8_t* out;
    std::ptrdiff_t inU, inW, outU, outW; // byte steps
    int nU, nW;
};

void directional(ConstFrameView in, FrameView out, double angleDeg, double length,
                 const RowRunner& rows) {
    const double angle = angleDeg * std::numbers::pi / 180.0;
    // Screen direction of the streak: counter-clockwise from horizontal, y down.
    const double dx = std::cos(angle), dy = -std::sin(angle);
    const bool alongX = std::abs(dx) >= std::abs(dy);
    const Lines g =
        alongX ? Lines{in.data, out.data, 4, in.stride, 4, out.stride, in.width, in.height}
               : Lines{in.data, out.data, in.stride, 4, out.stride, 4, in.height, in.width};
    const double slope =
        alongX ? dy / dx : dx / dy; // secondary pixels per primary step, |slope| ≤ 1
    // Half the streak, measured along the primary axis.
    const BoxPass pass = boxPass(0.5 * length * std::abs(alongX ? dx : dy));

    // Row offset of each column of a sheared line: the line through (u, w)
    // continues through (u + t, w + shift[u + t] - shift[u]).
    std::vector<int> shift(static_cast<std::size_t>(g.nU));
    for (int u = 0; u < g.nU; ++u)
        shift[static_cast<std::size_t>(u)] = static_cast<int>(std::floor(u * slope + 0.5));
    const int lo = std::min(shift.front(), shift.back()),
              hi = std::max(shift.front(), shift.back());
    // Line v holds the pixels (u, v + shift[u]); lines -hi .. nW-1-lo cover the frame once.
    const int lines = g.nW + hi - lo;
    const bool rising = shift.back() >= shift.front();

    rows.run(lines, [&](int begin, int end) {
        std::unique_ptr<I32x4[]> line =
            std::make_unique_for_overwrite<I32x4[]>(static_cast<std::size_t>(g.nU));
        I32x4 sum;
        for (int k = begin; k < end; ++k) {
            const int v = k - hi;
            // The columns where this line is inside the frame: 0 <= v + shift[u] < nW.
            // shift is monotonic, so they are one contiguous run.
            int u0 = 0, u1 = 0;
            if (rising) {
                u0 = static_cast<int>(std::lower_bound(shift.begin(), shift.end(), -v) -
                                      shift.begin());
                u1 = static_cast<int>(std::lower_bound(shift.begin(), shift.end(), g.nW - v) -
                                      shift.begin());
            } else {
                u0 = static_cast<int>(
                    std::lower_bound(shift.begin(), shift.end(), g.nW - v - 1, std::greater<>()) -
                    shift.begin());
                u1 = static_cast<int>(
                    std::lower_bound(shift.begin(), shift.end(), -v - 1, std::greater<>()) -
                    shift.begin());
            }
            if (u0 >= u1) continue;
            for (int u = u0; u < u1; ++u)
                line[static_cast<std::size_t>(u - u0)] = premultiply(
                    g.in + u * g.inU + (v + shift[static_cast<std::size_t>(u)]) * g.inW);
            boxLine<1>(line.get(), 1, u1 - u0, pass, &sum, [&](int i, int, F32x4 value) {
                const int u = u0 + i;
                unpremultiply(value, g.out + u * g.outU +
                                         (v + shift[static_cast<std::size_t>(u)]) * g.outW);
            });
        }
    });
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const int mode = p.choice("mode");
    const double scale = ctx.renderScale;
    if (mode == Directional) {
        const double length = p.number("length") * scale;
        if (length <= 0) return copyPixels(in, out);
        return directional(in, out, p.number("angle"), length, *ctx.rows);
    }
    const double radius = p.number("radius") * scale;
    if (radius <= 0) return copyPixels(in, out);
    const std::vector<BoxPass> passes =
        mode == Gaussian ? gaussianPasses(radius) : std::vector<BoxPass>{boxPass(radius)};
    separableBlur(in, out, passes, passes, *ctx.rows);
}

} // namespace

namespace builtin {
const EffectDescriptor& utilBlur() {
    static const EffectDescriptor d{
        .id = "util.blur",
        .version = 1,
        .name = "Blur",
        .category = "util",
        .help = "Gaussian, box or directional (motion) blur",
        .params =
            {
                ParamSpec::choice(
                    "mode", "Type", {"Gaussian", "Box", "Directional"}, Gaussian,
                    "Soft gaussian, flat box average, or a streak along one direction"),
                ParamSpec::number("radius", "Radius", 0, 250, 6, "px",
                                  "Gaussian: standard deviation; box: half-width of the box")
                    .when("mode", {"Gaussian", "Box"}),
                ParamSpec::number(
                    "angle", "Angle", -180, 180, 0, "°",
                    "Directional: direction of the streak, counter-clockwise from horizontal")
                    .when("mode", {"Directional"}),
                ParamSpec::number("length", "Length", 0, 500, 30, "px",
                                  "Directional: length of the streak, centred on each pixel")
                    .when("mode", {"Directional"}),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
