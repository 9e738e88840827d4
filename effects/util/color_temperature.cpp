// util.color_temperature — warm or cool the picture as if lit by light of a
// given colour temperature, plus a green–magenta tint.
//
// The light's colour is the black body at that temperature (the CIE 1931 xy of
// the Planckian locus, Kim et al. 2002 cubic fit), converted to linear sRGB
// and divided by the same at 6500 K, so 6500 K is neutral, lower is warmer
// (candle 1900 K, tungsten 3200 K), higher is cooler (shade 8000 K). Tint moves
// green against magenta (±100 % scales green by ∓25 %). The three gains are
// normalised to keep BT.709 luma and applied in linear light; one table per
// channel per call.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/lut.h"
#include "core/srgb.h"

namespace entropic::fx {

namespace {

using Rgb = std::array<double, 3>;

// Linear sRGB of the black body at kelvin (luminance Y = 1), negatives clipped.
Rgb blackBody(double kelvin) {
    const double t = std::clamp(kelvin, 1667.0, 25000.0), t2 = t * t, t3 = t2 * t;
    const double x = t <= 4000 ? -0.2661239e9 / t3 - 0.2343589e6 / t2 + 0.8776956e3 / t + 0.179910
                               : -3.0258469e9 / t3 + 2.1070379e6 / t2 + 0.2226347e3 / t + 0.240390;
    const double x2 = x * x, x3 = x2 * x;
    const double y = t <= 2222   ? -1.1063814 * x3 - 1.34811020 * x2 + 2.18555832 * x - 0.20219683
                     : t <= 4000 ? -0.9549476 * x3 - 1.37418593 * x2 + 2.09137015 * x - 0.16748867
                                 : 3.0817580 * x3 - 5.87338670 * x2 + 3.75112997 * x - 0.37001483;
    const double X = x / y, Y = 1.0, Z = (1 - x - y) / y;
    return {std::max(0.0, 3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z),
            std::max(0.0, -0.9692660 * X + 1.8760108 * Y + 0.0415560 * Z),
            std::max(0.0, 0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z)};
}

Rgb gains(double kelvin, double tint) {
    const Rgb light = blackBody(kelvin), white = blackBody(6500);
    Rgb g{};
    for (std::size_t c = 0; c < 3; ++c)
        g[c] = light[c] / white[c];
    g[1] *= 1.0 - 0.25 * tint;
    const double luma = lumaOf(g[0], g[1], g[2]);
    for (double& v : g)
        v /= luma;
    return g;
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const Rgb g = gains(p.number("temperature"), p.number("tint") / 100.0);
    std::array<Lut, 3> luts;
    for (std::size_t c = 0; c < 3; ++c)
        luts[c] = lutFrom([&](double v) { return linearToSrgb(srgbToLinear(v) * g[c]); });
    applyLuts(in, out, luts[0], luts[1], luts[2], identityLut(), *ctx.rows);
}

} // namespace

namespace builtin {
const EffectDescriptor& utilColorTemperature() {
    static const EffectDescriptor d{
        .id = "util.color_temperature",
        .version = 1,
        .name = "Colour Temperature",
        .category = "util",
        .help = "Warm or cool the picture like light of a colour temperature, with a green–magenta "
                "tint",
        .params =
            {
                ParamSpec::number(
                    "temperature", "Temperature", 1700, 15000, 5200, "K",
                    "Colour of the light: 6500 K is neutral, lower is warmer, higher cooler"),
                ParamSpec::number("tint", "Tint", -100, 100, 0, "%",
                                  "Towards magenta (positive) or green (negative)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
