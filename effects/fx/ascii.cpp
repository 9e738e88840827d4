// fx.ascii — ASCII art: the frame is cut into character cells and each cell
// becomes the glyph of a ramp (characters ordered by how much ink they hold)
// picked by the cell's mean brightness, drawn from the bitmap font in
// ascii_font.h in one colour on a background, or in the cell's own colour.
// Glyphs are resampled by pixel coverage, so they are crisp at whole
// multiples of the 6×8 font cell and evenly weighted in between. Work is split
// by rows of cells.
#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/pixel.h"
#include "fx/ascii_font.h"

namespace entropic::fx {

namespace {

enum Mode { PictureColours = 0, Mono = 1 };

// Ramps from empty to dense; each is checked below to hold non-decreasing ink.
constexpr std::array<std::string_view, 5> kRamps{
    " .-:=+*%#@",                           // classic
    " `'.,-~!;:irvx=lc1+*oXae%&O8$WNM0B#@", // fine: every glyph of the font
    " .:oO@",                               // dots
    " 10",                                  // binary
    " irvxlcoXaeOWNMB",                     // letters
};

constexpr bool inkRises(std::string_view ramp) {
    for (std::size_t i = 1; i < ramp.size(); ++i)
        if (ascii::inkOf(ascii::glyphOf(ramp[i])) < ascii::inkOf(ascii::glyphOf(ramp[i - 1])))
            return false;
    return true;
}
static_assert(inkRises(kRamps[0]) && inkRises(kRamps[1]) && inkRises(kRamps[2]) &&
              inkRises(kRamps[3]) && inkRises(kRamps[4]));

// Length of [a0, a1) ∩ [b0, b1).
inline double overlap(double a0, double a1, double b0, double b1) {
    return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

// Ink coverage (0..256) of every pixel of a cw×ch cell for each glyph of the
// ramp: the area of the font's pixels under the output pixel, over its area.
std::vector<std::uint16_t> coverage(std::string_view ramp, int cw, int ch) {
    const double sx = static_cast<double>(ascii::kCellColumns) / cw;
    const double sy = static_cast<double>(ascii::kCellRows) / ch;
    const auto cells = static_cast<std::size_t>(cw) * static_cast<std::size_t>(ch);
    std::vector<std::uint16_t> cov(ramp.size() * cells);
    for (std::size_t g = 0; g < ramp.size(); ++g) {
        const ascii::Glyph& glyph = ascii::glyphOf(ramp[g]);
        for (int py = 0; py < ch; ++py)
            for (int px = 0; px < cw; ++px) {
                double ink = 0;
                for (int j = 0; j < ascii::kCellRows; ++j) {
                    const double oy = overlap(py * sy, (py + 1) * sy, j, j + 1);
                    if (oy == 0) continue;
                    for (int i = 0; i < ascii::kGlyphColumns; ++i)
                        if (glyph.rows[static_cast<std::size_t>(j)][i] == '#')
                            ink += oy * overlap(px * sx, (px + 1) * sx, i, i + 1);
                }
                cov[g * cells + static_cast<std::size_t>(py * cw + px)] =
                    static_cast<std::uint16_t>(std::lround(256.0 * ink / (sx * sy)));
            }
    }
    return cov;
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const double height = p.number("cell") * ctx.renderScale;
    const int ch = std::max(1, static_cast<int>(std::lround(height)));
    const int cw =
        std::max(1, static_cast<int>(std::lround(height * ascii::kCellColumns / ascii::kCellRows)));
    const std::string_view ramp = kRamps[static_cast<std::size_t>(p.choice("ramp"))];
    const int last = static_cast<int>(ramp.size()) - 1;
    const bool mono = p.choice("mode") == Mono;
    const bool invert = p.flag("invert");
    const std::array<int, 3> fore = rgbBytes(p.color("foreground"));
    const std::array<int, 3> back = rgbBytes(p.color("background"));
    const std::vector<std::uint16_t> cov = coverage(ramp, cw, ch);
    const auto cellPixels = static_cast<std::size_t>(cw) * static_cast<std::size_t>(ch);

    const int cols = (w + cw - 1) / cw, rows = (h + ch - 1) / ch;
    ctx.rows->run(rows, [&](int begin, int end) {
        const auto n = static_cast<std::size_t>(cols);
        std::vector<std::uint32_t> sum(n * 3);
        std::vector<const std::uint16_t*> glyph(n);
        std::vector<std::array<int, 3>> ink(n); // foreground − background
        const auto cellEnd = [&](std::size_t c) {
            return std::min(w, (static_cast<int>(c) + 1) * cw);
        };
        for (int cy = begin; cy < end; ++cy) {
            const int y0 = cy * ch, y1 = std::min(h, y0 + ch);
            std::fill(sum.begin(), sum.end(), 0u);
            for (int y = y0; y < y1; ++y) {
                const std::uint8_t* s = in.row(y);
                for (std::size_t c = 0; c < n; ++c) {
                    std::uint32_t r = 0, g = 0, b = 0;
                    for (int x = static_cast<int>(c) * cw, x1 = cellEnd(c); x < x1; ++x, s += 4)
                        r += s[0], g += s[1], b += s[2];
                    sum[3 * c] += r, sum[3 * c + 1] += g, sum[3 * c + 2] += b;
                }
            }
            for (std::size_t c = 0; c < n; ++c) {
                const auto count =
                    static_cast<std::uint32_t>((cellEnd(c) - static_cast<int>(c) * cw) * (y1 - y0));
                std::array<int, 3> mean{};
                for (std::size_t k = 0; k < 3; ++k)
                    mean[k] = static_cast<int>((sum[3 * c + k] + count / 2) / count);
                const int luma = lumaByte(mean[0], mean[1], mean[2]);
                const int index = (luma * last + 127) / 255;
                glyph[c] =
                    &cov[static_cast<std::size_t>(invert ? last - index : index) * cellPixels];
                for (std::size_t k = 0; k < 3; ++k)
                    ink[c][k] = (mono ? fore[k] : mean[k]) - back[k];
            }
            // back·(256 − k) + fore·k, as back·256 + (fore − back)·k.
            const int base[3] = {256 * back[0] + 128, 256 * back[1] + 128, 256 * back[2] + 128};
            for (int y = y0; y < y1; ++y) {
                const std::uint8_t* s = in.row(y);
                std::uint8_t* d = out.row(y);
                const auto rowInCell =
                    static_cast<std::size_t>(y - y0) * static_cast<std::size_t>(cw);
                for (std::size_t c = 0; c < n; ++c) {
                    const std::uint16_t* k = glyph[c] + rowInCell;
                    const int dr = ink[c][0], dg = ink[c][1], db = ink[c][2];
                    for (int x = static_cast<int>(c) * cw, x1 = cellEnd(c); x < x1;
                         ++x, ++k, s += 4, d += 4) {
                        d[0] = static_cast<std::uint8_t>((base[0] + dr * *k) >> 8);
                        d[1] = static_cast<std::uint8_t>((base[1] + dg * *k) >> 8);
                        d[2] = static_cast<std::uint8_t>((base[2] + db * *k) >> 8);
                        d[3] = s[3];
                    }
                }
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxAscii() {
    static const EffectDescriptor d{
        .id = "fx.ascii",
        .version = 1,
        .name = "ASCII",
        .category = "fx",
        .help = "ASCII art: character cells whose glyphs follow the brightness",
        .params =
            {
                ParamSpec::number("cell", "Cell size", 4, 64, 12, "px",
                                  "Height of a character cell (its width is three quarters of it)"),
                ParamSpec::choice("ramp", "Characters",
                                  {"Classic: .-:=+*%#@", "Fine: 36 characters", "Dots: .:oO@",
                                   "Binary: 10", "Letters: irvxlcoXaeOWNMB"},
                                  0, "Characters from dark to bright"),
                ParamSpec::choice("mode", "Colour", {"Picture colours", "Mono"}, 0,
                                  "Each character in its cell's mean colour, or in the foreground "
                                  "colour"),
                ParamSpec::color("foreground", "Foreground", {0.3, 1.0, 0.45, 1.0},
                                 "Character colour in mono")
                    .when("mode", {"Mono"}),
                ParamSpec::color("background", "Background", {0.0, 0.0, 0.0, 1.0},
                                 "Colour behind the characters"),
                ParamSpec::toggle("invert", "Invert ramp", false,
                                  "Dense characters for dark cells (dark text on a light "
                                  "background)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
