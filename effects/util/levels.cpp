// util.levels — input black/white points, gamma, output black/white points,
// on all colour channels or one (the classic Levels dialog; FFmpeg colorlevels
// without gamma). A 256-entry table per call makes it one lookup per byte.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/builtin.h"

namespace entropic::fx {

namespace {

using Lut = std::array<std::uint8_t, 256>;

Lut buildLut(double inBlack, double inWhite, double gamma, double outBlack, double outWhite) {
    Lut lut{};
    // Work in 0..255 units so that points given as v/255 land exactly on v.
    const double black = inBlack * 255.0;
    const double span =
        inWhite * 255.0 - black; // negative span inverts: allowed, it is a glitch tool
    for (int v = 0; v < 256; ++v) {
        double t = span != 0 ? (v - black) / span : (v >= black ? 1.0 : 0.0);
        t = std::clamp(t, 0.0, 1.0);
        t = std::pow(t, 1.0 / gamma); // gamma > 1 lifts the midtones, as in every Levels dialog
        const double out = outBlack + (outWhite - outBlack) * t;
        lut[static_cast<std::size_t>(v)] =
            static_cast<std::uint8_t>(std::lround(std::clamp(out, 0.0, 1.0) * 255.0));
    }
    return lut;
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const Lut lut = buildLut(p.number("in_black"), p.number("in_white"), p.number("gamma"),
                             p.number("out_black"), p.number("out_white"));
    const int channel = p.choice("channel"); // 0 all, 1 red, 2 green, 3 blue
    Lut identity{};
    for (int v = 0; v < 256; ++v)
        identity[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(v);
    const Lut* tables[3];
    for (int c = 0; c < 3; ++c)
        tables[c] = (channel == 0 || channel == c + 1) ? &lut : &identity;

    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < in.width; ++x, s += 4, d += 4) {
                d[0] = (*tables[0])[s[0]];
                d[1] = (*tables[1])[s[1]];
                d[2] = (*tables[2])[s[2]];
                d[3] = s[3];
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& utilLevels() {
    static const EffectDescriptor d{
        .id = "util.levels",
        .version = 1,
        .name = "Levels",
        .category = "util",
        .help = "Remap black point, white point and midtone gamma, on all channels or one",
        .params =
            {
                ParamSpec::choice("channel", "Channel", {"All", "Red", "Green", "Blue"}, 0,
                                  "Which colour channel the levels apply to"),
                ParamSpec::number("in_black", "Input black", 0, 1, 0.06, "",
                                  "Input value that becomes output black"),
                ParamSpec::number("in_white", "Input white", 0, 1, 0.94, "",
                                  "Input value that becomes output white"),
                ParamSpec::number("gamma", "Gamma", 0.1, 10, 1.1, "",
                                  "Midtone curve: above 1 brightens, below 1 darkens"),
                ParamSpec::number("out_black", "Output black", 0, 1, 0, "", "Darkest output value"),
                ParamSpec::number("out_white", "Output white", 0, 1, 1, "",
                                  "Brightest output value"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
