// fx.dither — few colours, the texture of old computers and print: ordered
// dithering (Bayer 2×2, 4×4, 8×8 threshold matrices) or error diffusion
// (Floyd–Steinberg, Atkinson, Sierra Lite) to a palette: evenly spaced levels
// per channel, 1-bit black and white, a handheld's four greens, a CGA
// palette or a 16-colour fantasy-console set. Optionally at a coarser pixel
// size (block means, dithered, drawn as blocks).
//
// Error diffusion runs down the frame, so it is split into bands of kBand
// rows fixed by the frame size alone; each band first diffuses over the
// kWarm rows above it (output discarded) so its first rows arrive with
// realistic error instead of a visible seam. Bands are independent, so any
// thread split gives the same bytes.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "core/builtin.h"
#include "core/luma.h"

namespace entropic::fx {

namespace {

enum Method { Bayer2 = 0, Bayer4, Bayer8, FloydSteinberg, Atkinson, SierraLite };
enum PaletteChoice { Levels = 0, Mono, Handheld, Cga, Console16 };
enum Kind { PerChannel, Tone, Nearest };

constexpr int kBand = 128; // error-diffusion band height, in (coarse) rows
constexpr int kWarm = 16;  // rows diffused above a band before its first row

using Rgb = std::array<std::uint8_t, 3>;

constexpr std::array<Rgb, 4> kHandheld{
    {{22, 46, 26}, {58, 96, 50}, {126, 160, 60}, {196, 216, 122}}};
constexpr std::array<Rgb, 4> kCga{{{0, 0, 0}, {85, 255, 255}, {255, 85, 255}, {255, 255, 255}}};
constexpr std::array<Rgb, 16> kConsole16{{{0, 0, 0},
                                          {30, 36, 82},
                                          {120, 38, 84},
                                          {0, 128, 72},
                                          {164, 84, 52},
                                          {94, 86, 78},
                                          {192, 194, 198},
                                          {255, 242, 230},
                                          {255, 8, 76},
                                          {255, 160, 0},
                                          {255, 234, 40},
                                          {0, 224, 60},
                                          {40, 170, 255},
                                          {130, 118, 156},
                                          {255, 120, 170},
                                          {255, 204, 170}}};

// How values become palette colours. PerChannel and Tone work on one
// evenly spaced scale (each channel, or luma mapped to tone colours); Nearest
// picks the closest palette colour through a 32×32×32 table.
struct Palette {
    Kind kind = PerChannel;
    std::array<std::uint8_t, 256> value{}; // PerChannel, Tone: nearest level
    std::array<std::uint8_t, 256> index{}; // Tone: which tone
    std::vector<Rgb> colours;              // Tone, Nearest
    std::vector<std::uint8_t> nearest;     // Nearest: index by 5 bits a channel
    double spread = 255;                   // distance between neighbouring colours
};

Palette makePalette(int choice, int levels) {
    Palette pal;
    const auto scale = [&](int steps) {
        for (int v = 0; v < 256; ++v) {
            const int q = (v * steps + 127) / 255;
            pal.index[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(q);
            pal.value[static_cast<std::size_t>(v)] =
                static_cast<std::uint8_t>((q * 255 + steps / 2) / steps);
        }
        pal.spread = 255.0 / steps;
    };
    if (choice == Levels) {
        scale(levels - 1);
    } else if (choice == Mono || choice == Handheld) {
        pal.kind = Tone;
        if (choice == Mono)
            pal.colours = {{0, 0, 0}, {255, 255, 255}};
        else
            pal.colours.assign(kHandheld.begin(), kHandheld.end());
        scale(static_cast<int>(pal.colours.size()) - 1);
    } else {
        pal.kind = Nearest;
        if (choice == Cga)
            pal.colours.assign(kCga.begin(), kCga.end()), pal.spread = 160;
        else
            pal.colours.assign(kConsole16.begin(), kConsole16.end()), pal.spread = 72;
        // Weighted RGB distance (2, 4, 3): closer to what the eye calls near
        // than plain RGB, at no cost.
        pal.nearest.resize(32 * 32 * 32);
        for (int i = 0; i < 32 * 32 * 32; ++i) {
            const int r = ((i >> 10) << 3) + 4, g = (((i >> 5) & 31) << 3) + 4,
                      b = ((i & 31) << 3) + 4;
            int best = 0, bestD = 1 << 30;
            for (std::size_t k = 0; k < pal.colours.size(); ++k) {
                const int dr = r - pal.colours[k][0], dg = g - pal.colours[k][1],
                          db = b - pal.colours[k][2];
                const int dist = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
                if (dist < bestD) bestD = dist, best = static_cast<int>(k);
            }
            pal.nearest[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(best);
        }
    }
    return pal;
}

inline int luma(const std::uint8_t* p) {
    return lumaByte(p[0], p[1], p[2]);
}

// The output colour of working values (each 0..255; luma alone for tones).
template <Kind K> inline void paint(const Palette& pal, int v0, int v1, int v2, std::uint8_t* d) {
    const auto at = [](int i) { return static_cast<std::size_t>(i); };
    if constexpr (K == PerChannel) {
        d[0] = pal.value[at(v0)], d[1] = pal.value[at(v1)], d[2] = pal.value[at(v2)];
    } else {
        const Rgb& col =
            K == Tone
                ? pal.colours[pal.index[at(v0)]]
                : pal.colours[pal.nearest[at(((v0 >> 3) << 10) | ((v1 >> 3) << 5) | (v2 >> 3))]];
        d[0] = col[0], d[1] = col[1], d[2] = col[2];
    }
}

// Threshold offsets of an n×n Bayer matrix, centred on zero:
// ((M + ½) / n² − ½) · amplitude, rounded.
std::vector<int> bayerOffsets(int n, double amplitude) {
    std::vector<int> m{0};
    for (int size = 1; size < n; size *= 2) { // M(2s) = [4M, 4M+2; 4M+3, 4M+1]
        std::vector<int> next(static_cast<std::size_t>(4 * size * size));
        const auto at = [&](int y, int x) { return static_cast<std::size_t>(y * 2 * size + x); };
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                const int v = 4 * m[static_cast<std::size_t>(y * size + x)];
                next[at(y, x)] = v, next[at(y, x + size)] = v + 2;
                next[at(y + size, x)] = v + 3, next[at(y + size, x + size)] = v + 1;
            }
        m = std::move(next);
    }
    std::vector<int> offsets(m.size());
    for (std::size_t i = 0; i < m.size(); ++i)
        offsets[i] = static_cast<int>(std::lround(((m[i] + 0.5) / (n * n) - 0.5) * amplitude));
    return offsets;
}

template <Kind K>
void ordered(ConstFrameView src, FrameView dst, const Palette& pal, int n, double strength,
             const RowRunner& rows) {
    const std::vector<int> offsets = bayerOffsets(n, pal.spread * strength);
    rows.run(src.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = src.row(y);
            std::uint8_t* d = dst.row(y);
            const int* row = &offsets[static_cast<std::size_t>((y & (n - 1)) * n)];
            for (int x = 0; x < src.width; ++x, s += 4, d += 4) {
                const int t = row[x & (n - 1)];
                const auto nudge = [t](int v) { return std::clamp(v + t, 0, 255); };
                if constexpr (K == Tone)
                    paint<K>(pal, nudge(luma(s)), 0, 0, d);
                else
                    paint<K>(pal, nudge(s[0]), nudge(s[1]), nudge(s[2]), d);
                d[3] = s[3];
            }
        }
    });
}

struct Tap {
    int dx, dy, weight;
};
// Weights over 2^shift. Atkinson spreads only 6/8 of the error: highlights and
// shadows clip to clean white and black, the early Macintosh look.
constexpr std::array<Tap, 4> kFloydSteinberg{{{1, 0, 7}, {-1, 1, 3}, {0, 1, 5}, {1, 1, 1}}};
constexpr std::array<Tap, 6> kAtkinson{
    {{1, 0, 1}, {2, 0, 1}, {-1, 1, 1}, {0, 1, 1}, {1, 1, 1}, {0, 2, 1}}};
constexpr std::array<Tap, 3> kSierraLite{{{1, 0, 2}, {-1, 1, 1}, {0, 1, 1}}};

// A pixel's working value plus the error it receives stays within
// [−kReach, 255 + kReach]: errors are at most 255 × 1.5 and a pixel receives
// at most the whole of one (its kernel weights sum to at most 1).
constexpr int kReach = 384;
constexpr int kSpan = 256 + 2 * kReach;

// f(0), f(1), … f(N − 1) with compile-time indices: loops over channels and
// kernel taps written out, so their values live in registers.
template <std::size_t N, class F> inline void unrolled(F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (f(std::integral_constant<std::size_t, I>{}), ...);
    }
    (std::make_index_sequence<N>{});
}

// Error diffusion, scalar per channel: the path from one pixel to the next
// (add the error, clamp, quantise, spread) is the cost, so clamping,
// quantising and the strength are folded into tables indexed by the
// unclamped working value, and the error for the next pixel along the row
// stays in registers.
template <Kind K, const auto& Taps, int Shift>
void diffuse(ConstFrameView src, FrameView dst, const Palette& pal, double strength,
             bool serpentine, const RowRunner& rows) {
    constexpr int C = K == Tone ? 1 : 3;
    static_assert(Taps[0].dx == 1 && Taps[0].dy == 0, "the next pixel's share comes first");
    const int w = src.width, h = src.height;
    const int gain = static_cast<int>(std::lround(strength * 256)); // error kept, of 256
    const auto kept = [&](int error) { return (error * gain + 128) >> 8; };
    // Per working value + kReach: clamped, its level (the output byte, or
    // the tone), and the error it leaves behind.
    std::vector<std::uint8_t> clamped(kSpan), level(kSpan);
    std::vector<int> leftover(kSpan), keptOf(511); // keptOf[e + 255] for colour palettes
    for (std::size_t i = 0; i < kSpan; ++i) {
        const auto v = static_cast<std::size_t>(std::clamp(static_cast<int>(i) - kReach, 0, 255));
        clamped[i] = static_cast<std::uint8_t>(v);
        level[i] = K == Tone ? pal.index[v] : pal.value[v];
        leftover[i] = kept(static_cast<int>(v) - pal.value[v]);
    }
    for (int e = -255; e <= 255; ++e)
        keptOf[static_cast<std::size_t>(e + 255)] = kept(e);

    const int bands = (h + kBand - 1) / kBand;
    rows.run(bands, [&](int begin, int end) {
        // Three rows of accumulated weighted error (this row and two below),
        // two guard columns each side, channels interleaved.
        const auto pitch = static_cast<std::size_t>(w + 4) * C;
        std::vector<int> err(3 * pitch);
        for (int b = begin; b < end; ++b) {
            std::fill(err.begin(), err.end(), 0);
            const int first = b * kBand, last = std::min(h, first + kBand);
            for (int y = std::max(0, first - kWarm); y < last; ++y) {
                int* const ahead[3] = {&err[static_cast<std::size_t>(y % 3) * pitch + 2 * C],
                                       &err[static_cast<std::size_t>((y + 1) % 3) * pitch + 2 * C],
                                       &err[static_cast<std::size_t>((y + 2) % 3) * pitch + 2 * C]};
                // Alternate directions by the row's absolute parity, so warm-up
                // rows run exactly as they would in the band above.
                const bool reverse = serpentine && (y & 1);
                const int step = reverse ? -1 : 1;
                const std::uint8_t* s = src.row(y);
                std::uint8_t* d = dst.row(y);
                std::uint8_t scratch[4];
                int next[C] = {}; // the error for the next pixel along the row
                for (int i = 0; i < w; ++i) {
                    const int x = reverse ? w - 1 - i : i;
                    const std::uint8_t* p = s + 4 * x;
                    const int* e = ahead[0] + x * C;
                    int v[C];
                    if constexpr (K == Tone)
                        v[0] = luma(p);
                    else
                        v[0] = p[0], v[1] = p[1], v[2] = p[2];
                    unrolled<C>([&](auto c) {
                        v[c] += kReach + ((e[c] + next[c] + (1 << (Shift - 1))) >> Shift);
                    });
                    std::uint8_t out[3];
                    int error[C];
                    if constexpr (K == PerChannel) {
                        unrolled<3>([&](auto c) {
                            out[c] = level[static_cast<std::size_t>(v[c])];
                            error[c] = leftover[static_cast<std::size_t>(v[c])];
                        });
                    } else if constexpr (K == Tone) {
                        const Rgb& col = pal.colours[level[static_cast<std::size_t>(v[0])]];
                        out[0] = col[0], out[1] = col[1], out[2] = col[2];
                        error[0] = leftover[static_cast<std::size_t>(v[0])];
                    } else {
                        int ch[3];
                        unrolled<3>(
                            [&](auto c) { ch[c] = clamped[static_cast<std::size_t>(v[c])]; });
                        const Rgb& col = pal.colours[pal.nearest[static_cast<std::size_t>(
                            ((ch[0] >> 3) << 10) | ((ch[1] >> 3) << 5) | (ch[2] >> 3))]];
                        unrolled<3>([&](auto c) {
                            out[c] = col[c];
                            error[c] = keptOf[static_cast<std::size_t>(ch[c] - col[c] + 255)];
                        });
                    }
                    std::uint8_t* o = y >= first ? d + 4 * x : scratch;
                    o[0] = out[0], o[1] = out[1], o[2] = out[2], o[3] = p[3];
                    unrolled<Taps.size()>([&](auto k) {
                        constexpr Tap t = Taps[k];
                        if constexpr (t.dy == 0 && t.dx == 1) {
                            unrolled<C>([&](auto c) { next[c] = t.weight * error[c]; });
                        } else {
                            int* target = ahead[t.dy] + (x + step * t.dx) * C;
                            unrolled<C>([&](auto c) { target[c] += t.weight * error[c]; });
                        }
                    });
                }
                // This row's slot next holds row y + 3 (error pushed off either
                // end of the row, into the guard columns, is dropped with it).
                std::fill_n(ahead[0] - 2 * C, pitch, 0);
            }
        }
    });
}

template <Kind K>
void dither(ConstFrameView src, FrameView dst, const Palette& pal, int method, double strength,
            bool serpentine, const RowRunner& rows) {
    if (method == FloydSteinberg)
        diffuse<K, kFloydSteinberg, 4>(src, dst, pal, strength, serpentine, rows);
    else if (method == Atkinson)
        diffuse<K, kAtkinson, 3>(src, dst, pal, strength, serpentine, rows);
    else if (method == SierraLite)
        diffuse<K, kSierraLite, 2>(src, dst, pal, strength, serpentine, rows);
    else
        ordered<K>(src, dst, pal, 2 << method, strength, rows);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const int method = p.choice("method");
    const Palette pal = makePalette(p.choice("palette"), p.integer("levels"));
    const double strength = p.number("strength");
    const int block =
        std::max(1, static_cast<int>(std::lround(p.number("pixel_size") * ctx.renderScale)));

    // At a coarser pixel size: dither the block means, then draw the blocks.
    Frame small, result;
    ConstFrameView src = in;
    FrameView dst = out;
    if (block > 1) {
        const int cw = (w + block - 1) / block, ch = (h + block - 1) / block;
        small = Frame(cw, ch);
        result = Frame(cw, ch);
        ctx.rows->run(ch, [&](int begin, int end) {
            std::vector<std::uint32_t> sum(static_cast<std::size_t>(cw) * 3);
            for (int by = begin; by < end; ++by) {
                std::fill(sum.begin(), sum.end(), 0u);
                const int y0 = by * block, y1 = std::min(h, y0 + block);
                for (int y = y0; y < y1; ++y) {
                    const std::uint8_t* s = in.row(y);
                    for (int bx = 0; bx < cw; ++bx) {
                        std::uint32_t r = 0, g = 0, b = 0;
                        for (int x = bx * block, x1 = std::min(w, x + block); x < x1; ++x, s += 4)
                            r += s[0], g += s[1], b += s[2];
                        std::uint32_t* a = &sum[static_cast<std::size_t>(bx) * 3];
                        a[0] += r, a[1] += g, a[2] += b;
                    }
                }
                // Means as sum · round(2^32 / n) / 2^32, rounded: one division
                // per block size instead of three per block.
                const auto reciprocal = [](std::uint64_t n) {
                    return ((std::uint64_t{1} << 32) + n / 2) / n;
                };
                const std::uint64_t inner =
                    reciprocal(static_cast<std::uint64_t>(block * (y1 - y0)));
                std::uint8_t* d = small.view().row(by);
                for (int bx = 0; bx < cw; ++bx, d += 4) {
                    const int bw = std::min(w, (bx + 1) * block) - bx * block;
                    const std::uint64_t k =
                        bw == block ? inner
                                    : reciprocal(static_cast<std::uint64_t>(bw * (y1 - y0)));
                    const std::uint32_t* a = &sum[static_cast<std::size_t>(bx) * 3];
                    for (int c = 0; c < 3; ++c)
                        d[c] =
                            static_cast<std::uint8_t>((a[c] * k + (std::uint64_t{1} << 31)) >> 32);
                    d[3] = 255;
                }
            }
        });
        src = small.view();
        dst = result.view();
    }

    const bool serpentine = p.flag("serpentine");
    if (pal.kind == PerChannel)
        dither<PerChannel>(src, dst, pal, method, strength, serpentine, *ctx.rows);
    else if (pal.kind == Tone)
        dither<Tone>(src, dst, pal, method, strength, serpentine, *ctx.rows);
    else
        dither<Nearest>(src, dst, pal, method, strength, serpentine, *ctx.rows);

    if (block > 1) {
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                const std::uint8_t* r = dst.row(y / block);
                const std::uint8_t* s = in.row(y);
                std::uint8_t* d = out.row(y);
                for (int x0 = 0; x0 < w; x0 += block, r += 4)
                    for (int x = x0, x1 = std::min(w, x0 + block); x < x1; ++x, s += 4, d += 4) {
                        std::memcpy(d, r, 4);
                        d[3] = s[3];
                    }
            }
        });
    }
}

} // namespace

namespace builtin {
const EffectDescriptor& fxDither() {
    static const EffectDescriptor d{
        .id = "fx.dither",
        .version = 1,
        .name = "Dither",
        .category = "fx",
        .help = "Ordered or error-diffusion dithering to a few levels or a retro palette",
        .params =
            {
                ParamSpec::choice("method", "Method",
                                  {"Bayer 2×2", "Bayer 4×4", "Bayer 8×8", "Floyd–Steinberg",
                                   "Atkinson", "Sierra Lite"},
                                  1,
                                  "Threshold pattern (Bayer: regular cross-hatch) or error "
                                  "diffusion (organic grain)"),
                ParamSpec::choice("palette", "Palette",
                                  {"Levels per channel", "1-bit mono", "Handheld 4 greens", "CGA",
                                   "16-colour console"},
                                  0, "Colours the picture is reduced to"),
                ParamSpec::integer("levels", "Levels", 2, 16, 3, "",
                                   "Levels per channel for the levels palette (2 = 8 colours)")
                    .when("palette", {"Levels per channel"}),
                ParamSpec::number("pixel_size", "Pixel size", 1, 32, 2, "px",
                                  "Dither at this coarser pixel size (1 = every pixel)"),
                ParamSpec::number("strength", "Strength", 0, 1.5, 1, "",
                                  "Pattern amplitude or share of the error diffused (0 = plain "
                                  "quantisation)"),
                ParamSpec::toggle("serpentine", "Serpentine", true,
                                  "Error diffusion alternates direction every row (fewer "
                                  "diagonal worms)")
                    .when("method", {"Floyd–Steinberg", "Atkinson", "Sierra Lite"}),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
