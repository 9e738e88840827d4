// fx.channel_destroy — channel-level destruction: each of R, G and B is kept,
// zeroed, saturated, replaced by another channel of the same pixel (so two
// choices swap them), by seeded noise, or thresholded to 0/255. The noise is a
// hash of (seed, cell column, cell row), so any row split gives the same
// bytes; it changes every frame.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/builtin.h"
#include "core/cell_hash.h"
#include "core/lut.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

// Choice indices of the red, green and blue parameters.
enum Source { Keep, Zero, Full, Red, Green, Blue, Noise, Threshold };

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width;
    const int op[3] = {p.choice("red"), p.choice("green"), p.choice("blue")};
    const bool noisy = op[0] == Noise || op[1] == Noise || op[2] == Noise;
    const int cell =
        std::max(1, static_cast<int>(std::lround(p.number("noise_size") * ctx.renderScale)));
    const int level = static_cast<int>(std::lround(p.number("threshold") * 255));
    const std::uint64_t seed = mix64(ctx.seed ^ 0x6368616e5f6e6f69ULL); // "chan_noi"

    // Branch-free per pixel: each output channel is table[c][choices[pick[c]]],
    // with choices = {R, G, B, 0, 255, noise R, noise G, noise B}.
    Lut threshold{};
    for (int v = 0; v < 256; ++v)
        threshold[static_cast<std::size_t>(v)] = v >= level ? 255 : 0;
    const Lut identity = identityLut();
    int pick[3];
    const Lut* table[3];
    for (int c = 0; c < 3; ++c) {
        const int o = op[c];
        pick[c] = o == Zero               ? 3
                  : o == Full             ? 4
                  : o == Noise            ? 5 + c
                  : o >= Red && o <= Blue ? o - Red
                                          : c;
        table[c] = o == Threshold ? &threshold : &identity;
    }

    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            std::uint8_t choices[8] = {0, 0, 0, 0, 255, 0, 0, 0};
            std::uint64_t n = 0;
            for (int x = 0; x < w; ++x, s += 4, d += 4) {
                // One hash per noise cell: a byte per channel.
                if (noisy && x % cell == 0) n = cellHash(seed, x / cell, y / cell);
                choices[0] = s[0], choices[1] = s[1], choices[2] = s[2];
                choices[5] = static_cast<std::uint8_t>(n);
                choices[6] = static_cast<std::uint8_t>(n >> 8);
                choices[7] = static_cast<std::uint8_t>(n >> 16);
                for (int c = 0; c < 3; ++c)
                    d[c] = (*table[c])[choices[pick[c]]];
                d[3] = s[3];
            }
        }
    });
}

std::vector<std::string> sources() {
    return {"Keep", "Zero", "Full", "Red", "Green", "Blue", "Noise", "Threshold"};
}

} // namespace

namespace builtin {
const EffectDescriptor& fxChannelDestroy() {
    static const EffectDescriptor d{
        .id = "fx.channel_destroy",
        .version = 1,
        .name = "Channel Destroy",
        .category = "fx",
        .help = "Each colour channel kept, zeroed, saturated, swapped with another, replaced by "
                "noise or thresholded",
        .params =
            {
                ParamSpec::choice(
                    "red", "Red becomes", sources(), Keep,
                    "What the red channel shows (Green here and Red for green swaps them)"),
                ParamSpec::choice("green", "Green becomes", sources(), Blue,
                                  "What the green channel shows"),
                ParamSpec::choice("blue", "Blue becomes", sources(), Threshold,
                                  "What the blue channel shows"),
                ParamSpec::number(
                    "threshold", "Threshold", 0, 1, 0.5, "",
                    "Threshold: a channel at or above this becomes full, below it zero"),
                ParamSpec::number("noise_size", "Noise size", 1, 64, 1, "px",
                                  "Noise: side of the square cells that share one random value"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
