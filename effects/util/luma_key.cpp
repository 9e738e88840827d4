// util.luma_key — makes the dark (or bright) parts of the picture transparent,
// by BT.709 luma Y = (13933·R + 46871·G + 4732·B) / (255·65536) in 0..1 (the
// container's luma mask uses the same weights).
//
//   key out darker:   key = clamp((Y − threshold) / softness, 0, 1)
//   key out brighter: key = clamp((threshold − Y) / softness, 0, 1)
// (a hard edge when softness is 0). The output alpha is alpha · key, or its
// inverse. A bright key over a dark background leaves a dark fringe: spill
// suppression pulls the remaining pixels' luma away from the keyed side, in
// proportion to how close they are to being keyed (fringe only).
// Output "Matte" draws the key as an opaque grey picture (white = kept), for
// use as a mask image.
#include <algorithm>
#include <cmath>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/pixel.h"

namespace entropic::fx {

namespace {

enum KeyOut { Darker = 0, Brighter = 1 };
enum Output { Keyed = 0, Matte = 1 };

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const auto threshold = static_cast<float>(p.number("threshold"));
    const auto softness = static_cast<float>(p.number("softness"));
    const float invSoftness = softness > 0 ? 1.0f / softness : 0.0f;
    const bool brighter = p.choice("key_out") == Brighter, invert = p.flag("invert");
    const bool matte = p.choice("output") == Matte;
    // A pixel halfway through the fade moves (1 - key) · spill · softness away from the keyed side.
    const float fringe =
        static_cast<float>(p.number("spill")) * softness * 255.0f * (brighter ? -1.0f : 1.0f);
    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < in.width; ++x, s += 4, d += 4) {
                const int luma = lumaWeighted(s[0], s[1], s[2]); // 0 .. 255·65536
                const float t =
                    (static_cast<float>(luma) * (1.0f / (255.0f * 65536.0f)) - threshold) *
                    (brighter ? -1.0f : 1.0f);
                float key =
                    softness > 0 ? std::clamp(t * invSoftness, 0.0f, 1.0f) : (t > 0 ? 1.0f : 0.0f);
                const int shift =
                    key > 0 && key < 1 ? static_cast<int>(std::lround((1 - key) * fringe)) : 0;
                if (invert) key = 1 - key;
                const auto alpha = static_cast<std::uint8_t>(static_cast<int>(s[3] * key + 0.5f));
                if (matte) {
                    d[0] = d[1] = d[2] = alpha;
                    d[3] = 255;
                    continue;
                }
                d[0] = clampByte(s[0] + shift);
                d[1] = clampByte(s[1] + shift);
                d[2] = clampByte(s[2] + shift);
                d[3] = alpha;
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& utilLumaKey() {
    static const EffectDescriptor d{
        .id = "util.luma_key",
        .version = 1,
        .name = "Luma Key",
        .category = "util",
        .help = "Make the dark or the bright parts of the picture transparent, with a soft edge",
        .params =
            {
                ParamSpec::choice("key_out", "Key out", {"Darker", "Brighter"}, Darker,
                                  "Remove what is darker or brighter than the threshold"),
                ParamSpec::number("threshold", "Threshold", 0, 1, 0.2, "",
                                  "Luma (0 black, 1 white) where the key starts"),
                ParamSpec::number("softness", "Softness", 0, 1, 0.1, "",
                                  "Luma range over which transparency fades"),
                ParamSpec::number(
                    "spill", "Spill suppression", 0, 1, 0, "",
                    "Lighten (or darken) the half-keyed fringe away from the keyed side")
                    .when("output", {"Keyed picture"}),
                ParamSpec::toggle("invert", "Invert", false,
                                  "Keep what would be removed, and remove the rest"),
                ParamSpec::choice(
                    "output", "Output", {"Keyed picture", "Matte"}, Keyed,
                    "The picture with transparency, or the key as a grey mask (white = kept)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
