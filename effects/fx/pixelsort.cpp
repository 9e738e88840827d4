// fx.pixelsort — Kim Asendorf's pixel sorting: along each row (or column), the
// runs of pixels whose interval key lies between two thresholds are sorted by a
// sort key; everything else stays put. Keys are 8-bit, so each run is sorted
// with a stable counting sort (insertion sort for short runs, same result).
// Rows (or columns) are independent, so any split between threads gives the
// same bytes.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>
#include <vector>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/pixel.h"

namespace entropic::fx {

namespace {

enum Key { Luminance = 0, Hue = 1, Saturation = 2 };

// 8-bit keys of an RGBA pixel. Luminance: BT.709 weights (the container's),
// hue: HSV hexcone angle scaled to 0..255, saturation: HSV (max − min)/max.
inline std::uint8_t keyOf(const std::uint8_t* px, int key) {
    const int r = px[0], g = px[1], b = px[2];
    if (key == Luminance) return static_cast<std::uint8_t>(lumaByte(r, g, b));
    const int mx = std::max(r, std::max(g, b)), mn = std::min(r, std::min(g, b)), d = mx - mn;
    if (key == Saturation) return mx == 0 ? 0 : static_cast<std::uint8_t>((255 * d + mx / 2) / mx);
    if (d == 0) return 0;
    int h; // sixths of the circle, 0..6·256, then 0..255
    if (mx == r)
        h = ((g - b) * 256) / d + (g < b ? 6 * 256 : 0);
    else if (mx == g)
        h = ((b - r) * 256) / d + 2 * 256;
    else
        h = ((r - g) * 256) / d + 4 * 256;
    return static_cast<std::uint8_t>((h * 256 / (6 * 256)) & 255);
}

struct Settings {
    int intervalKey, sortKey;
    int lower, upper; // 0..255 inclusive
    bool reverse;
    int maxSpan; // pixels; 0 = unlimited
};

// Scratch buffers of one thread's band.
struct Line {
    std::vector<std::uint32_t> px, sorted;
    std::vector<std::uint8_t> ikey, skey, skeySorted;
    void resize(int n) {
        const auto s = static_cast<std::size_t>(n);
        px.resize(s), sorted.resize(s), ikey.resize(s), skey.resize(s), skeySorted.resize(s);
    }
};

// Stable sort of px[b, e) by skey (ascending, or descending when reverse).
void sortSpan(Line& l, int b, int e, bool reverse) {
    const int n = e - b;
    std::uint32_t* px = l.px.data() + b;
    std::uint8_t* k = l.skey.data() + b;
    auto order = [reverse](int v) { return reverse ? 255 - v : v; };
    if (n < 48) { // insertion sort: stable, cheap on short runs
        for (int i = 1; i < n; ++i) {
            const std::uint32_t p = px[i];
            const std::uint8_t kv = k[i];
            int j = i - 1;
            while (j >= 0 && order(k[j]) > order(kv)) {
                px[j + 1] = px[j], k[j + 1] = k[j];
                --j;
            }
            px[j + 1] = p, k[j + 1] = kv;
        }
        return;
    }
    std::array<int, 257> start{};
    for (int i = 0; i < n; ++i)
        ++start[static_cast<std::size_t>(order(k[i]) + 1)];
    for (int v = 0; v < 256; ++v)
        start[static_cast<std::size_t>(v + 1)] += start[static_cast<std::size_t>(v)];
    std::uint32_t* out = l.sorted.data();
    for (int i = 0; i < n; ++i)
        out[start[static_cast<std::size_t>(order(k[i]))]++] = px[i];
    std::memcpy(px, out, static_cast<std::size_t>(n) * sizeof(std::uint32_t));
}

// Sorts the intervals of one line held in l.px[0, n).
void sortLine(Line& l, int n, const Settings& s) {
    for (int i = 0; i < n; ++i) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(&l.px[static_cast<std::size_t>(i)]);
        l.ikey[static_cast<std::size_t>(i)] = keyOf(p, s.intervalKey);
        l.skey[static_cast<std::size_t>(i)] =
            s.sortKey == s.intervalKey ? l.ikey[static_cast<std::size_t>(i)] : keyOf(p, s.sortKey);
    }
    int i = 0;
    while (i < n) {
        const int k = l.ikey[static_cast<std::size_t>(i)];
        if (k < s.lower || k > s.upper) {
            ++i;
            continue;
        }
        int e = i + 1;
        const int limit = s.maxSpan > 0 ? std::min(n, i + s.maxSpan) : n;
        while (e < limit) {
            const int ke = l.ikey[static_cast<std::size_t>(e)];
            if (ke < s.lower || ke > s.upper) break;
            ++e;
        }
        if (e - i > 1) sortSpan(l, i, e, s.reverse);
        i = e;
    }
}

enum Direction { Horizontal = 0, Vertical = 1, Angled = 2 };

// Sorting along parallel digital lines at `degrees` (counter-clockwise on
// screen). Near-horizontal lines (|angle| ≤ 45°) run left to right and step
// `off[x] = round(x·(−tan θ))` rows; near-vertical ones run top to bottom and
// step `round(y·(−cot θ))` columns. Line k holds the pixels whose row (column)
// minus the step is k, so every pixel is on exactly one line, and lines are
// independent: the runner's bands are bands of lines.
void sortAngled(ConstFrameView in, FrameView out, const Settings& s, double degrees,
                const EffectContext& ctx) {
    const double theta = degrees * std::numbers::pi / 180.0;
    const bool alongX = std::abs(degrees) <= 45.0;
    const int len = alongX ? in.width : in.height; // pixels along a line
    const int across = alongX ? in.height : in.width;
    const double slope = alongX ? -std::tan(theta) : -std::cos(theta) / std::sin(theta);
    std::vector<int> off(static_cast<std::size_t>(len));
    for (int i = 0; i < len; ++i)
        off[static_cast<std::size_t>(i)] = static_cast<int>(std::lround(i * slope));
    const int lo = std::min(off.front(), off.back()), hi = std::max(off.front(), off.back());
    const int first = -hi, lines = across - 1 - lo - first + 1;
    ctx.rows->run(lines, [&](int begin, int end) {
        Line l;
        l.resize(len);
        std::vector<int> at(static_cast<std::size_t>(len)); // position across, per gathered pixel
        std::vector<int> along(static_cast<std::size_t>(len));
        for (int k = first + begin; k < first + end; ++k) {
            // off is monotone, so the line's pixels are one range of i.
            const bool rising = off.back() >= off.front();
            const auto inside = [&](int o) { return k + o >= 0 && k + o < across; };
            const auto before = [&](int o) { return rising ? k + o < 0 : k + o >= across; };
            const auto from = std::partition_point(off.begin(), off.end(), before);
            const auto to = std::partition_point(from, off.end(), inside);
            int n = 0;
            for (int i = static_cast<int>(from - off.begin());
                 i < static_cast<int>(to - off.begin()); ++i) {
                const int c = k + off[static_cast<std::size_t>(i)];
                const std::uint8_t* px = alongX ? in.row(c) + 4 * i : in.row(i) + 4 * c;
                std::memcpy(&l.px[static_cast<std::size_t>(n)], px, 4);
                at[static_cast<std::size_t>(n)] = c, along[static_cast<std::size_t>(n)] = i;
                ++n;
            }
            sortLine(l, n, s);
            for (int j = 0; j < n; ++j) {
                const int c = at[static_cast<std::size_t>(j)],
                          i = along[static_cast<std::size_t>(j)];
                std::uint8_t* px = alongX ? out.row(c) + 4 * i : out.row(i) + 4 * c;
                std::memcpy(px, &l.px[static_cast<std::size_t>(j)], 4);
            }
        }
    });
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    Settings s{};
    s.intervalKey = p.choice("interval_key");
    s.sortKey = p.choice("sort_key");
    s.lower = static_cast<int>(std::lround(p.number("lower") * 255));
    s.upper = static_cast<int>(std::lround(p.number("upper") * 255));
    s.reverse = p.flag("reverse");
    s.maxSpan = static_cast<int>(std::lround(p.number("max_span") * ctx.renderScale));
    if (p.number("max_span") > 0) s.maxSpan = std::max(s.maxSpan, 2);
    const int direction = p.choice("direction");
    const int w = in.width, h = in.height;
    if (direction == Angled) {
        sortAngled(in, out, s, p.number("angle"), ctx);
        return;
    }
    const bool vertical = direction == Vertical;

    if (!vertical) {
        ctx.rows->run(h, [&](int begin, int end) {
            Line l;
            l.resize(w);
            for (int y = begin; y < end; ++y) {
                std::memcpy(l.px.data(), in.row(y), static_cast<std::size_t>(w) * 4);
                sortLine(l, w, s);
                std::memcpy(out.row(y), l.px.data(), static_cast<std::size_t>(w) * 4);
            }
        });
        return;
    }
    // Columns: the runner's bands are bands of columns here (each column is
    // independent, so the split still never shows).
    ctx.rows->run(w, [&](int begin, int end) {
        Line l;
        l.resize(h);
        for (int x = begin; x < end; ++x) {
            for (int y = 0; y < h; ++y)
                std::memcpy(&l.px[static_cast<std::size_t>(y)], in.row(y) + 4 * x, 4);
            sortLine(l, h, s);
            for (int y = 0; y < h; ++y)
                std::memcpy(out.row(y) + 4 * x, &l.px[static_cast<std::size_t>(y)], 4);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxPixelSort() {
    static const EffectDescriptor d{
        .id = "fx.pixelsort",
        .version = 1,
        .name = "Pixel Sort",
        .category = "fx",
        .help = "Sort runs of pixels whose key lies between two thresholds, along rows or columns",
        .params =
            {
                ParamSpec::choice(
                    "direction", "Direction", {"Horizontal", "Vertical", "Angle"}, 0,
                    "Sort along rows, along columns, or along lines at the angle below"),
                ParamSpec::number(
                    "angle", "Angle", -90, 90, 30, "°",
                    "Direction of the sorted lines with Angle, counter-clockwise from horizontal")
                    .when("direction", {"Angle"}),
                ParamSpec::choice("interval_key", "Interval key",
                                  {"Luminance", "Hue", "Saturation"}, 0,
                                  "Which value decides whether a pixel belongs to a sorted run"),
                ParamSpec::number("lower", "Lower threshold", 0, 1, 0.3, "",
                                  "Pixels with an interval key below this stay put"),
                ParamSpec::number("upper", "Upper threshold", 0, 1, 0.85, "",
                                  "Pixels with an interval key above this stay put"),
                ParamSpec::choice("sort_key", "Sort by", {"Luminance", "Hue", "Saturation"}, 0,
                                  "The value pixels are ordered by inside a run"),
                ParamSpec::toggle("reverse", "Reverse", false,
                                  "Largest key first (left or top) instead of smallest"),
                ParamSpec::number("max_span", "Max run length", 0, 4096, 0, "px",
                                  "Longest sorted run; longer runs are cut (0 = no limit)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
