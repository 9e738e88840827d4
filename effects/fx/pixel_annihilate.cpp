// fx.pixel_annihilate — dead pixels: square blocks (one pixel up to large
// cells) are destroyed at random, or only where they are brighter or darker
// than a threshold, and replaced by black, white, a colour, transparency, or
// the same block with one channel dropped. Each block's draw is a hash of
// (seed, block column, block row) and its luma is its own mean, so work split
// by rows of blocks gives the same bytes; the seed changes every frame.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/builtin.h"
#include "core/cell_hash.h"
#include "core/luma.h"
#include "core/pixel.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

enum Select { Random = 0, Bright = 1, Dark = 2 };
// Choice indices of the replace parameter.
enum Replace { Black, White, Colour, DropRed, DropGreen, DropBlue, Clear };

// BT.709 luma of a mean colour given as channel sums over n pixels.
inline int meanLuma(std::uint64_t r, std::uint64_t g, std::uint64_t b, std::uint64_t n) {
    const std::uint64_t y = lumaWeighted<std::uint64_t>(r, g, b) / n;
    return static_cast<int>((y + 32768) >> 16);
}

inline void destroy(std::uint8_t* d, int replace, const std::uint8_t colour[3]) {
    switch (replace) {
    case Black:
        d[0] = d[1] = d[2] = 0;
        break;
    case White:
        d[0] = d[1] = d[2] = 255;
        break;
    case Colour:
        std::memcpy(d, colour, 3);
        break;
    case DropRed:
        d[0] = 0;
        break;
    case DropGreen:
        d[1] = 0;
        break;
    case DropBlue:
        d[2] = 0;
        break;
    default:
        d[3] = 0;
        break;
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const int block =
        std::max(1, static_cast<int>(std::lround(p.number("block") * ctx.renderScale)));
    const int select = p.choice("select");
    const int level = static_cast<int>(std::lround(p.number("threshold") * 255));
    const auto chance =
        static_cast<std::uint64_t>(std::lround(p.number("probability") * 16777216.0));
    const int replace = p.choice("replace");
    const auto rgb = rgbBytes(p.color("color"));
    const std::uint8_t colour[3] = {static_cast<std::uint8_t>(rgb[0]),
                                    static_cast<std::uint8_t>(rgb[1]),
                                    static_cast<std::uint8_t>(rgb[2])};
    const std::uint64_t seed = mix64(ctx.seed ^ 0x616e6e69686c6174ULL); // "annihlat"
    const int blockRows = (h + block - 1) / block, blockCols = (w + block - 1) / block;

    ctx.rows->run(blockRows, [&](int begin, int end) {
        std::vector<std::uint64_t> sum(static_cast<std::size_t>(blockCols) * 3);
        std::vector<std::uint8_t> hit(static_cast<std::size_t>(blockCols));
        for (int by = begin; by < end; ++by) {
            const int y0 = by * block, y1 = std::min(h, y0 + block);
            if (select != Random) {
                std::fill(sum.begin(), sum.end(), 0);
                for (int y = y0; y < y1; ++y) {
                    const std::uint8_t* s = in.row(y);
                    for (int bx = 0; bx < blockCols; ++bx) {
                        std::uint64_t* a = &sum[3 * static_cast<std::size_t>(bx)];
                        for (int x = bx * block, x1 = std::min(w, x + block); x < x1; ++x, s += 4)
                            a[0] += s[0], a[1] += s[1], a[2] += s[2];
                    }
                }
            }
            for (int bx = 0; bx < blockCols; ++bx) {
                bool on = (cellHash(seed, bx, by) & 0xffffff) < chance;
                if (on && select != Random) {
                    const auto n = static_cast<std::uint64_t>(
                        (std::min(w, (bx + 1) * block) - bx * block) * (y1 - y0));
                    const std::uint64_t* a = &sum[3 * static_cast<std::size_t>(bx)];
                    const int luma = meanLuma(a[0], a[1], a[2], n);
                    on = select == Bright ? luma >= level : luma <= level;
                }
                hit[static_cast<std::size_t>(bx)] = on;
            }
            for (int y = y0; y < y1; ++y) {
                std::uint8_t* d = out.row(y);
                std::memcpy(d, in.row(y), static_cast<std::size_t>(w) * 4);
                for (int bx = 0; bx < blockCols; ++bx) {
                    if (!hit[static_cast<std::size_t>(bx)]) continue;
                    for (int x = bx * block, x1 = std::min(w, x + block); x < x1; ++x)
                        destroy(d + 4 * x, replace, colour);
                }
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxPixelAnnihilate() {
    static const EffectDescriptor d{
        .id = "fx.pixel_annihilate",
        .version = 1,
        .name = "Pixel Annihilate",
        .category = "fx",
        .help = "Dead pixels and blocks: random, bright or dark blocks are blanked, coloured, "
                "made transparent or lose a channel",
        .params =
            {
                ParamSpec::choice("select", "Select", {"Random", "Bright", "Dark"}, 1,
                                  "Which blocks may die: any, or only those at least as bright "
                                  "(or as dark) as the threshold"),
                ParamSpec::number("probability", "Probability", 0, 1, 0.35, "",
                                  "Chance that a selectable block dies on a frame"),
                ParamSpec::number("threshold", "Luma threshold", 0, 1, 0.6, "",
                                  "Bright/Dark: the block's mean BT.709 luma limit")
                    .when("select", {"Bright", "Dark"}),
                ParamSpec::number("block", "Block size", 1, 256, 3, "px",
                                  "Side of the square blocks that die as one"),
                ParamSpec::choice("replace", "Replace with",
                                  {"Black", "White", "Colour", "Drop red", "Drop green",
                                   "Drop blue", "Transparent"},
                                  0, "What a dead block becomes"),
                ParamSpec::color("color", "Colour", {1, 0, 0.8, 1},
                                 "Colour mode: the colour dead blocks take")
                    .when("replace", {"Colour"}),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
