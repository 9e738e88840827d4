#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& bands() {
    return *EffectRegistry::builtin().find("fx.invert_bands");
}

ParamValues alternating(int orientation, double band) {
    ParamValues p(bands().params);
    p.setNumber("orientation", orientation);
    p.setNumber("pattern", 0);
    p.setNumber("band", band);
    return p;
}

// 1 when pixel (x, y) of out is the negative of in on R, G, B (alpha kept),
// 0 when it is unchanged, -1 otherwise.
int state(const Frame& in, const Frame& out, int x, int y) {
    const std::uint8_t* a = in.view().row(y) + 4 * x;
    const std::uint8_t* b = out.view().row(y) + 4 * x;
    if (a[3] != b[3]) return -1;
    if (a[0] == b[0] && a[1] == b[1] && a[2] == b[2]) return 0;
    if (b[0] == 255 - a[0] && b[1] == 255 - a[1] && b[2] == 255 - a[2]) return 1;
    return -1;
}
} // namespace

TEST_CASE("invert_bands alternating: every other band of rows or columns is a negative",
          "[effects][invert_bands]") {
    const Frame in = test::syntheticFrame(13, 11, 0);
    const Frame rows = test::process(bands(), alternating(0, 2), in);
    const Frame cols = test::process(bands(), alternating(1, 3), in);
    for (int y = 0; y < 11; ++y)
        for (int x = 0; x < 13; ++x) {
            INFO(x << "," << y);
            CHECK(state(in, rows, x, y) == (y / 2) % 2);
            CHECK(state(in, cols, x, y) == (x / 3) % 2);
        }
}

TEST_CASE("invert_bands scroll moves the bands with the frame index, channels are chosen",
          "[effects][invert_bands]") {
    const Frame in = test::syntheticFrame(6, 12, 0);
    ParamValues p = alternating(0, 3);
    p.setNumber("scroll", 2);
    const Frame out = test::process(bands(), p, in, nullptr, 4); // moved down 8 px
    for (int y = 0; y < 12; ++y) {
        const int band = (y - 8 + 30) / 3 - 10; // floor((y − 8) / 3)
        CHECK(state(in, out, 0, y) == (band & 1));
    }
    p.setNumber("scroll", 0);
    p.setNumber("red", 0);
    p.setNumber("blue", 0);
    const Frame green = test::process(bands(), p, in);
    for (int y = 0; y < 12; ++y) {
        const std::uint8_t* a = in.view().row(y);
        const std::uint8_t* b = green.view().row(y);
        const bool inverted = (y / 3) % 2 == 1;
        CHECK(b[0] == a[0]);
        CHECK(b[1] == (inverted ? 255 - a[1] : a[1]));
        CHECK(b[2] == a[2]);
    }
}

TEST_CASE("invert_bands seeded: whole bands, a share set by the probability, new each frame",
          "[effects][invert_bands]") {
    const Frame in = test::naturalFrame(20, 400);
    ParamValues p(bands().params);
    p.setNumber("pattern", 1);
    p.setNumber("band", 4);
    p.setNumber("probability", 0.5);
    const Frame out = test::process(bands(), p, in, nullptr, 0, 11);
    int inverted = 0;
    for (int b = 0; b < 100; ++b) {
        const int s = state(in, out, 0, 4 * b);
        REQUIRE(s >= 0);
        for (int y = 4 * b; y < 4 * b + 4; ++y)
            for (int x = 0; x < 20; ++x)
                CHECK(state(in, out, x, y) == s);
        inverted += s;
    }
    CHECK(inverted > 30);
    CHECK(inverted < 70);
    CHECK_FALSE(test::samePixels(test::process(bands(), p, in, nullptr, 1, 12).view(), out.view()));
    p.setNumber("probability", 1);
    const Frame all = test::process(bands(), p, in);
    for (int y = 0; y < 400; y += 37)
        CHECK(state(in, all, 3, y) == 1);
}
