// fx.wave_distort — sine-wave displacement: rows slide sideways by a sine of
// their height (horizontal), columns slide up and down by a sine of their
// position (vertical), or both at once (a rippling, wobbling picture). The
// wave's phase advances with time (speed in cycles per second, from the frame
// index), so it travels across the frame. Bilinear sampling with 8-bit
// fractions in exact integers; no randomness, rows are independent.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>
#include <vector>

#include "core/builtin.h"
#include "core/simd.h"

namespace entropic::fx {

namespace {

enum Direction { Horizontal = 0, Vertical = 1, Both = 2 };
enum Edge { Clamp = 0, Wrap = 1, Mirror = 2 };

// Source index of a tap at i along an axis of n pixels.
inline int mapIndex(int i, int n, int edge) {
    if (i >= 0 && i < n) return i;
    switch (edge) {
    case Clamp:
        return i < 0 ? 0 : n - 1;
    case Wrap: {
        const int r = i % n;
        return r < 0 ? r + n : r;
    }
    default: { // reflected tiles: … 2 1 0 | 0 1 2 … n−1 | n−1 n−2 …
        const int period = 2 * n;
        int r = i % period;
        if (r < 0) r += period;
        return r < n ? r : period - 1 - r;
    }
    }
}

// Displacement in 1/256 px of every index along an axis: amplitude ·
// sin(2π(i / wavelength + phase)), where phase is in cycles.
std::vector<int> wave(int n, double amplitude, double wavelength, double phase) {
    std::vector<int> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        out[static_cast<std::size_t>(i)] = static_cast<int>(std::lround(
            256.0 * amplitude * std::sin(2.0 * std::numbers::pi * (i / wavelength + phase))));
    return out;
}

// Rows slide sideways only: two taps with the same fraction along a row, so
// only the ends of the row need the edge rule.
void slideRows(ConstFrameView in, FrameView out, const std::vector<int>& dx, int edge,
               const RowRunner& rows) {
    const int w = in.width;
    rows.run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const int back = -dx[static_cast<std::size_t>(y)]; // output x shows x + back/256
            const int i0 = back >> 8, f = back & 255;
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            const auto blend = [&](int x, const std::uint8_t* a, const std::uint8_t* b) {
                for (int c = 0; c < 4; ++c)
                    d[4 * x + c] =
                        static_cast<std::uint8_t>((a[c] * (256 - f) + b[c] * f + 128) >> 8);
            };
            const auto atEdge = [&](int x) {
                blend(x, s + 4 * mapIndex(x + i0, w, edge), s + 4 * mapIndex(x + i0 + 1, w, edge));
            };
            // Both taps inside for x in [left, right).
            const int left = std::clamp(-i0, 0, w), right = std::clamp(w - 1 - i0, left, w);
            for (int x = 0; x < left; ++x)
                atEdge(x);
            const std::uint8_t* a = s + 4 * i0;
            if (f == 0)
                std::memcpy(d + 4 * left, a + 4 * left, static_cast<std::size_t>(right - left) * 4);
            else
                for (int i = 4 * left; i < 4 * right; ++i)
                    d[i] = static_cast<std::uint8_t>((a[i] * (256 - f) + a[i + 4] * f + 128) >> 8);
            for (int x = right; x < w; ++x)
                atEdge(x);
        }
    });
}

// Columns slide vertically (and rows sideways, when dx is not empty): four
// taps, weights ((256 − fx), fx) × ((256 − fy), fy), rounded once.
void slideBoth(ConstFrameView in, FrameView out, const std::vector<int>& dx,
               const std::vector<int>& dy, int edge, const RowRunner& rows) {
    const int w = in.width, h = in.height;
    std::vector<int> rowStep(static_cast<std::size_t>(w)), rowFrac(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x) {
        const int back = -dy[static_cast<std::size_t>(x)];
        rowStep[static_cast<std::size_t>(x)] = back >> 8;
        rowFrac[static_cast<std::size_t>(x)] = back & 255;
    }
    rows.run(h, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const int back = dx.empty() ? 0 : -dx[static_cast<std::size_t>(y)];
            const int i0 = back >> 8, fx = back & 255;
            const I32x4 wx0 = splatInt(256 - fx), wx1 = splatInt(fx);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x, d += 4) {
                const int j = y + rowStep[static_cast<std::size_t>(x)];
                const int fy = rowFrac[static_cast<std::size_t>(x)];
                const std::uint8_t* r0 = in.row(mapIndex(j, h, edge));
                const std::uint8_t* r1 = in.row(mapIndex(j + 1, h, edge));
                const int x0 = 4 * mapIndex(x + i0, w, edge),
                          x1 = 4 * mapIndex(x + i0 + 1, w, edge);
                // Four channels in four lanes, exact integers (at most 255·2^16).
                const I32x4 top = loadBytes(r0 + x0) * wx0 + loadBytes(r0 + x1) * wx1;
                const I32x4 bottom = loadBytes(r1 + x0) * wx0 + loadBytes(r1 + x1) * wx1;
                storeBytes(
                    (top * splatInt(256 - fy) + bottom * splatInt(fy) + splatInt(32768)) >> 16, d);
            }
        }
    });
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const double scale = ctx.renderScale;
    const double amplitude = p.number("amplitude") * scale;
    const double wavelength = std::max(1.0, p.number("wavelength") * scale);
    const double seconds =
        static_cast<double>(ctx.frameIndex) * ctx.rateDen / std::max(1, ctx.rateNum);
    const double phase = std::fmod(p.number("phase") / 360.0 + p.number("speed") * seconds, 1.0);
    const int direction = p.choice("direction");
    const int edge = p.choice("edge");
    // Horizontal sliding depends on the row, vertical sliding on the column.
    const std::vector<int> dx =
        direction == Vertical ? std::vector<int>{} : wave(in.height, amplitude, wavelength, phase);
    if (direction == Horizontal) {
        slideRows(in, out, dx, edge, *ctx.rows);
        return;
    }
    slideBoth(in, out, dx, wave(in.width, amplitude, wavelength, phase), edge, *ctx.rows);
}

} // namespace

namespace builtin {
const EffectDescriptor& fxWaveDistort() {
    static const EffectDescriptor d{
        .id = "fx.wave_distort",
        .version = 1,
        .name = "Wave Distort",
        .category = "fx",
        .help = "Sine-wave ripple: rows slide sideways and/or columns up and down, travelling "
                "with time",
        .params =
            {
                ParamSpec::choice("direction", "Direction", {"Horizontal", "Vertical", "Both"}, 0,
                                  "Rows slide sideways, columns slide vertically, or both"),
                ParamSpec::number("amplitude", "Amplitude", 0, 500, 12, "px",
                                  "Largest displacement of a row or column"),
                ParamSpec::number("wavelength", "Wavelength", 2, 4000, 180, "px",
                                  "Distance from one crest of the wave to the next"),
                ParamSpec::number("phase", "Phase", 0, 360, 0, "°",
                                  "Where on the wave the frame's top (or left) edge sits"),
                ParamSpec::number("speed", "Speed", -10, 10, 0.5, "Hz",
                                  "Wave crests passing a point per second (sign = direction)"),
                ParamSpec::choice("edge", "Edges", {"Clamp", "Wrap", "Mirror"}, 2,
                                  "What a displaced pixel shows past the frame edge"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
