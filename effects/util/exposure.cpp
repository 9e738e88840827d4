// util.exposure — exposure in photographic stops, as a camera would see it:
// the picture is decoded from sRGB to linear light, multiplied by 2^stops,
// offset (a black level in linear light, like After Effects' Exposure), and
// encoded back. +1 stop doubles the light; highlights clip. One table per call.
#include <cmath>

#include "core/builtin.h"
#include "core/lut.h"
#include "core/srgb.h"

namespace entropic::fx {

namespace {

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const double gain = std::exp2(p.number("stops")), offset = p.number("offset");
    const Lut lut =
        lutFrom([&](double v) { return linearToSrgb(srgbToLinear(v) * gain + offset); });
    applyLuts(in, out, lut, lut, lut, identityLut(), *ctx.rows);
}

} // namespace

namespace builtin {
const EffectDescriptor& utilExposure() {
    static const EffectDescriptor d{
        .id = "util.exposure",
        .version = 1,
        .name = "Exposure",
        .category = "util",
        .help = "Brighten or darken in photographic stops, in linear light",
        .params =
            {
                ParamSpec::number("stops", "Exposure", -6, 6, 0.5, "stops",
                                  "+1 doubles the light, -1 halves it"),
                ParamSpec::number(
                    "offset", "Offset", -0.5, 0.5, 0, "",
                    "Added to the linear light after exposure: lifts or crushes the blacks"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
