// fx.block_displace — broken macroblocks: the frame is a grid of square blocks
// and a seeded random choice of them shows the picture from somewhere else (a
// random offset), the look of a stream that lost packets. Each block's draw is
// a hash of (seed, block column, block row), so any row split gives the same
// bytes; the seed changes every frame.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/builtin.h"
#include "core/cell_hash.h"
#include "core/pixel.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

// Uniform integer in [-m, m] from 24 bits of a hash (m ≥ 0).
inline int signedDraw(std::uint64_t bits24, int m) {
    return static_cast<int>((bits24 * static_cast<std::uint64_t>(2 * m + 1)) >> 24) - m;
}

struct Offset {
    int dx, dy;
    bool moved;
};

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const double scale = ctx.renderScale;
    const int block = std::max(1, static_cast<int>(std::lround(p.number("block_size") * scale)));
    const int maxOffset = static_cast<int>(std::lround(p.number("max_offset") * scale));
    const auto threshold =
        static_cast<std::uint64_t>(std::lround(p.number("probability") * 16777216.0));
    const bool snap = p.flag("snap");
    const int cols = (w + block - 1) / block;
    const std::uint64_t seed = mix64(ctx.seed ^ 0x626c6f636b5f6478ULL); // "block_dx"

    ctx.rows->run(h, [&](int begin, int end) {
        std::vector<Offset> offsets(static_cast<std::size_t>(cols));
        int cachedRow = -1;
        for (int y = begin; y < end; ++y) {
            const int by = y / block;
            if (by != cachedRow) {
                for (int bx = 0; bx < cols; ++bx) {
                    const std::uint64_t r = cellHash(seed, bx, by);
                    Offset& o = offsets[static_cast<std::size_t>(bx)];
                    o.moved = (r & 0xffffff) < threshold;
                    o.dx = signedDraw((r >> 24) & 0xffffff, maxOffset);
                    o.dy = signedDraw(r >> 40, maxOffset);
                    if (snap) { // whole blocks, as a codec's motion would land
                        o.dx = static_cast<int>(std::lround(static_cast<double>(o.dx) / block)) *
                               block;
                        o.dy = static_cast<int>(std::lround(static_cast<double>(o.dy) / block)) *
                               block;
                    }
                }
                cachedRow = by;
            }
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            std::memcpy(d, s, static_cast<std::size_t>(w) * 4);
            for (int bx = 0; bx < cols; ++bx) {
                const Offset o = offsets[static_cast<std::size_t>(bx)];
                if (!o.moved) continue;
                const std::uint8_t* src = in.row(wrapIndex(y + o.dy, h));
                const int x1 = std::min(w, (bx + 1) * block);
                for (int x = bx * block; x < x1; ++x)
                    std::memcpy(d + 4 * x, src + 4 * wrapIndex(x + o.dx, w), 4);
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxBlockDisplace() {
    static const EffectDescriptor d{
        .id = "fx.block_displace",
        .version = 1,
        .name = "Block Displace",
        .category = "fx",
        .help =
            "Random square blocks show the picture from an offset position, new blocks every frame",
        .params =
            {
                ParamSpec::number("block_size", "Block size", 1, 512, 24, "px",
                                  "Side of the square blocks"),
                ParamSpec::number("max_offset", "Max offset", 0, 2000, 60, "px",
                                  "Largest distance a block's content comes from, on each axis"),
                ParamSpec::number("probability", "Probability", 0, 1, 0.08, "",
                                  "Chance that a block is displaced on a frame"),
                ParamSpec::toggle("snap", "Snap to grid", false,
                                  "Offsets in whole blocks, like misplaced codec macroblocks"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
