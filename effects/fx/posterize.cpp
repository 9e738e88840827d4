// fx.posterize — a few flat tones per channel: each of R, G and B is rounded to
// the nearest of `levels` evenly spaced values (0 and 255 always among them),
// the poster-print / GIF look. One table per call.
#include "core/builtin.h"
#include "core/lut.h"

namespace entropic::fx {

namespace {

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const int steps = p.integer("levels") - 1; // 1..255
    Lut lut{};
    for (int v = 0; v < 256; ++v) {
        const int q = (v * steps + 127) / 255;
        lut[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>((q * 255 + steps / 2) / steps);
    }
    applyLuts(in, out, lut, lut, lut, identityLut(), *ctx.rows);
}

} // namespace

namespace builtin {
const EffectDescriptor& fxPosterize() {
    static const EffectDescriptor d{
        .id = "fx.posterize",
        .version = 1,
        .name = "Posterize",
        .category = "fx",
        .help = "Round each colour channel to a few evenly spaced levels",
        .params =
            {
                ParamSpec::integer(
                    "levels", "Levels", 2, 256, 5, "",
                    "Tones per channel, black and full intensity included (256 = unchanged)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
