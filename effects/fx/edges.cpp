// fx.edges — Sobel edge detection on BT.709 luma (edges repeated at the frame
// border). The gradient magnitude, thresholded and amplified, is drawn three
// ways: screened over the picture in a colour (overlay), as glowing lines in
// the picture's own colours on black (neon), or alone in a colour on black.
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/pixel.h"

namespace entropic::fx {

namespace {

enum Mode { Overlay = 0, Neon = 1, Only = 2 };

void lumaRow(ConstFrameView in, int y, std::vector<int>& out) {
    const std::uint8_t* s = in.row(std::clamp(y, 0, in.height - 1));
    for (int x = 0; x < in.width; ++x, s += 4)
        out[static_cast<std::size_t>(x) + 1] = lumaByte(s[0], s[1], s[2]);
    out[0] = out[1]; // repeated edges: one guard column each side
    out[static_cast<std::size_t>(in.width) + 1] = out[static_cast<std::size_t>(in.width)];
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width;
    const int mode = p.choice("mode");
    const double threshold = p.number("threshold");
    const double gain = p.number("gain");
    const std::array<int, 3> colour = rgbBytes(p.color("color"));

    // Squared Sobel magnitude at or below which the drawn strength is 0 (exact:
    // (m − threshold)·gain ≤ 0 exactly when m ≤ threshold).
    const int floor2 = static_cast<int>(std::floor(threshold * 1020.0 * threshold * 1020.0));
    // 255/max as 16.16 fixed point: a channel's share of the brightest one, at full brightness.
    std::array<int, 256> vivify{};
    for (int mx = 1; mx < 256; ++mx)
        vivify[static_cast<std::size_t>(mx)] = (255 * 65536 + mx / 2) / mx;

    ctx.rows->run(in.height, [&](int begin, int end) {
        const auto n = static_cast<std::size_t>(w) + 2;
        std::vector<int> above(n), here(n), below(n);
        lumaRow(in, begin - 1, above);
        lumaRow(in, begin, here);
        for (int y = begin; y < end; ++y) {
            lumaRow(in, y + 1, below);
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x, s += 4, d += 4) {
                const auto i = static_cast<std::size_t>(x) + 1;
                const int gx = (above[i + 1] + 2 * here[i + 1] + below[i + 1]) -
                               (above[i - 1] + 2 * here[i - 1] + below[i - 1]);
                const int gy = (below[i - 1] + 2 * below[i] + below[i + 1]) -
                               (above[i - 1] + 2 * above[i] + above[i + 1]);
                // Magnitude over 4·255 (1 = a full black-to-white step), then threshold and gain.
                const int m2 = gx * gx + gy * gy;
                int v = 0; // below the threshold (most pixels): no square root
                if (m2 > floor2) {
                    const double m = std::sqrt(static_cast<double>(m2)) / 1020.0;
                    v = static_cast<int>(
                        std::lround(std::clamp((m - threshold) * gain, 0.0, 1.0) * 256.0));
                }
                if (mode == Overlay) { // screen: 255 − (255 − a)(255 − b)/255
                    for (int k = 0; k < 3; ++k) {
                        const int e = (colour[static_cast<std::size_t>(k)] * v + 128) >> 8;
                        d[k] =
                            static_cast<std::uint8_t>(255 - ((255 - s[k]) * (255 - e) + 127) / 255);
                    }
                } else if (mode ==
                           Neon) { // the pixel's colour at full brightness (white where black)
                    const int mx = std::max(s[0], std::max(s[1], s[2]));
                    for (int k = 0; k < 3; ++k) {
                        const int vivid =
                            mx == 0 ? 255
                                    : (s[k] * vivify[static_cast<std::size_t>(mx)] + 32768) >> 16;
                        d[k] = static_cast<std::uint8_t>((vivid * v + 128) >> 8);
                    }
                } else {
                    for (int k = 0; k < 3; ++k)
                        d[k] = static_cast<std::uint8_t>(
                            (colour[static_cast<std::size_t>(k)] * v + 128) >> 8);
                }
                d[3] = s[3];
            }
            std::swap(above, here);
            std::swap(here, below);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxEdges() {
    static const EffectDescriptor d{
        .id = "fx.edges",
        .version = 1,
        .name = "Edges",
        .category = "fx",
        .help = "Sobel edges drawn over the picture, as neon lines in its colours, or alone",
        .params =
            {
                ParamSpec::choice(
                    "mode", "Mode", {"Overlay", "Neon", "Only"}, 1,
                    "Edges screened over the picture, in the picture's colours on black, or alone"),
                ParamSpec::number(
                    "threshold", "Threshold", 0, 1, 0.03, "",
                    "Edge strength below which nothing is drawn (1 = a full black-to-white step)"),
                ParamSpec::number("gain", "Gain", 0.1, 20, 6, "×",
                                  "Amplification of the edge strength above the threshold"),
                ParamSpec::color("color", "Colour", {0.3, 1.0, 0.9, 1.0},
                                 "Edge colour in the overlay and only modes")
                    .when("mode", {"Overlay", "Only"}),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
