// util.transform — move, scale and rotate the picture about an anchor point,
// with bilinear sampling and a choice of what shows beyond the source edges.
//
// Output pixel centre q maps back to the source point
//   p = A + R(−θ)·(q − A − t) / s
// (A the anchor in pixels, t the position offset, s the scale, θ the rotation,
// counter-clockwise on screen). p is stepped along each row in 16.16 fixed
// point from an exact start per row and sampled bilinearly with 8-bit
// fractions in exact integer arithmetic: identity settings copy the input
// byte for byte. Taps outside the source follow the edge mode: transparent
// (interpolated premultiplied, so edges fade out without a dark fringe),
// clamp (edge pixels repeat), wrap (tiles) or mirror (reflected tiles).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

#include "core/builtin.h"
#include "core/simd.h"

namespace entropic::fx {

namespace {

enum Edge { Transparent = 0, Clamp = 1, Wrap = 2, Mirror = 3 };

constexpr int kFrac = 16;
constexpr std::int64_t kOne = std::int64_t{1} << kFrac;

// Source index for a tap at i (any integer) along an axis of n pixels; -1 when
// the tap is off the picture in transparent mode.
inline int mapIndex(std::int64_t i, int n, int edge) {
    if (i >= 0 && i < n) return static_cast<int>(i);
    switch (edge) {
    case Clamp:
        return i < 0 ? 0 : n - 1;
    case Wrap: {
        const std::int64_t r = i % n;
        return static_cast<int>(r < 0 ? r + n : r);
    }
    case Mirror: {
        const std::int64_t period = 2 * static_cast<std::int64_t>(n);
        std::int64_t r = i % period;
        if (r < 0) r += period;
        return static_cast<int>(r < n ? r : period - 1 - r);
    }
    default:
        return -1;
    }
}

struct Mapping {
    double a, b, c, d; // source step per output x (a, c) and per output y (b, d)
    double ox, oy; // source point of output pixel (0, 0)'s centre, minus 0.5 (pixel index space)
};

// Bilinear sample with 8-bit fractions; weights sum to 65536.
inline void sample(ConstFrameView in, std::int64_t sx, std::int64_t sy, int edge, std::uint8_t* d) {
    const std::int64_t ix = sx >> kFrac, iy = sy >> kFrac;
    const auto fx = static_cast<std::uint32_t>((sx & (kOne - 1)) >> (kFrac - 8));
    const auto fy = static_cast<std::uint32_t>((sy & (kOne - 1)) >> (kFrac - 8));
    if (ix >= 0 && iy >= 0 && ix + 1 < in.width && iy + 1 < in.height) {
        // Inside, the common case. Four opaque taps: the same integer sum in
        // float lanes, exact (every partial sum is an integer below 2^24).
        const std::uint8_t* top = in.row(static_cast<int>(iy)) + 4 * ix;
        const std::uint8_t* bottom = top + in.stride;
        if ((top[3] & top[7] & bottom[3] & bottom[7]) == 255) {
            const F32x4 v =
                toFloat(loadBytes(top)) * splat(static_cast<float>((256 - fx) * (256 - fy))) +
                toFloat(loadBytes(top + 4)) * splat(static_cast<float>(fx * (256 - fy))) +
                toFloat(loadBytes(bottom)) * splat(static_cast<float>((256 - fx) * fy)) +
                toFloat(loadBytes(bottom + 4)) * splat(static_cast<float>(fx * fy));
            storeBytes(toInt((v + splat(32768.0f)) * splat(1.0f / 65536.0f)), d);
            return;
        }
    }
    const int x0 = mapIndex(ix, in.width, edge), x1 = mapIndex(ix + 1, in.width, edge);
    const int y0 = mapIndex(iy, in.height, edge), y1 = mapIndex(iy + 1, in.height, edge);
    const std::uint32_t w[4] = {(256 - fx) * (256 - fy), fx * (256 - fy), (256 - fx) * fy, fx * fy};
    const std::uint8_t* tap[4] = {
        (x0 >= 0 && y0 >= 0) ? in.row(y0) + 4 * x0 : nullptr,
        (x1 >= 0 && y0 >= 0) ? in.row(y0) + 4 * x1 : nullptr,
        (x0 >= 0 && y1 >= 0) ? in.row(y1) + 4 * x0 : nullptr,
        (x1 >= 0 && y1 >= 0) ? in.row(y1) + 4 * x1 : nullptr,
    };
    bool opaque = true;
    for (int k = 0; k < 4; ++k)
        if (w[k] != 0 && (!tap[k] || tap[k][3] != 255)) opaque = false;
    if (opaque) { // the common case: straight interpolation, exact integers
        for (int c = 0; c < 4; ++c) {
            std::uint32_t v = 32768;
            for (int k = 0; k < 4; ++k)
                if (w[k] != 0) v += w[k] * tap[k][c];
            d[c] = static_cast<std::uint8_t>(v >> 16);
        }
        return;
    }
    // Premultiplied: colour weighted by alpha, so transparent taps add nothing.
    std::uint64_t alpha = 0, colour[3] = {0, 0, 0};
    for (int k = 0; k < 4; ++k) {
        if (w[k] == 0 || !tap[k]) continue;
        const std::uint64_t wa = static_cast<std::uint64_t>(w[k]) * tap[k][3];
        alpha += wa;
        for (int c = 0; c < 3; ++c)
            colour[c] += wa * tap[k][c];
    }
    if (alpha == 0) {
        std::memset(d, 0, 4);
        return;
    }
    for (int c = 0; c < 3; ++c)
        d[c] = static_cast<std::uint8_t>((colour[c] + alpha / 2) / alpha);
    d[3] = static_cast<std::uint8_t>((alpha + 32768) >> 16);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const int w = in.width, h = in.height;
    const double scale = p.number("scale") / 100.0;
    const double angle = p.number("rotation") * std::numbers::pi / 180.0;
    const PointF anchor = p.point("anchor");
    const double ax = anchor.x * w, ay = anchor.y * h;
    const double tx = p.number("x") * ctx.renderScale, ty = p.number("y") * ctx.renderScale;
    const int edge = p.choice("edge");
    // Inverse of the on-screen counter-clockwise rotation (y down), divided by the scale.
    const double cs = std::cos(angle) / scale, sn = std::sin(angle) / scale;
    Mapping m{cs, -sn, sn, cs, 0, 0};
    // Pixel centre (0.5, 0.5) relative to the moved anchor, mapped back, in index space.
    const double qx = 0.5 - ax - tx, qy = 0.5 - ay - ty;
    m.ox = ax + m.a * qx + m.b * qy - 0.5;
    m.oy = ay + m.c * qx + m.d * qy - 0.5;
    const auto stepX = static_cast<std::int64_t>(std::llround(m.a * kOne));
    const auto stepY = static_cast<std::int64_t>(std::llround(m.c * kOne));
    ctx.rows->run(h, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            std::int64_t sx = std::llround((m.ox + m.b * y) * kOne);
            std::int64_t sy = std::llround((m.oy + m.d * y) * kOne);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x, d += 4, sx += stepX, sy += stepY)
                sample(in, sx, sy, edge, d);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& utilTransform() {
    static const EffectDescriptor d{
        .id = "util.transform",
        .version = 1,
        .name = "Transform",
        .category = "util",
        .help = "Move, scale and rotate the picture about an anchor point",
        .params =
            {
                ParamSpec::number("x", "Position X", -4000, 4000, 0, "px",
                                  "Horizontal move (right is positive)"),
                ParamSpec::number("y", "Position Y", -4000, 4000, 0, "px",
                                  "Vertical move (down is positive)"),
                ParamSpec::number("scale", "Scale", 1, 1000, 110, "%",
                                  "Size of the picture (100 % is unchanged)"),
                ParamSpec::number("rotation", "Rotation", -360, 360, 0, "°",
                                  "Counter-clockwise rotation"),
                ParamSpec::point("anchor", "Anchor", {0.5, 0.5}, 0, 1,
                                 "The point of the picture that scale and rotation turn about "
                                 "(0..1 across and down)"),
                ParamSpec::choice("edge", "Edges", {"Transparent", "Clamp", "Wrap", "Mirror"},
                                  Transparent,
                                  "What shows beyond the picture's edges: nothing, edge pixels, "
                                  "tiles or mirrored tiles"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
