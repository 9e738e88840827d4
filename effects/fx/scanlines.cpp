// fx.scanlines — a CRT's dark lines: every `period` pixels a band of
// `line_width`·period is darkened by `darkness`, optionally rolling with the
// frame index. Each row's (or column's) gain is the exact coverage of that
// pixel by dark bands, so fractional periods (and reduced render scales)
// stay even instead of beating.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/builtin.h"

namespace entropic::fx {

namespace {

// Dark length within [0, t) for bands [kP, kP + D).
double darkBefore(double t, double period, double dark) {
    const double k = std::floor(t / period);
    return k * dark + std::min(t - k * period, dark);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const double period = std::max(1.0, p.number("period") * ctx.renderScale);
    const double dark = p.number("line_width") * period;
    const double darkness = p.number("darkness");
    const bool vertical = p.choice("orientation") == 1;
    // Roll in pixels per frame; reduced modulo the period before it meets the
    // pixel position so large frame indices keep full precision.
    const double roll =
        std::fmod(p.number("roll") * ctx.renderScale * static_cast<double>(ctx.frameIndex), period);

    const int n = vertical ? in.width : in.height;
    std::vector<int> gain(static_cast<std::size_t>(n)); // ×256
    for (int i = 0; i < n; ++i) {
        const double a = i - roll + period * 2; // positive for any roll in (−period, period)
        const double cover = darkBefore(a + 1, period, dark) - darkBefore(a, period, dark);
        gain[static_cast<std::size_t>(i)] =
            static_cast<int>(std::lround(256.0 * (1.0 - darkness * cover)));
    }

    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            const int rowGain = gain[static_cast<std::size_t>(vertical ? 0 : y)];
            for (int x = 0; x < in.width; ++x, s += 4, d += 4) {
                const int g = vertical ? gain[static_cast<std::size_t>(x)] : rowGain;
                d[0] = static_cast<std::uint8_t>((s[0] * g + 128) >> 8);
                d[1] = static_cast<std::uint8_t>((s[1] * g + 128) >> 8);
                d[2] = static_cast<std::uint8_t>((s[2] * g + 128) >> 8);
                d[3] = s[3];
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxScanlines() {
    static const EffectDescriptor d{
        .id = "fx.scanlines",
        .version = 1,
        .name = "Scanlines",
        .category = "fx",
        .help = "Dark lines every few pixels, like a CRT, optionally rolling",
        .params =
            {
                ParamSpec::number("period", "Line period", 1, 64, 3, "px",
                                  "Distance from one line to the next"),
                ParamSpec::number("line_width", "Line width", 0, 1, 0.5, "",
                                  "Fraction of each period that is darkened"),
                ParamSpec::number("darkness", "Darkness", 0, 1, 0.35, "",
                                  "How much the lines darken (1 = black)"),
                ParamSpec::number("roll", "Roll", -50, 50, 0, "px/frame",
                                  "Lines move down (positive) or up by this much every frame"),
                ParamSpec::choice("orientation", "Orientation", {"Horizontal", "Vertical"}, 0,
                                  "Horizontal lines (a CRT) or vertical ones (an aperture grille)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
