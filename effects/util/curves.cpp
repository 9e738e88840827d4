// util.curves — tone curves: a master curve and one per colour channel, each a
// smooth curve through (0, 0), three control points and (1, 1).
//
// The curve is a monotone cubic (PCHIP: Fritsch–Carlson slopes with the
// Fritsch–Butland harmonic mean, three-point end slopes, as SciPy's
// PchipInterpolator): it passes through every point and never overshoots
// between them, so a rising set of points gives a rising curve with no
// ringing. A control point at x = 0 or x = 1 replaces that end point; points
// closer than 1/1000 in x keep the later one. Channel curves apply first, then
// the master curve (as FFmpeg's curves filter). One table per channel per call.
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "core/builtin.h"
#include "core/lut.h"

namespace entropic::fx {

namespace {

struct Knot {
    double x, y;
};

class MonotoneCubic {
  public:
    explicit MonotoneCubic(std::vector<Knot> k) : k_(std::move(k)), d_(k_.size(), 0.0) {
        const std::size_t n = k_.size();
        if (n < 2) return;
        std::vector<double> h(n - 1), delta(n - 1);
        for (std::size_t i = 0; i + 1 < n; ++i) {
            h[i] = k_[i + 1].x - k_[i].x;
            delta[i] = (k_[i + 1].y - k_[i].y) / h[i];
        }
        if (n == 2) {
            d_[0] = d_[1] = delta[0];
            return;
        }
        for (std::size_t i = 1; i + 1 < n; ++i) {
            if (delta[i - 1] * delta[i] <= 0) continue; // a local extremum: flat
            const double w1 = 2 * h[i] + h[i - 1], w2 = h[i] + 2 * h[i - 1];
            d_[i] = (w1 + w2) / (w1 / delta[i - 1] + w2 / delta[i]);
        }
        d_[0] = endSlope(h[0], h[1], delta[0], delta[1]);
        d_[n - 1] = endSlope(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3]);
    }

    double operator()(double x) const {
        if (k_.size() < 2) return x;
        if (x <= k_.front().x) return k_.front().y;
        if (x >= k_.back().x) return k_.back().y;
        std::size_t i = 0;
        while (x > k_[i + 1].x)
            ++i;
        const double h = k_[i + 1].x - k_[i].x, t = (x - k_[i].x) / h;
        const double t2 = t * t, t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * k_[i].y + (t3 - 2 * t2 + t) * h * d_[i] +
               (-2 * t3 + 3 * t2) * k_[i + 1].y + (t3 - t2) * h * d_[i + 1];
    }

  private:
    // Three-point end slope, kept monotone (SciPy's _edge_case).
    static double endSlope(double h0, double h1, double m0, double m1) {
        const double d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
        if ((d > 0) != (m0 > 0) || d == 0 || m0 == 0) return 0;
        if ((m0 > 0) != (m1 > 0) && std::abs(d) > 3 * std::abs(m0)) return 3 * m0;
        return d;
    }

    std::vector<Knot> k_;
    std::vector<double> d_;
};

Lut curveLut(const ParamValues& p, const char* name) {
    std::vector<Knot> knots{{0, 0}};
    for (int i = 1; i <= 3; ++i) {
        const PointF q = p.point(std::string(name) + "_" + std::to_string(i));
        knots.push_back({q.x, q.y});
    }
    knots.push_back({1, 1});
    std::stable_sort(knots.begin(), knots.end(),
                     [](const Knot& a, const Knot& b) { return a.x < b.x; });
    std::vector<Knot> unique;
    for (const Knot& k : knots) {
        if (!unique.empty() && k.x - unique.back().x < 1e-3)
            unique.back() = k;
        else
            unique.push_back(k);
    }
    const MonotoneCubic curve(std::move(unique));
    return lutFrom(curve);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const Lut master = curveLut(p, "master");
    std::array<Lut, 3> channel{curveLut(p, "red"), curveLut(p, "green"), curveLut(p, "blue")};
    for (Lut& lut : channel)
        for (auto& v : lut)
            v = master[v];
    applyLuts(in, out, channel[0], channel[1], channel[2], identityLut(), *ctx.rows);
}

std::vector<ParamSpec> curveParams() {
    std::vector<ParamSpec> specs;
    const std::pair<const char*, const char*> curves[] = {
        {"master", "Master"}, {"red", "Red"}, {"green", "Green"}, {"blue", "Blue"}};
    for (const auto& [key, label] : curves) {
        const bool master = std::string(key) == "master";
        for (int i = 1; i <= 3; ++i) {
            const double x = 0.25 * i;
            // A gentle S on the master curve; channel curves start straight.
            const double y = master ? x + (i == 1 ? -0.04 : i == 3 ? 0.04 : 0.0) : x;
            specs.push_back(
                ParamSpec::point(std::string(key) + "_" + std::to_string(i),
                                 std::string(label) + " point " + std::to_string(i), {x, y}, 0, 1,
                                 std::string("Point the ") + (master ? "master" : label) +
                                     " curve passes through: input x to output y, both 0..1"));
        }
    }
    return specs;
}

} // namespace

namespace builtin {
const EffectDescriptor& utilCurves() {
    static const EffectDescriptor d{
        .id = "util.curves",
        .version = 1,
        .name = "Curves",
        .category = "util",
        .help = "Smooth tone curves through control points, for all channels and each of R, G, B",
        .params = curveParams(),
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
