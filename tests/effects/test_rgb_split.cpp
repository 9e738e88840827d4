#include <catch2/catch.hpp>

#include <cmath>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& split() {
    return *EffectRegistry::builtin().find("fx.rgb_split");
}

// Red ramps across, blue ramps down, green and alpha vary per pixel.
Frame ramps(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = static_cast<std::uint8_t>(4 * x);
            p[1] = static_cast<std::uint8_t>(x * 7 + y * 3);
            p[2] = static_cast<std::uint8_t>(5 * y);
            p[3] = static_cast<std::uint8_t>(200 + (x + y) % 50);
        }
    return f;
}
} // namespace

TEST_CASE("rgb_split amount 0 is the identity at any centre", "[effects][rgb_split]") {
    const Frame in = test::syntheticFrame(37, 23, 1);
    ParamValues p(split().params);
    p.setNumber("amount", 0);
    for (double c : {0.5, 0.13, 0.91}) {
        p.set("centre", {c, 1 - c, 0, 0});
        CHECK(test::samePixels(test::process(split(), p, in).view(), in.view()));
    }
}

TEST_CASE("rgb_split scales red out and blue in about the centre", "[effects][rgb_split]") {
    const int w = 60, h = 50;
    const Frame in = ramps(w, h);
    ParamValues p(split().params);
    p.setNumber("amount", 10);
    const Frame out = test::process(split(), p, in);
    const double reach = std::hypot(30.0, 25.0);
    const double kr = (reach + 10) / reach, kb = (reach - 10) / reach;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            INFO(x << "," << y);
            const std::uint8_t* s = in.view().row(y) + 4 * x;
            const std::uint8_t* d = out.view().row(y) + 4 * x;
            CHECK(d[1] == s[1]);
            CHECK(d[3] == s[3]);
            // Red is 4·x: the sample is 4 · (source column), clamped at the edges.
            const double rx = std::clamp(30 + (x + 0.5 - 30) / kr - 0.5, 0.0, w - 1.0);
            CHECK(std::abs(d[0] - 4 * rx) <= 1.0);
            const double by = std::clamp(25 + (y + 0.5 - 25) / kb - 0.5, 0.0, h - 1.0);
            CHECK(std::abs(d[2] - 5 * by) <= 1.0);
        }
}

TEST_CASE("rgb_split amount follows the render scale", "[effects][rgb_split]") {
    const Frame in = test::syntheticFrame(40, 30, 0);
    ParamValues p(split().params);
    p.setNumber("amount", 12);
    const Frame half = test::process(split(), p, in, nullptr, 0, 1, 0.5);
    p.setNumber("amount", 6);
    CHECK(test::samePixels(half.view(), test::process(split(), p, in).view()));
}
