// fx.vhs — a worn videotape. Each row is slid sideways by the tracking wobble
// (a slow sine down the frame that drifts with time, plus per-row noise) and,
// in the head-switching band at the bottom, by a growing tear; then, in
// BT.709 YCbCr, chroma is smeared sideways (box blur) and delayed behind luma,
// tape grain is added to luma and a few rows get white dropout streaks. All
// randomness hashes (seed, row[, column]) and the seed changes every frame, so
// rows are independent of the thread split.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "core/builtin.h"
#include "core/cell_hash.h"
#include "core/luma.h"
#include "core/pixel.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

struct Settings {
    double wobble, wobblePeriod, phase, trackingNoise, trackingStep;
    int headRows;
    double headShift;
    int chromaRadius, chromaDelay;
    std::int64_t chromaReciprocal;  // round(2^32 / (2·chromaRadius + 1))
    int noise256;                   // grain strength ×256 (1.0 = std of 128 levels)
    std::uint64_t dropoutThreshold; // of 24 bits
    int dropoutLength;
    std::uint64_t seed;
};

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

inline double unitDraw(std::uint64_t h) { // [-1, 1)
    return static_cast<double>(h >> 11) * (2.0 / 9007199254740992.0) - 1.0;
}

// Horizontal offset of row y in pixels: wobble + tracking noise (value noise
// over rows) + the head-switching tear near the bottom.
double rowOffset(int y, int height, const Settings& s) {
    double off = s.wobble * std::sin(2.0 * std::numbers::pi * (y / s.wobblePeriod + s.phase));
    if (s.trackingNoise > 0) {
        const double l = y / s.trackingStep;
        const double cell = std::floor(l), f = l - cell;
        const auto c = static_cast<std::uint64_t>(static_cast<std::int64_t>(cell));
        const double a = unitDraw(mix64(s.seed + c * kGolden)),
                     b = unitDraw(mix64(s.seed + (c + 1) * kGolden));
        off += s.trackingNoise * (a + (b - a) * f);
    }
    const int bandTop = height - s.headRows;
    if (y >= bandTop && s.headRows > 0) {
        const double t = static_cast<double>(y - bandTop + 1) / s.headRows;
        const double u = 0.5 * (unitDraw(mix64(s.seed ^ 0x686561645f737769ULL ^
                                               (static_cast<std::uint64_t>(y) * kGolden))) +
                                1);
        off += s.headShift * t * t * (0.6 + 0.4 * u);
    }
    return off;
}

// Box mean of c over [x − r, x + r] (edges repeated) for every x: prefix sums of
// the padded row, then floor(sum · round(2^32 / (2r + 1)) / 2^32 + 1/2), so no
// division per pixel.
void blurRow(const std::vector<int>& c, std::vector<std::int64_t>& prefix, int r,
             std::int64_t reciprocal, std::vector<int>& out) {
    const int w = static_cast<int>(c.size());
    prefix.resize(static_cast<std::size_t>(w + 2 * r) + 1);
    prefix[0] = 0;
    for (int j = 0; j < w + 2 * r; ++j)
        prefix[static_cast<std::size_t>(j) + 1] =
            prefix[static_cast<std::size_t>(j)] +
            c[static_cast<std::size_t>(std::clamp(j - r, 0, w - 1))];
    for (int x = 0; x < w; ++x) {
        const std::int64_t sum =
            prefix[static_cast<std::size_t>(x + 2 * r + 1)] - prefix[static_cast<std::size_t>(x)];
        out[static_cast<std::size_t>(x)] =
            static_cast<int>((sum * reciprocal + (std::int64_t{1} << 31)) >> 32);
    }
}

// One row in BT.709 YCbCr ×256, the form every step below works on, and the
// scratch the chroma blur needs (one per thread, reused row after row).
struct YccRow {
    explicit YccRow(int width)
        : Y(static_cast<std::size_t>(width)), Cb(Y.size()), Cr(Y.size()), blurred(Y.size()) {}
    std::vector<int> Y, Cb, Cr, blurred;
    std::vector<std::int64_t> prefix;
};

// 1. Slides the source row by `shift`/256 px (8-bit fractions, edges
// repeated) into YCbCr ×256. The fraction is the same along the row; only the
// ends clamp.
void slideRow(const std::uint8_t* src, int w, long shift, YccRow& row) {
    const long base = -shift;
    const int i0 = static_cast<int>(base >> 8), f = static_cast<int>(base & 255);
    auto put = [&](int x, int r, int g, int bl) {
        const int luma = lumaX256(r, g, bl);
        const auto k = static_cast<std::size_t>(x);
        row.Y[k] = luma;
        row.Cb[k] = (((bl << 8) - luma) * 17659) >> 15; // (B − Y)/1.8556
        row.Cr[k] = (((r << 8) - luma) * 20808) >> 15;  // (R − Y)/1.5748
    };
    const int left = std::clamp(-i0, 0, w), right = std::clamp(w - 1 - i0, left, w);
    for (int x = 0; x < left; ++x)
        put(x, src[0], src[1], src[2]);
    for (int x = left; x < right; ++x) {
        const std::uint8_t* a = src + 4 * (x + i0);
        put(x, (a[0] * (256 - f) + a[4] * f + 128) >> 8, (a[1] * (256 - f) + a[5] * f + 128) >> 8,
            (a[2] * (256 - f) + a[6] * f + 128) >> 8);
    }
    const std::uint8_t* last = src + 4 * (w - 1);
    for (int x = right; x < w; ++x)
        put(x, last[0], last[1], last[2]);
}

// 2. Chroma bleed: a box mean of Cb and Cr over edge-repeated prefix sums.
void bleedChroma(YccRow& row, const Settings& s) {
    if (s.chromaRadius <= 0) return;
    blurRow(row.Cb, row.prefix, s.chromaRadius, s.chromaReciprocal, row.blurred);
    std::swap(row.Cb, row.blurred);
    blurRow(row.Cr, row.prefix, s.chromaRadius, s.chromaReciprocal, row.blurred);
    std::swap(row.Cr, row.blurred);
}

// 3. Tape grain on luma, three pixels per hash (21 bits each), ×3 in the
// head-switch band.
void addGrain(YccRow& row, int y, int h, const Settings& s) {
    const int w = static_cast<int>(row.Y.size());
    const int grain = y >= h - s.headRows ? 3 * s.noise256 : s.noise256;
    if (grain <= 0) return;
    for (int third = 0; 3 * third < w; ++third) {
        const std::uint64_t gh = cellHash(s.seed, third, y);
        for (int field = 0; field < 3 && 3 * third + field < w; ++field) {
            const std::uint64_t bits = gh >> (21 * field);
            const int g =
                2 * static_cast<int>((bits & 127) + ((bits >> 7) & 127) + ((bits >> 14) & 127)) -
                381;
            row.Y[static_cast<std::size_t>(3 * third + field)] += g * grain;
        }
    }
}

// 4. The dropout streak of row y, if it has one: luma ¾ of the way to white.
void addDropout(YccRow& row, int y, const Settings& s) {
    const int w = static_cast<int>(row.Y.size());
    const std::uint64_t rowHash =
        mix64(s.seed + (static_cast<std::uint64_t>(y) + 0x100000000ULL) * kGolden);
    if ((rowHash & 0xffffff) >= s.dropoutThreshold) return;
    const int from =
        static_cast<int>(((rowHash >> 24) & 0xffff) * static_cast<std::uint64_t>(w) >> 16);
    const int to = std::min(
        w, from + s.dropoutLength / 2 +
               static_cast<int>(
                   ((rowHash >> 40) & 0xff) * static_cast<std::uint64_t>(s.dropoutLength) >> 8));
    for (int x = from; x < to; ++x) {
        int& luma = row.Y[static_cast<std::size_t>(x)];
        luma += ((255 << 8) - luma) * 3 / 4;
    }
}

// 5. Back to RGB, chroma read `chromaDelay` px to the left; alpha from src.
void toRgb(const YccRow& row, const std::uint8_t* src, std::uint8_t* d, const Settings& s) {
    const int w = static_cast<int>(row.Y.size());
    for (int x = 0; x < w; ++x, d += 4) {
        const auto cx = static_cast<std::size_t>(std::clamp(x - s.chromaDelay, 0, w - 1));
        const int cb = row.Cb[cx], cr = row.Cr[cx];
        const int luma = row.Y[static_cast<std::size_t>(x)];
        const int r = luma + ((cr * 25802) >> 14);             // 1.5748
        const int g = luma - ((cb * 6138 + cr * 15340) >> 15); // 0.1873, 0.4681
        const int b = luma + ((cb * 30402) >> 14);             // 1.8556
        d[0] = clampByte((r + 128) >> 8);
        d[1] = clampByte((g + 128) >> 8);
        d[2] = clampByte((b + 128) >> 8);
        d[3] = src[4 * x + 3];
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const double sc = ctx.renderScale;
    Settings s{};
    s.wobble = p.number("wobble") * sc;
    s.wobblePeriod = std::max(1.0, p.number("wobble_period") * sc);
    const double seconds =
        static_cast<double>(ctx.frameIndex) * ctx.rateDen / std::max(1, ctx.rateNum);
    s.phase = std::fmod(p.number("wobble_speed") * seconds, 1.0);
    s.trackingNoise = p.number("tracking_noise") * sc;
    s.trackingStep = std::max(1.0, 6.0 * sc);
    s.headRows = std::min(h, static_cast<int>(std::lround(p.number("head_switch") * sc)));
    s.headShift = p.number("head_shift") * sc;
    s.chromaRadius = static_cast<int>(std::lround(p.number("chroma_blur") * sc));
    s.chromaDelay = static_cast<int>(std::lround(p.number("chroma_delay") * sc));
    s.chromaReciprocal = ((std::int64_t{1} << 32) + s.chromaRadius) / (2 * s.chromaRadius + 1);
    s.noise256 = static_cast<int>(std::lround(p.number("noise") * 256));
    s.dropoutThreshold = static_cast<std::uint64_t>(std::lround(p.number("dropouts") * 16777216.0));
    s.dropoutLength = std::max(1, static_cast<int>(std::lround(40 * sc)));
    s.seed = mix64(ctx.seed ^ 0x7668735f74617065ULL); // "vhs_tape"

    ctx.rows->run(h, [&](int begin, int end) {
        YccRow row(w);
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* src = in.row(y);
            slideRow(src, w, std::lround(rowOffset(y, h, s) * 256.0), row);
            bleedChroma(row, s);
            addGrain(row, y, h, s);
            addDropout(row, y, s);
            toRgb(row, src, out.row(y), s);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxVhs() {
    static const EffectDescriptor d{
        .id = "fx.vhs",
        .version = 1,
        .name = "VHS",
        .category = "fx",
        .help = "Worn videotape: tracking wobble, head-switching tear, chroma bleed and delay, "
                "tape noise",
        .params =
            {
                ParamSpec::number(
                    "wobble", "Tracking wobble", 0, 50, 1.5, "px",
                    "Sideways sway of the rows (amplitude of a slow sine down the frame)"),
                ParamSpec::number("wobble_period", "Wobble period", 1, 2000, 240, "px",
                                  "Rows from one sway to the next"),
                ParamSpec::number("wobble_speed", "Wobble speed", -10, 10, 0.5, "Hz",
                                  "How fast the sway drifts up or down the frame"),
                ParamSpec::number("tracking_noise", "Tracking noise", 0, 50, 1, "px",
                                  "Random sideways jitter of the rows"),
                ParamSpec::number("head_switch", "Head-switch band", 0, 200, 10, "px",
                                  "Height of the torn band at the bottom of the frame (0 = none)"),
                ParamSpec::number("head_shift", "Head-switch shift", 0, 500, 24, "px",
                                  "Sideways tear at the very bottom of that band"),
                ParamSpec::number("chroma_blur", "Chroma bleed", 0, 50, 3, "px",
                                  "Half-width of the sideways smear of colour"),
                ParamSpec::number("chroma_delay", "Chroma delay", -50, 50, 2, "px",
                                  "Colour lags behind brightness by this much (right is positive)"),
                ParamSpec::number(
                    "noise", "Tape noise", 0, 1, 0.05, "",
                    "Luma grain (1 = standard deviation of half the range); triple in the band"),
                ParamSpec::number("dropouts", "Dropouts", 0, 1, 0.01, "",
                                  "Chance that a row shows a white dropout streak"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
