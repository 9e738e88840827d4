#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <numbers>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& wave() {
    return *EffectRegistry::builtin().find("fx.wave_distort");
}

ParamValues still(int direction, double amplitude, double wavelength) {
    ParamValues p(wave().params);
    p.setNumber("direction", direction);
    p.setNumber("amplitude", amplitude);
    p.setNumber("wavelength", wavelength);
    p.setNumber("speed", 0);
    return p;
}

// Grey ramp along x (or y): a displacement shows directly in the values.
Frame ramp(int w, int h, bool alongY) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = static_cast<std::uint8_t>(3 * (alongY ? y : x));
            p[3] = 255;
        }
    return f;
}

Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c)
                f.view().row(y)[4 * x + c] = static_cast<std::uint8_t>(x + 16 * y + 50 * c);
    return f;
}
} // namespace

TEST_CASE("wave_distort slides rows (or columns) by a sine of their position",
          "[effects][wave_distort]") {
    const int w = 80, h = 80;
    for (int direction : {0, 1}) {
        INFO("direction " << direction);
        const Frame in = ramp(w, h, direction == 1);
        const Frame out = test::process(wave(), still(direction, 6, 40), in);
        for (int y = 0; y < h; ++y)
            for (int x = 10; x < w - 10; ++x) {
                const int along = direction == 0 ? x : y, across = direction == 0 ? y : x;
                if (along < 10 || along >= 70) continue;
                const double off = 6 * std::sin(2 * std::numbers::pi * across / 40.0);
                INFO(x << "," << y);
                CHECK(std::abs(out.view().row(y)[4 * x] - 3 * (along - off)) <= 1.0);
            }
    }
}

TEST_CASE("wave_distort amplitude 0 is the identity in every direction",
          "[effects][wave_distort]") {
    const Frame in = test::naturalFrame(37, 23);
    for (int direction : {0, 1, 2})
        CHECK(
            test::samePixels(test::process(wave(), still(direction, 0, 50), in).view(), in.view()));
}

TEST_CASE("wave_distort edges: clamp repeats, wrap rotates, mirror reflects",
          "[effects][wave_distort]") {
    // Wavelength 4, phase 90°: rows 0, 1, 2, 3 slide by +5, 0, −5, 0 whole pixels.
    const int w = 12, h = 4;
    const Frame in = coded(w, h);
    ParamValues p = still(0, 5, 4);
    p.setNumber("phase", 90);
    const auto source = [&](int x, int edge) {
        if (edge == 0) return std::clamp(x, 0, w - 1);
        if (edge == 1) return (x + w) % w;
        const int r = (x + 2 * w) % (2 * w);
        return r < w ? r : 2 * w - 1 - r;
    };
    for (int edge : {0, 1, 2}) {
        p.setNumber("edge", edge);
        const Frame out = test::process(wave(), p, in);
        for (int x = 0; x < w; ++x) {
            INFO("edge " << edge << " x " << x);
            CHECK(std::memcmp(out.view().row(0) + 4 * x, in.view().row(0) + 4 * source(x - 5, edge),
                              4) == 0);
            CHECK(std::memcmp(out.view().row(1) + 4 * x, in.view().row(1) + 4 * x, 4) == 0);
            CHECK(std::memcmp(out.view().row(2) + 4 * x, in.view().row(2) + 4 * source(x + 5, edge),
                              4) == 0);
        }
    }
}

TEST_CASE("wave_distort travels with time: speed × seconds adds to the phase",
          "[effects][wave_distort]") {
    const Frame in = test::naturalFrame(40, 30);
    ParamValues moving = still(2, 4, 20);
    moving.setNumber("speed", 1); // one cycle per second: half a cycle at frame 15 of 30 fps
    ParamValues shifted = still(2, 4, 20);
    shifted.setNumber("phase", 180);
    const Frame later = test::process(wave(), moving, in, nullptr, 15);
    CHECK(test::samePixels(later.view(), test::process(wave(), shifted, in).view()));
    CHECK_FALSE(
        test::samePixels(later.view(), test::process(wave(), moving, in, nullptr, 0).view()));
}
