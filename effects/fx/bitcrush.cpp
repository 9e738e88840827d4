// fx.bitcrush — low-fi digital: the picture is cut into square blocks (each the
// average of its pixels, blocks aligned to the top-left corner) and every colour
// channel keeps only its top `bits` bits, re-expanded so full intensity stays
// full. Work is split by rows of blocks, so the split never shows.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/builtin.h"
#include "core/lut.h"

namespace entropic::fx {

namespace {

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int bits = p.integer("bits");
    const int top = (1 << bits) - 1;
    Lut crush{};
    for (int v = 0; v < 256; ++v)
        crush[static_cast<std::size_t>(v)] =
            static_cast<std::uint8_t>(((v >> (8 - bits)) * 255 + top / 2) / top);

    const int w = in.width, h = in.height;
    const int block =
        std::max(1, static_cast<int>(std::lround(p.number("block") * ctx.renderScale)));
    if (block == 1) {
        applyLuts(in, out, crush, crush, crush, identityLut(), *ctx.rows);
        return;
    }
    const int blockRows = (h + block - 1) / block, blockCols = (w + block - 1) / block;
    ctx.rows->run(blockRows, [&](int begin, int end) {
        std::vector<std::uint32_t> sum(static_cast<std::size_t>(blockCols) * 3);
        for (int by = begin; by < end; ++by) {
            const int y0 = by * block, y1 = std::min(h, y0 + block);
            std::fill(sum.begin(), sum.end(), 0u);
            for (int y = y0; y < y1; ++y) {
                const std::uint8_t* s = in.row(y);
                for (int bx = 0; bx < blockCols; ++bx) {
                    std::uint32_t* a = &sum[3 * static_cast<std::size_t>(bx)];
                    std::uint32_t r = 0, g = 0, b = 0;
                    for (int x = bx * block, x1 = std::min(w, x + block); x < x1; ++x, s += 4)
                        r += s[0], g += s[1], b += s[2];
                    a[0] += r, a[1] += g, a[2] += b;
                }
            }
            // Average of each block (rounded), crushed: one colour per block.
            for (int bx = 0; bx < blockCols; ++bx) {
                const std::uint32_t n = static_cast<std::uint32_t>(
                    (std::min(w, (bx + 1) * block) - bx * block) * (y1 - y0));
                std::uint32_t* a = &sum[3 * static_cast<std::size_t>(bx)];
                for (int c = 0; c < 3; ++c)
                    a[c] = crush[(a[c] + n / 2) / n];
            }
            for (int y = y0; y < y1; ++y) {
                const std::uint8_t* s = in.row(y);
                std::uint8_t* d = out.row(y);
                for (int bx = 0; bx < blockCols; ++bx) {
                    const std::uint32_t* a = &sum[3 * static_cast<std::size_t>(bx)];
                    for (int x = bx * block, x1 = std::min(w, x + block); x < x1;
                         ++x, s += 4, d += 4) {
                        d[0] = static_cast<std::uint8_t>(a[0]);
                        d[1] = static_cast<std::uint8_t>(a[1]);
                        d[2] = static_cast<std::uint8_t>(a[2]);
                        d[3] = s[3];
                    }
                }
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxBitcrush() {
    static const EffectDescriptor d{
        .id = "fx.bitcrush",
        .version = 1,
        .name = "Bitcrush",
        .category = "fx",
        .help = "Fewer bits per channel and bigger pixels: early digital video",
        .params =
            {
                ParamSpec::integer("bits", "Bit depth", 1, 8, 3, "bits",
                                   "Bits kept per colour channel (8 = unchanged)"),
                ParamSpec::number(
                    "block", "Pixel size", 1, 64, 4, "px",
                    "Side of the square blocks the picture is averaged into (1 = no pixelation)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
