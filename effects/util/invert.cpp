// util.invert — the photographic negative, per channel: v becomes 255 - v on
// each chosen channel (FFmpeg's negate). Inverting twice gives the input back.
#include "core/builtin.h"
#include "core/lut.h"

namespace entropic::fx {

namespace {

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    Lut negative{};
    for (int v = 0; v < 256; ++v)
        negative[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(255 - v);
    const Lut same = identityLut();
    const auto pick = [&](const char* key) -> const Lut& { return p.flag(key) ? negative : same; };
    applyLuts(in, out, pick("red"), pick("green"), pick("blue"), pick("alpha"), *ctx.rows);
}

} // namespace

namespace builtin {
const EffectDescriptor& utilInvert() {
    static const EffectDescriptor d{
        .id = "util.invert",
        .version = 1,
        .name = "Invert",
        .category = "util",
        .help = "Photographic negative of the chosen channels",
        .params =
            {
                ParamSpec::toggle("red", "Red", true, "Invert the red channel"),
                ParamSpec::toggle("green", "Green", true, "Invert the green channel"),
                ParamSpec::toggle("blue", "Blue", true, "Invert the blue channel"),
                ParamSpec::toggle("alpha", "Alpha", false,
                                  "Invert the alpha channel (opaque becomes transparent)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
