// fx.contours — a topographic map of the picture: brightness is read as
// altitude, smoothed, cut into N equal bands, and a line is drawn wherever
// the band changes between neighbouring pixels (iso-luminance contours).
// Bands can keep the picture, or be filled flat: plain paper, grey steps or
// a map's hypsometric tints (green lowlands to white peaks).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/box_blur.h"
#include "core/builtin.h"
#include "core/pixel.h"

namespace entropic::fx {

namespace {

enum Fill { Picture = 0, Paper = 1, GreySteps = 2, MapTints = 3 };
enum LineSource { LineColour = 0, PictureColour = 1 };

using Rgb = std::array<int, 3>;
using Rgb8 = std::array<std::uint8_t, 3>;

// Hypsometric tints, low to high: lowland green, upland yellow, brown hills,
// grey rock, snow.
constexpr std::array<Rgb, 6> kTints{{{58, 110, 70},
                                     {122, 168, 96},
                                     {220, 208, 140},
                                     {178, 128, 78},
                                     {170, 162, 158},
                                     {248, 248, 246}}};

Rgb tint(double t) {
    const double at = t * (kTints.size() - 1);
    const auto i = std::min(kTints.size() - 2, static_cast<std::size_t>(at));
    const double f = at - static_cast<double>(i);
    Rgb c{};
    for (std::size_t k = 0; k < 3; ++k)
        c[k] = static_cast<int>(std::lround(kTints[i][k] + (kTints[i + 1][k] - kTints[i][k]) * f));
    return c;
}

// a[i] = min(a[i], b[i]) and c[i] = max(c[i], d[i]) over n bytes, sixteen at a time.
typedef std::uint8_t U8x16 __attribute__((vector_size(16)));

void minMaxInto(std::uint8_t* a, const std::uint8_t* b, std::uint8_t* c, const std::uint8_t* d,
                std::size_t n) {
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        U8x16 va, vb, vc, vd;
        std::memcpy(&va, a + i, 16), std::memcpy(&vb, b + i, 16);
        std::memcpy(&vc, c + i, 16), std::memcpy(&vd, d + i, 16);
        va = vb < va ? vb : va;
        vc = vd > vc ? vd : vc;
        std::memcpy(a + i, &va, 16), std::memcpy(c + i, &vc, 16);
    }
    for (; i < n; ++i)
        a[i] = std::min(a[i], b[i]), c[i] = std::max(c[i], d[i]);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const int levels = p.integer("levels");
    const double sigma = p.number("smoothing") * ctx.renderScale;
    const int width =
        std::max(1, static_cast<int>(std::lround(p.number("line_width") * ctx.renderScale)));
    // A pixel is on a line when the band changes anywhere in the window
    // [−lo, hi] around it: width + 1 pixels across, so a boundary between two
    // pixels becomes a line `width` pixels thick.
    const int lo = width / 2, hi = width - lo;
    const int fill = p.choice("fill");
    const bool sourceLines = p.choice("line_source") == PictureColour;
    const Rgb line = rgbBytes(p.color("line_color"));
    const std::uint8_t line8[3] = {static_cast<std::uint8_t>(line[0]),
                                   static_cast<std::uint8_t>(line[1]),
                                   static_cast<std::uint8_t>(line[2])};
    const Rgb paper = rgbBytes(p.color("paper"));

    std::vector<Rgb8> bandColour(static_cast<std::size_t>(levels));
    for (int b = 0; b < levels; ++b) {
        const double t = static_cast<double>(b) / (levels - 1);
        const int g = static_cast<int>(std::lround(255 * t));
        const Rgb c = fill == GreySteps ? Rgb{g, g, g} : (fill == MapTints ? tint(t) : paper);
        bandColour[static_cast<std::size_t>(b)] = {static_cast<std::uint8_t>(c[0]),
                                                   static_cast<std::uint8_t>(c[1]),
                                                   static_cast<std::uint8_t>(c[2])};
    }

    // Smoothed luma, 1/256 of a level (0..65280), four columns per element.
    const std::vector<U16x4> luma =
        blurLuma(in, sigma > 0 ? gaussianPasses(sigma) : std::vector<BoxPass>{}, *ctx.rows);
    const auto groups = static_cast<std::size_t>((w + 3) / 4);
    std::vector<std::uint8_t> bandOf(65281);
    for (int v = 0; v <= 65280; ++v)
        bandOf[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(v * levels / 65281);

    ctx.rows->run(h, [&](int begin, int end) {
        // Rows y − lo .. y + hi (inside the frame) in a ring: each row's bands
        // and their minimum and maximum over the horizontal window.
        const int window = width + 1;
        const auto n = static_cast<std::size_t>(w);
        std::vector<std::uint8_t> bands(n * static_cast<std::size_t>(window)), rowMin(bands.size()),
            rowMax(bands.size()), mn(n), mx(n), padded(n + static_cast<std::size_t>(width));
        const auto slot = [&](int y) { return static_cast<std::size_t>(y % window) * n; };
        int filled = std::max(0, begin - lo) - 1;
        for (int y = begin; y < end; ++y) {
            for (; filled < std::min(h - 1, y + hi); ++filled) {
                const int row = filled + 1;
                // Bands with the edge values repeated lo to the left and hi
                // to the right: window x is padded[x .. x + width].
                std::uint8_t* b = padded.data() + lo;
                const U16x4* l = &luma[static_cast<std::size_t>(row) * groups];
                for (std::size_t x = 0; x < n; ++x)
                    b[x] = bandOf[l[x / 4][x % 4]];
                std::fill_n(padded.data(), lo, b[0]);
                std::fill_n(b + n, hi, b[n - 1]);
                std::copy_n(b, n, &bands[slot(row)]);
                std::uint8_t* low = &rowMin[slot(row)];
                std::uint8_t* high = &rowMax[slot(row)];
                std::copy_n(padded.data(), n, low);
                std::copy_n(padded.data(), n, high);
                for (int i = 1; i <= width; ++i)
                    minMaxInto(low, padded.data() + i, high, padded.data() + i, n);
            }
            const int y0 = std::max(0, y - lo), y1 = std::min(h - 1, y + hi);
            std::copy_n(&rowMin[slot(y0)], n, mn.begin());
            std::copy_n(&rowMax[slot(y0)], n, mx.begin());
            for (int j = y0 + 1; j <= y1; ++j)
                minMaxInto(mn.data(), &rowMin[slot(j)], mx.data(), &rowMax[slot(j)], n);
            // The fill everywhere, then the lines over it.
            const std::uint8_t* b = &bands[slot(y)];
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            if (fill == Picture) {
                std::memcpy(d, s, 4 * n);
            } else {
                for (std::size_t x = 0; x < n; ++x) {
                    const std::uint8_t* c = bandColour[b[x]].data();
                    d[4 * x] = c[0], d[4 * x + 1] = c[1], d[4 * x + 2] = c[2],
                          d[4 * x + 3] = s[4 * x + 3];
                }
            }
            for (std::size_t x = 0; x < n; ++x)
                if (mn[x] != mx[x]) {
                    const std::uint8_t* c = sourceLines ? s + 4 * x : line8;
                    d[4 * x] = c[0], d[4 * x + 1] = c[1], d[4 * x + 2] = c[2];
                }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxContours() {
    static const EffectDescriptor d{
        .id = "fx.contours",
        .version = 1,
        .name = "Contours",
        .category = "fx",
        .help = "Topographic map: lines of equal brightness, over the picture or over flat bands",
        .params =
            {
                ParamSpec::integer("levels", "Levels", 2, 64, 10, "",
                                   "Number of brightness bands (lines between them)"),
                ParamSpec::number("smoothing", "Smoothing", 0, 50, 3, "px",
                                  "Blur of the brightness before banding (fewer, rounder lines)"),
                ParamSpec::number("line_width", "Line width", 1, 20, 1, "px",
                                  "Thickness of the contour lines"),
                ParamSpec::choice("line_source", "Line colour from", {"Line colour", "Picture"}, 0,
                                  "Lines in one colour, or in the picture's own colours"),
                ParamSpec::color("line_color", "Line colour", {0.08, 0.06, 0.05, 1.0},
                                 "Colour of the lines")
                    .when("line_source", {"Line colour"}),
                ParamSpec::choice("fill", "Fill", {"Picture", "Paper", "Grey steps", "Map tints"},
                                  0,
                                  "Between the lines: the picture, the paper colour, one grey per "
                                  "band, or map colours from low to high"),
                ParamSpec::color("paper", "Paper colour", {0.96, 0.93, 0.85, 1.0},
                                 "Background of the paper fill")
                    .when("fill", {"Paper"}),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
