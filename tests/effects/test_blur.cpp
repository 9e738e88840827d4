#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& blur() {
    return *EffectRegistry::builtin().find("util.blur");
}

enum { Gaussian = 0, Box = 1, Directional = 2 };

ParamValues settings(int mode, double radius, double angle = 0, double length = 0) {
    ParamValues p(blur().params);
    p.setNumber("mode", mode);
    p.setNumber("radius", radius);
    p.setNumber("angle", angle);
    p.setNumber("length", length);
    return p;
}

const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}

// A dark frame with one bright opaque pixel.
Frame impulse(int w, int h, int x, int y, std::uint8_t value) {
    Frame f(w, h);
    f.fill(0, 0, 0, 255);
    std::uint8_t* p = f.view().row(y) + 4 * x;
    p[0] = p[1] = p[2] = value;
    return f;
}

// Exact separable gaussian in double (sampled kernel to 4σ, edges extended).
Frame exactGaussian(const Frame& in, double sigma) {
    const int w = in.width(), h = in.height(), r = static_cast<int>(std::ceil(4 * sigma));
    std::vector<double> k(static_cast<std::size_t>(2 * r + 1));
    double total = 0;
    for (int i = -r; i <= r; ++i)
        total += k[static_cast<std::size_t>(i + r)] = std::exp(-i * i / (2 * sigma * sigma));
    for (double& v : k)
        v /= total;
    std::vector<double> tmp(static_cast<std::size_t>(w * h * 3));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                double s = 0;
                for (int i = -r; i <= r; ++i)
                    s += k[static_cast<std::size_t>(i + r)] *
                         px(in, std::clamp(x + i, 0, w - 1), y)[c];
                tmp[static_cast<std::size_t>((y * w + x) * 3 + c)] = s;
            }
    Frame out(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            for (int c = 0; c < 3; ++c) {
                double s = 0;
                for (int i = -r; i <= r; ++i)
                    s += k[static_cast<std::size_t>(i + r)] *
                         tmp[static_cast<std::size_t>((std::clamp(y + i, 0, h - 1) * w + x) * 3 +
                                                      c)];
                out.view().row(y)[4 * x + c] = static_cast<std::uint8_t>(std::lround(s));
            }
            out.view().row(y)[4 * x + 3] = 255;
        }
    return out;
}
} // namespace

TEST_CASE("blur of a flat frame is the same flat frame", "[effects][blur]") {
    for (std::uint8_t alpha : {std::uint8_t{255}, std::uint8_t{90}}) {
        Frame flat(37, 23);
        flat.fill(200, 31, 7, alpha);
        for (const auto& p : {settings(Gaussian, 5.3), settings(Gaussian, 60), settings(Box, 2.5),
                              settings(Box, 100), settings(Directional, 0, 30, 17),
                              settings(Directional, 0, 100, 80)}) {
            INFO("mode " << p.choice("mode") << " alpha " << int(alpha));
            CHECK(test::samePixels(test::process(blur(), p, flat).view(), flat.view()));
        }
    }
}

TEST_CASE("blur radius 0 and length 0 are the identity", "[effects][blur]") {
    const Frame in = test::syntheticFrame(31, 17, 1); // has a translucent corner
    CHECK(test::samePixels(test::process(blur(), settings(Gaussian, 0), in).view(), in.view()));
    CHECK(test::samePixels(test::process(blur(), settings(Box, 0), in).view(), in.view()));
    CHECK(test::samePixels(test::process(blur(), settings(Directional, 5, 33, 0), in).view(),
                           in.view()));
}

TEST_CASE("box blur averages exactly over its box", "[effects][blur]") {
    // 3×3 box (radius 1) of a single 225 spreads 25 over its 3×3 neighbourhood.
    const Frame out = test::process(blur(), settings(Box, 1), impulse(9, 9, 4, 4, 225));
    for (int y = 0; y < 9; ++y)
        for (int x = 0; x < 9; ++x) {
            INFO(x << "," << y);
            const bool inside = std::abs(x - 4) <= 1 && std::abs(y - 4) <= 1;
            CHECK(int(px(out, x, y)[0]) == (inside ? 25 : 0));
            CHECK(int(px(out, x, y)[3]) == 255);
        }
    // A fractional radius weighs the taps just outside: radius 1.5 → weights 1,1,1 and 0.5
    // at both ends, so the end taps get half of the centre's value (225/16 per axis... 2D).
    const Frame half = test::process(blur(), settings(Box, 1.5), impulse(9, 9, 4, 4, 255));
    CHECK(int(px(half, 4, 4)[0]) == 16); // 255 / 16
    CHECK(int(px(half, 6, 4)[0]) == 8);  // 255 · 0.5 / 16
    CHECK(int(px(half, 6, 6)[0]) == 4);  // 255 · 0.25 / 16
    CHECK(int(px(half, 7, 4)[0]) == 0);
}

TEST_CASE("gaussian blur has the requested width", "[effects][blur]") {
    // The spread (second moment) of a blurred impulse is σ² along each axis,
    // exactly for the three extended boxes (in 16-bit: rounding aside).
    for (double sigma : {1.0, 2.7, 8.0}) {
        INFO("sigma " << sigma);
        const int n = 121, c = 60;
        const Frame out =
            test::process(blur(), settings(Gaussian, sigma), impulse(n, 1, c, 0, 255));
        double sum = 0, second = 0;
        for (int x = 0; x < n; ++x) {
            sum += px(out, x, 0)[0];
            second += px(out, x, 0)[0] * double(x - c) * (x - c);
        }
        CHECK(sum == Approx(255).margin(n * 0.5));
        CHECK(std::sqrt(second / sum) == Approx(sigma).epsilon(0.05));
    }
}

TEST_CASE("gaussian blur is close to an exact gaussian", "[effects][blur]") {
    const Frame in = test::naturalFrame(160, 120);
    for (double sigma : {1.5, 4.0, 12.0}) {
        const double db = test::psnr(test::process(blur(), settings(Gaussian, sigma), in).view(),
                                     exactGaussian(in, sigma).view());
        INFO("sigma " << sigma << ": " << db << " dB");
        CHECK(db >= 40);
    }
}

TEST_CASE("directional blur streaks only along its angle", "[effects][blur]") {
    // Horizontal stripes survive a horizontal streak; vertical ones a vertical streak.
    Frame rows(24, 24), cols(24, 24);
    for (int y = 0; y < 24; ++y)
        for (int x = 0; x < 24; ++x) {
            const std::uint8_t a = (y % 3 == 0) ? 250 : 10, b = (x % 3 == 0) ? 250 : 10;
            std::uint8_t* p = rows.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = a, p[3] = 255;
            std::uint8_t* q = cols.view().row(y) + 4 * x;
            q[0] = q[1] = q[2] = b, q[3] = 255;
        }
    CHECK(test::samePixels(test::process(blur(), settings(Directional, 0, 0, 11), rows).view(),
                           rows.view()));
    CHECK(test::samePixels(test::process(blur(), settings(Directional, 0, 180, 11), rows).view(),
                           rows.view()));
    CHECK(test::samePixels(test::process(blur(), settings(Directional, 0, 90, 11), cols).view(),
                           cols.view()));
    CHECK_FALSE(test::samePixels(
        test::process(blur(), settings(Directional, 0, 0, 11), cols).view(), cols.view()));

    // At 45° an impulse becomes a diagonal line going up to the right: 2·3 + 1 taps
    // (length 6·√2·2 → 3 px each side along x).
    const Frame out = test::process(blur(), settings(Directional, 0, 45, 6 * std::sqrt(2.0)),
                                    impulse(15, 15, 7, 7, 210));
    for (int y = 0; y < 15; ++y)
        for (int x = 0; x < 15; ++x) {
            INFO(x << "," << y);
            const bool onLine = (x - 7) == -(y - 7) && std::abs(x - 7) <= 3;
            CHECK(int(px(out, x, y)[0]) == (onLine ? 30 : 0));
        }
}

TEST_CASE("blur does not bleed the colour of transparent pixels", "[effects][blur]") {
    // Left half opaque red, right half fully transparent green.
    Frame in(40, 10);
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 40; ++x) {
            std::uint8_t* p = in.view().row(y) + 4 * x;
            if (x < 20)
                p[0] = 255, p[1] = 0, p[2] = 0, p[3] = 255;
            else
                p[0] = 0, p[1] = 255, p[2] = 0, p[3] = 0;
        }
    for (int mode : {Gaussian, Box, Directional}) {
        const Frame out = test::process(blur(), settings(mode, 6, 0, 14), in);
        INFO("mode " << mode);
        CHECK(int(px(out, 21, 5)[3]) > 0);
        CHECK(int(px(out, 21, 5)[3]) < 255);
        for (int x = 0; x < 40; ++x) {
            const std::uint8_t* p = px(out, x, 5);
            if (p[3] == 0) continue;
            CHECK(int(p[0]) == 255);
            CHECK(int(p[1]) == 0);
        }
    }
}

TEST_CASE("blur radius follows the render scale", "[effects][blur]") {
    const Frame in = test::syntheticFrame(48, 32, 0);
    for (int mode : {Gaussian, Box, Directional}) {
        INFO("mode " << mode);
        CHECK(test::samePixels(
            test::process(blur(), settings(mode, 6, 20, 12), in, nullptr, 0, 1, 0.5).view(),
            test::process(blur(), settings(mode, 3, 20, 6), in).view()));
    }
}
