// fx.channelshift — moves the red and blue channels by whole pixels while green
// and alpha stay put: the misregistered-print / broken-cable look.
#include <cmath>
#include <vector>

#include "core/builtin.h"
#include "core/pixel.h"

namespace entropic::fx {

namespace {

enum Edge { Wrap = 0, Clamp = 1 };

// Source index of an output index moved by `shift`, for either edge rule.
inline int sourceIndex(int i, int shift, int n, int edge) {
    const int s = i - shift;
    if (edge == Wrap) return wrapIndex(s, n);
    return std::clamp(s, 0, n - 1);
}

int scaled(const ParamValues& p, std::string_view key, double renderScale) {
    return static_cast<int>(std::lround(p.number(key) * renderScale));
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const int edge = p.choice("edge");
    const double scale = ctx.renderScale;
    const int w = in.width, h = in.height;
    // Reduce wrapped shifts once so the inner loop needs no modulo.
    auto reduce = [&](int v, int n) {
        return edge == Wrap ? wrapIndex(v, n) : std::clamp(v, -n, n);
    };
    const int rx = reduce(scaled(p, "red_x", scale), w), ry = reduce(scaled(p, "red_y", scale), h);
    const int bx = reduce(scaled(p, "blue_x", scale), w),
              by = reduce(scaled(p, "blue_y", scale), h);

    // Column sources are the same on every row: one table each, built once.
    std::vector<int> redX(static_cast<std::size_t>(w)), blueX(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x) {
        redX[static_cast<std::size_t>(x)] = 4 * sourceIndex(x, rx, w, edge);
        blueX[static_cast<std::size_t>(x)] = 4 * sourceIndex(x, bx, w, edge) + 2;
    }

    ctx.rows->run(h, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* same = in.row(y);
            const std::uint8_t* red = in.row(sourceIndex(y, ry, h, edge));
            const std::uint8_t* blue = in.row(sourceIndex(y, by, h, edge));
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x, d += 4) {
                d[0] = red[redX[static_cast<std::size_t>(x)]];
                d[1] = same[4 * x + 1];
                d[2] = blue[blueX[static_cast<std::size_t>(x)]];
                d[3] = same[4 * x + 3];
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxChannelShift() {
    static const EffectDescriptor d{
        .id = "fx.channelshift",
        .version = 1,
        .name = "Channel Shift",
        .category = "fx",
        .help = "Offset the red and blue channels against green, wrapping or clamping at the edges",
        .params =
            {
                ParamSpec::number("red_x", "Red X", -256, 256, 8, "px",
                                  "Horizontal shift of the red channel (right is positive)"),
                ParamSpec::number("red_y", "Red Y", -256, 256, 0, "px",
                                  "Vertical shift of the red channel (down is positive)"),
                ParamSpec::number("blue_x", "Blue X", -256, 256, -8, "px",
                                  "Horizontal shift of the blue channel (right is positive)"),
                ParamSpec::number("blue_y", "Blue Y", -256, 256, 2, "px",
                                  "Vertical shift of the blue channel (down is positive)"),
                ParamSpec::choice("edge", "Edges", {"Wrap", "Clamp"}, 0,
                                  "What a shifted channel shows past the frame edge"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
