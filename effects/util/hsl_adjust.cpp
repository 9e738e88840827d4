// util.hsl_adjust — hue rotation, saturation and lightness, optionally only for
// a range of hues (the Hue/Saturation dialog of every photo editor).
//
// Two colour models for hue and saturation:
//   HSL:   the hexcone model of Photoshop and GIMP. Rotating by 120° turns pure
//          red into pure green; saturation scales HSL chroma at constant
//          lightness (max + min) / 2, up to the most the lightness allows.
//   Video: a proc amp, like FFmpeg's `hue` filter: the chroma (Cb, Cr) of
//          BT.709 full-range YCbCr is rotated and scaled at constant luma;
//          one 3×3 matrix per frame.
// Lightness then blends towards white (positive) or black (negative), as in
// Photoshop. A hue range selects pixels by their HSL hue (centre, width,
// softness); the adjustment fades in with chroma over the first 8 %, so
// near-grey pixels, whose hue is mostly noise, do not flicker in and out.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numbers>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/simd.h"

namespace entropic::fx {

namespace {

enum Model { Hsl = 0, Video = 1 };

constexpr float kChromaRamp = 0.08f * 255.0f; // chroma at which a hue range selects fully

struct Settings {
    int model;
    float hueShift;                    // HSL: sextants (hue / 60°)
    float saturation;                  // chroma multiplier, 0..3
    float lightScale, lightAdd;        // lightness as v·scale + add
    std::array<float, 9> matrix;       // Video: row-major RGB → RGB
    bool ranged;                       // width < 360°
    float centre, halfWidth, softness; // degrees
};

// Four pixels at a time, one per lane; every lane computes exactly what a
// scalar loop would, so results do not depend on the grouping.
inline F32x4 clamp01(F32x4 t) {
    return vmin(vmax(t, splat(0.0f)), splat(1.0f));
}

// One channel of a colour rebuilt from its hexcone position (HSV-to-RGB in
// branch-free form): high − chroma·clamp(min(k, 4 − k), 0, 1), k = (n + hue) mod 6.
inline F32x4 hexChannel(float n, F32x4 hue, F32x4 high, F32x4 chroma) {
    F32x4 k = splat(n) + hue;
    k = k >= splat(6.0f) ? k - splat(6.0f) : k;
    return high - chroma * clamp01(vmin(k, splat(4.0f) - k));
}

// The settings as vectors, built once per band of rows so that the loop keeps
// them in registers.
struct Lanes {
    F32x4 hueShift, saturation, lightScale, lightAdd;
    F32x4 m[9];
    F32x4 centre, halfWidth, invSoftness;
    bool hardEdge;
    explicit Lanes(const Settings& s)
        : hueShift(splat(s.hueShift)), saturation(splat(s.saturation)),
          lightScale(splat(s.lightScale)), lightAdd(splat(s.lightAdd)), centre(splat(s.centre)),
          halfWidth(splat(s.halfWidth)),
          invSoftness(splat(s.softness > 0 ? 1.0f / s.softness : 0.0f)), hardEdge(s.softness <= 0) {
        for (int i = 0; i < 9; ++i)
            m[i] = splat(s.matrix[static_cast<std::size_t>(i)]);
    }
};

// Weight of the hue range for pixels of hue h (sextants) and chroma c > 0.
inline F32x4 rangeWeight(const Lanes& s, F32x4 h, F32x4 c) {
    F32x4 d = h * splat(60.0f) - s.centre;
    d = d < splat(0.0f) ? -d : d;
    d = d > splat(180.0f) ? splat(360.0f) - d : d;
    F32x4 w;
    if (s.hardEdge) {
        w = d > s.halfWidth ? splat(0.0f) : splat(1.0f);
    } else {
        const F32x4 t = clamp01((d - s.halfWidth) * s.invSoftness);
        w = splat(1.0f) - t * t * (splat(3.0f) - splat(2.0f) * t);
    }
    return w * vmin(splat(1.0f), c * splat(1.0f / kChromaRamp));
}

// Four pixels (16 bytes) at a time.
template <bool VideoModel, bool Ranged>
inline void adjust4(const Lanes& s, const std::uint8_t* src, std::uint8_t* dst) {
    I32x4 px;
    std::memcpy(&px, src, 16); // lane p: R | G << 8 | B << 16 | A << 24 (little-endian)
    const I32x4 byte = splatInt(255);
    const F32x4 r = toFloat(px & byte), g = toFloat((px >> 8) & byte),
                b = toFloat((px >> 16) & byte);
    const F32x4 zero = splat(0.0f), top = splat(255.0f);
    const F32x4 mx = vmax(r, vmax(g, b)), mn = vmin(r, vmin(g, b)), c = mx - mn;
    F32x4 h = zero; // HSL hue in sextants [0, 6); 0 for greys
    if (!VideoModel || Ranged) {
        const F32x4 inv = splat(1.0f) / (c > zero ? c : splat(1.0f));
        h = mx == r ? (g - b) * inv
                    : (mx == g ? splat(2.0f) + (b - r) * inv : splat(4.0f) + (r - g) * inv);
        h = h < zero ? h + splat(6.0f) : h;
    }
    F32x4 v[3];
    if constexpr (VideoModel) {
        for (int i = 0; i < 3; ++i)
            v[i] = vmin(vmax(s.m[3 * i] * r + s.m[3 * i + 1] * g + s.m[3 * i + 2] * b, zero), top);
    } else {
        const F32x4 sum = mx + mn; // 2 · lightness
        const F32x4 room = top - (sum > top ? sum - top : top - sum);
        const F32x4 chroma = vmin(c * s.saturation, room);
        F32x4 hue = h + s.hueShift;
        hue = hue >= splat(6.0f) ? hue - splat(6.0f) : hue;
        hue = hue < zero ? hue + splat(6.0f) : hue;
        const F32x4 high = (sum + chroma) * splat(0.5f);
        v[0] = hexChannel(5, hue, high, chroma);
        v[1] = hexChannel(3, hue, high, chroma);
        v[2] = hexChannel(1, hue, high, chroma);
    }
    F32x4 weight = splat(1.0f);
    if constexpr (Ranged) weight = c > zero ? rangeWeight(s, h, c) : zero;
    const F32x4 in[3] = {r, g, b};
    I32x4 result = px & splatInt(static_cast<std::int32_t>(0xff000000u)); // alpha untouched
    for (int i = 0; i < 3; ++i) {
        F32x4 out = v[i] * s.lightScale + s.lightAdd;
        if constexpr (Ranged) out = in[i] + (out - in[i]) * weight;
        result |= toInt(vmin(vmax(out, zero), top) + splat(0.5f)) << (8 * i);
    }
    std::memcpy(dst, &result, 16);
}

template <bool VideoModel, bool Ranged>
void adjustRows(const Settings& settings, ConstFrameView in, FrameView out, int begin, int end) {
    const Lanes s(settings);
    for (int y = begin; y < end; ++y) {
        const std::uint8_t* src = in.row(y);
        std::uint8_t* dst = out.row(y);
        int x = 0;
        for (; x + 4 <= in.width; x += 4)
            adjust4<VideoModel, Ranged>(s, src + 4 * x, dst + 4 * x);
        if (x < in.width) { // the last 1..3 pixels, through a padded group of four
            std::uint8_t pad[16] = {}, res[16];
            const auto n = static_cast<std::size_t>(in.width - x) * 4;
            std::memcpy(pad, src + 4 * x, n);
            adjust4<VideoModel, Ranged>(s, pad, res);
            std::memcpy(dst + 4 * x, res, n);
        }
    }
}

// Video model: RGB → BT.709 full-range YCbCr, chroma rotated by `degrees`
// (Cb' = Cb·cos − Cr·sin, Cr' = Cb·sin + Cr·cos, as FFmpeg's hue) and scaled,
// back to RGB; folded into one matrix.
std::array<float, 9> videoMatrix(double degrees, double saturation) {
    constexpr double kr = kLumaRf, kb = kLumaBf, kg = 1 - kr - kb;
    constexpr double cbScale = 2 * (1 - kb), crScale = 2 * (1 - kr);
    const double toYcc[3][3] = {{kr, kg, kb},
                                {-kr / cbScale, -kg / cbScale, (1 - kb) / cbScale},
                                {(1 - kr) / crScale, -kg / crScale, -kb / crScale}};
    const double toRgb[3][3] = {
        {1, 0, crScale}, {1, -kb * cbScale / kg, -kr * crScale / kg}, {1, cbScale, 0}};
    const double a = degrees * std::numbers::pi / 180.0, c = std::cos(a) * saturation,
                 s = std::sin(a) * saturation;
    const double adjust[3][3] = {{1, 0, 0}, {0, c, -s}, {0, s, c}};
    double tmp[3][3] = {}, out[3][3] = {};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                tmp[i][j] += adjust[i][k] * toYcc[k][j];
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k)
                out[i][j] += toRgb[i][k] * tmp[k][j];
    std::array<float, 9> m{};
    for (int i = 0; i < 9; ++i)
        m[static_cast<std::size_t>(i)] = static_cast<float>(out[i / 3][i % 3]);
    return m;
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    Settings s{};
    s.model = p.choice("model");
    s.hueShift = static_cast<float>(p.number("hue") / 60.0);
    s.saturation = static_cast<float>(1.0 + p.number("saturation") / 100.0);
    const double light = p.number("lightness") / 100.0;
    s.lightScale = static_cast<float>(light >= 0 ? 1 - light : 1 + light);
    s.lightAdd = static_cast<float>(light >= 0 ? 255 * light : 0);
    if (s.model == Video) s.matrix = videoMatrix(p.number("hue"), s.saturation);
    s.ranged = p.number("range_width") < 360.0;
    s.centre = static_cast<float>(p.number("range_centre"));
    s.halfWidth = static_cast<float>(p.number("range_width") / 2.0);
    s.softness = static_cast<float>(p.number("range_softness"));
    const auto rows = s.model == Video
                          ? (s.ranged ? adjustRows<true, true> : adjustRows<true, false>)
                          : (s.ranged ? adjustRows<false, true> : adjustRows<false, false>);
    ctx.rows->run(in.height, [&](int begin, int end) { rows(s, in, out, begin, end); });
}

} // namespace

namespace builtin {
const EffectDescriptor& utilHslAdjust() {
    static const EffectDescriptor d{
        .id = "util.hsl_adjust",
        .version = 1,
        .name = "Hue / Saturation",
        .category = "util",
        .help = "Rotate hues, change saturation and lightness, on all colours or a hue range",
        .params =
            {
                ParamSpec::number("hue", "Hue", -180, 180, 0, "°",
                                  "Rotates every hue: 120° turns red into green, -120° into blue"),
                ParamSpec::number("saturation", "Saturation", -100, 200, 25, "%",
                                  "Change of colourfulness: -100 % is grey, +100 % doubles it"),
                ParamSpec::number("lightness", "Lightness", -100, 100, 0, "%",
                                  "Blend towards white (positive) or black (negative)"),
                ParamSpec::choice("model", "Colour model", {"HSL", "Video (YCbCr)"}, Hsl,
                                  "HSL as in photo editors, or a video proc amp that keeps luma"),
                ParamSpec::number(
                    "range_centre", "Hue range centre", 0, 360, 0, "°",
                    "Centre of the hues affected (0 red, 60 yellow, 120 green, 240 blue)"),
                ParamSpec::number("range_width", "Hue range width", 0, 360, 360, "°",
                                  "Width of the hues fully affected; 360 ° affects every colour"),
                ParamSpec::number("range_softness", "Hue range softness", 0, 180, 30, "°",
                                  "Hues this far beyond the range fade out smoothly"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
