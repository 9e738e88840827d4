// fx.emboss — relief: brightness is read as height and lit from one side, so
// the picture looks stamped into metal or paper. The light's directional
// derivative of luma comes from a Sobel kernel (height 1 px: the ordinary 3×3
// emboss) or its wider generalisation of the same shape (a box difference
// across, a triangle along), so a larger height gives broader, softer relief.
// Flat areas are mid grey (or their own colour when tinted).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>
#include <vector>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/simd.h"

namespace entropic::fx {

namespace {

enum Mode { Grey = 0, Tinted = 1 };

constexpr int kMaxRadius = 64;

inline int luma(const std::uint8_t* p) { // BT.709, 0..255
    return lumaByte(p[0], p[1], p[2]);
}

// The filters of one row of luma Y (edges repeated), for four columns per
// element: across[x] = Σ_{k=1..R} Y(x+k) − Y(x−k) and
// along[x] = Σ_{|d|≤R} (R+1−|d|)·Y(x+d). Small radii sum the taps directly,
// four columns at a time; large ones use prefix sums of the row (the triangle
// is two boxes of R+1 taps, hence a second prefix sum), which wrap modulo
// 2^32 but whose differences are exact because the true results are small.
// Both give the same integers.
struct RowScratch {
    std::vector<std::int32_t> luma; // R + w + R + 4 (zeros after the padding)
    std::vector<std::uint32_t> p1, p2;
};

constexpr int kDirectRadius = 4;

void rowFilters(const std::uint8_t* s, int w, int r, RowScratch& t, I32x4* across, I32x4* along) {
    const auto R = static_cast<std::size_t>(r);
    const auto W = static_cast<std::size_t>(w);
    std::int32_t* y = t.luma.data();
    std::fill_n(y, R, luma(s));
    for (std::size_t x = 0; x < W; ++x)
        y[R + x] = luma(s + 4 * x);
    std::fill_n(y + R + W, R, luma(s + 4 * (w - 1)));
    const std::size_t groups = (W + 3) / 4;
    if (r <= kDirectRadius) {
        const auto at = [&](std::size_t i) {
            I32x4 v;
            std::memcpy(&v, y + i, sizeof v);
            return v;
        };
        for (std::size_t g = 0; g < groups; ++g) {
            const std::size_t c = 4 * g + R; // the centre column in the padded row
            I32x4 a = splatInt(0), t3 = splatInt(r + 1) * at(c);
            for (std::size_t k = 1; k <= R; ++k) {
                const I32x4 right = at(c + k), left = at(c - k);
                a += right - left;
                t3 += splatInt(r + 1 - static_cast<int>(k)) * (right + left);
            }
            across[g] = a;
            along[g] = t3;
        }
        return;
    }
    const std::size_t n = W + 2 * R;
    std::uint32_t* p1 = t.p1.data();
    std::uint32_t* p2 = t.p2.data();
    p1[0] = 0;
    for (std::size_t j = 0; j < n; ++j)
        p1[j + 1] = p1[j] + static_cast<std::uint32_t>(y[j]);
    p2[0] = 0;
    for (std::size_t j = 0; j <= n; ++j)
        p2[j + 1] = p2[j] + p1[j];
    for (std::size_t x = 0; x < W; ++x) {
        across[x / 4][x % 4] =
            static_cast<int>((p1[x + 2 * R + 1] - p1[x + R + 1]) - (p1[x + R] - p1[x]));
        along[x / 4][x % 4] =
            static_cast<int>((p2[x + 2 * R + 2] - p2[x + R + 1]) - (p2[x + R + 1] - p2[x]));
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const int r = std::clamp(static_cast<int>(std::lround(p.number("height") * ctx.renderScale)), 1,
                             kMaxRadius);
    const bool tinted = p.choice("mode") == Tinted;
    // A full black-to-white step gives a gradient of norm; at strength 1 a
    // step lit head-on reaches white (or black) from the flat mid grey.
    const double norm = static_cast<double>(r + 1) * (r + 1) * r * 255.0;
    const double theta = p.number("angle") * std::numbers::pi / 180.0;
    const double k = p.number("strength") * 127.5 / norm;
    // Towards the light (counter-clockwise from the right, y up): a slope
    // rising away from the light faces it and is lit.
    const auto kx = static_cast<float>(-k * std::cos(theta));
    const auto ky = static_cast<float>(-k * std::sin(theta));

    ctx.rows->run(h, [&](int begin, int end) {
        // The row filters of rows y − R .. y + R in a ring (row i in slot
        // i mod 2R+1), each computed once per band as the window slides
        // down; four columns per element (unused lanes stay zero).
        const int window = 2 * r + 1;
        const auto groups = static_cast<std::size_t>((w + 3) / 4);
        std::vector<I32x4> across(groups * static_cast<std::size_t>(window), splatInt(0)),
            along(across.size(), splatInt(0)), gx(groups), gy(groups);
        const auto padded = static_cast<std::size_t>(w + 2 * r);
        RowScratch scratch{std::vector<std::int32_t>(padded + 4),
                           std::vector<std::uint32_t>(padded + 2),
                           std::vector<std::uint32_t>(padded + 2)};
        const auto slot = [&](int y) {
            return static_cast<std::size_t>(((y % window) + window) % window) * groups;
        };
        const auto fill = [&](int y) {
            rowFilters(in.row(std::clamp(y, 0, h - 1)), w, r, scratch, &across[slot(y)],
                       &along[slot(y)]);
        };
        for (int y = begin - r; y < begin + r; ++y)
            fill(y);
        const F32x4 fx = splat(kx), fy = splat(ky);
        for (int y = begin; y < end; ++y) {
            fill(y + r);
            // gx: the across-row differences, triangle-weighted down the column
            // (1, 2, 1 at height 1: Sobel); gy: rows above minus rows below.
            std::fill(gx.begin(), gx.end(), splatInt(0));
            std::fill(gy.begin(), gy.end(), splatInt(0));
            for (int d = -r; d <= r; ++d) {
                const I32x4 weight = splatInt(r + 1 - std::abs(d));
                const I32x4* a = &across[slot(y + d)];
                for (std::size_t g = 0; g < groups; ++g)
                    gx[g] += weight * a[g];
            }
            for (int j = 1; j <= r; ++j) {
                const I32x4* up = &along[slot(y - j)];
                const I32x4* down = &along[slot(y + j)];
                for (std::size_t g = 0; g < groups; ++g)
                    gy[g] += up[g] - down[g];
            }
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (std::size_t g = 0; g < groups; ++g) {
                const F32x4 v = splat(128.0f) + fx * toFloat(gx[g]) + fy * toFloat(gy[g]);
                const I32x4 level = toInt(vmin(vmax(v, splat(0.0f)), splat(255.0f)) + splat(0.5f));
                for (int l = 0;
                     l < 4 && 4 * g + static_cast<std::size_t>(l) < static_cast<std::size_t>(w);
                     ++l, s += 4, d += 4) {
                    if (tinted) {
                        // The surface's own colour lit by the relief: ×1 on flats, up to ×2.
                        for (int c = 0; c < 3; ++c)
                            d[c] = static_cast<std::uint8_t>(
                                std::min(255, (s[c] * level[l] + 64) >> 7));
                    } else {
                        d[0] = d[1] = d[2] = static_cast<std::uint8_t>(level[l]);
                    }
                    d[3] = s[3];
                }
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxEmboss() {
    static const EffectDescriptor d{
        .id = "fx.emboss",
        .version = 1,
        .name = "Emboss",
        .category = "fx",
        .help = "Relief: brightness read as height and lit from one side, grey or in the "
                "picture's colours",
        .params =
            {
                ParamSpec::number("angle", "Light angle", -180, 180, 135, "°",
                                  "Direction the light comes from, counter-clockwise from the "
                                  "right (135 = top left)"),
                ParamSpec::number("strength", "Strength", 0, 10, 3, "×",
                                  "Depth of the relief (1: a full black-to-white step reaches "
                                  "white)"),
                ParamSpec::number("height", "Height", 1, 20, 2, "px",
                                  "Kernel radius: 1 is the classic 3×3 emboss, larger gives "
                                  "broader, softer relief"),
                ParamSpec::choice("mode", "Mode", {"Grey relief", "Tinted relief"}, 0,
                                  "Mid-grey relief, or the picture's colours lit by the relief"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
