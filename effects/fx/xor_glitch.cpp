// fx.xor_glitch — bitwise corruption: in a seeded choice of blocks, the bits of
// each colour channel are XORed, ANDed or ORed with an operand (a fixed value,
// seeded random bytes per block, the x^y "munching squares" pattern, or the
// pixel's shifted neighbour), limited to a bit mask. High bits give hard
// posterised colour flips, low bits a fine digital fizz. Blocks draw from a
// hash of (seed, block column, block row), so any row split gives the same
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

enum Op { Xor = 0, And = 1, Or = 2 };
enum Operand { Value = 0, Seeded = 1, Pattern = 2, Neighbour = 3 };

struct Block {
    bool hit;
    std::uint8_t random[3]; // the seeded operand, one byte per channel
};

// Only the bits in `mask` may change: out = (v & ~mask) | (op(v, o) & mask).
inline std::uint8_t apply(int op, std::uint8_t v, std::uint8_t o, std::uint8_t mask) {
    const int r = op == Xor ? (v ^ o) : (op == And ? (v & o) : (v | o));
    return static_cast<std::uint8_t>((v & ~mask) | (r & mask));
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const double scale = ctx.renderScale;
    const int op = p.choice("op");
    const int operand = p.choice("operand");
    const auto value = static_cast<std::uint8_t>(p.integer("value"));
    const auto mask = static_cast<std::uint8_t>(p.integer("bit_mask"));
    const auto threshold =
        static_cast<std::uint64_t>(std::lround(p.number("coverage") * 16777216.0));
    const int block = std::max(1, static_cast<int>(std::lround(p.number("block") * scale)));
    // Reduced once, so the neighbour lookup needs no modulo of a negative value.
    const int sx = wrapIndex(static_cast<int>(std::lround(p.number("shift_x") * scale)), w);
    const int sy = wrapIndex(static_cast<int>(std::lround(p.number("shift_y") * scale)), h);
    const int channel = p.choice("channels"); // 0 = R, G and B; 1..3 = one of them
    const int c0 = channel == 0 ? 0 : channel - 1, c1 = channel == 0 ? 3 : channel;
    // The pattern counts pixels of the full-size frame, so it keeps its size
    // when playback renders smaller.
    const double patternStep = 1.0 / std::max(scale, 1e-6);
    const int cols = (w + block - 1) / block;
    const std::uint64_t seed = mix64(ctx.seed ^ 0x786f725f626c6b73ULL); // "xor_blks"

    ctx.rows->run(h, [&](int begin, int end) {
        std::vector<Block> blocks(static_cast<std::size_t>(cols));
        int cachedRow = -1;
        for (int y = begin; y < end; ++y) {
            const int by = y / block;
            if (by != cachedRow) {
                for (int bx = 0; bx < cols; ++bx) {
                    const std::uint64_t r = cellHash(seed, bx, by);
                    Block& b = blocks[static_cast<std::size_t>(bx)];
                    b.hit = (r & 0xffffff) < threshold;
                    for (int c = 0; c < 3; ++c)
                        b.random[c] = static_cast<std::uint8_t>(r >> (24 + 8 * c));
                }
                cachedRow = by;
            }
            const std::uint8_t* s = in.row(y);
            const std::uint8_t* neighbour = in.row(wrapIndex(y - sy, h));
            std::uint8_t* d = out.row(y);
            std::memcpy(d, s, static_cast<std::size_t>(w) * 4);
            const auto py = static_cast<unsigned>(std::floor(y * patternStep));
            for (int bx = 0; bx < cols; ++bx) {
                const Block& b = blocks[static_cast<std::size_t>(bx)];
                if (!b.hit) continue;
                for (int x = bx * block, x1 = std::min(w, x + block); x < x1; ++x) {
                    std::uint8_t* px = d + 4 * x;
                    const std::uint8_t* nb = neighbour + 4 * (x >= sx ? x - sx : x - sx + w);
                    const auto pattern = static_cast<std::uint8_t>(
                        static_cast<unsigned>(std::floor(x * patternStep)) ^ py);
                    for (int c = c0; c < c1; ++c) {
                        const std::uint8_t o = operand == Value     ? value
                                               : operand == Seeded  ? b.random[c]
                                               : operand == Pattern ? pattern
                                                                    : nb[c];
                        px[c] = apply(op, px[c], o, mask);
                    }
                }
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxXorGlitch() {
    static const EffectDescriptor d{
        .id = "fx.xor_glitch",
        .version = 1,
        .name = "XOR Glitch",
        .category = "fx",
        .help = "Bitwise corruption: random blocks have their bits XORed, ANDed or ORed with a "
                "value, noise, a pattern or a neighbour",
        .params =
            {
                ParamSpec::choice("op", "Operation", {"XOR", "AND", "OR"}, 0,
                                  "XOR flips bits, AND clears them, OR sets them"),
                ParamSpec::choice("operand", "Operand",
                                  {"Value", "Seeded noise", "XY pattern", "Neighbour"}, 1,
                                  "What the pixel is combined with: the value, random bytes per "
                                  "block, x XOR y, or the pixel at the shift"),
                ParamSpec::integer("value", "Value", 0, 255, 165, "",
                                   "The operand in Value mode (0–255)")
                    .when("operand", {"Value"}),
                ParamSpec::integer("bit_mask", "Bit mask", 0, 255, 224, "",
                                   "Bits that may change (224 = the top three: hard flips; "
                                   "15 = the low four: fizz)"),
                ParamSpec::number("coverage", "Coverage", 0, 1, 0.15, "",
                                  "Share of blocks that are corrupted on a frame (1 = all)"),
                ParamSpec::number("block", "Block size", 1, 512, 24, "px",
                                  "Side of the square blocks chosen for corruption"),
                ParamSpec::number("shift_x", "Neighbour X", -256, 256, 3, "px",
                                  "Neighbour mode: horizontal distance to the neighbour (wraps)")
                    .when("operand", {"Neighbour"}),
                ParamSpec::number("shift_y", "Neighbour Y", -256, 256, 0, "px",
                                  "Neighbour mode: vertical distance to the neighbour (wraps)")
                    .when("operand", {"Neighbour"}),
                ParamSpec::choice("channels", "Channels", {"RGB", "Red", "Green", "Blue"}, 0,
                                  "Channels that are corrupted (alpha never is)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
