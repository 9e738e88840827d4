// fx.mirror — one half of the frame reflected onto the other (kaleidoscope's
// simplest case): left onto right, top onto bottom, or one quarter onto all
// four. The kept side is unchanged, so mirroring a mirrored frame changes
// nothing.
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/builtin.h"

namespace entropic::fx {

namespace {

enum Mode { Horizontal = 0, Vertical = 1, Quad = 2 };

// Source index along an axis of n pixels: the kept half (first or second)
// reflected about the centre.
inline int reflect(int i, int n, bool second) {
    const int j = n - 1 - i;
    return second ? std::max(i, j) : std::min(i, j);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int mode = p.choice("mode");
    const bool second = p.choice("side") == 1;
    const bool acrossX = mode == Horizontal || mode == Quad;
    const bool acrossY = mode == Vertical || mode == Quad;
    std::vector<int> cols(static_cast<std::size_t>(in.width));
    for (int x = 0; x < in.width; ++x)
        cols[static_cast<std::size_t>(x)] = 4 * (acrossX ? reflect(x, in.width, second) : x);

    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(acrossY ? reflect(y, in.height, second) : y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < in.width; ++x)
                std::memcpy(d + 4 * x, s + cols[static_cast<std::size_t>(x)], 4);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxMirror() {
    static const EffectDescriptor d{
        .id = "fx.mirror",
        .version = 1,
        .name = "Mirror",
        .category = "fx",
        .help = "Reflect one half of the frame onto the other, or one quarter onto all four",
        .params =
            {
                ParamSpec::choice("mode", "Mode", {"Horizontal", "Vertical", "Quad"}, 0,
                                  "Left–right, top–bottom, or both (four-way)"),
                ParamSpec::choice("side", "Kept side", {"Left / top", "Right / bottom"}, 0,
                                  "Which half is kept and reflected onto the other"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
