#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& tvStatic() {
    return *EffectRegistry::builtin().find("fx.tv_static");
}
const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}

// Static, roll and hold all off; tests turn on what they look at.
ParamValues quiet() {
    ParamValues p(tvStatic().params);
    p.setNumber("amount", 0);
    p.setNumber("roll", 0);
    p.setNumber("hold", 0);
    return p;
}

// Every column a different red, every row a different green: any move shows.
Frame coordinates(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = static_cast<std::uint8_t>(x), p[1] = static_cast<std::uint8_t>(y), p[2] = 77;
            p[3] = static_cast<std::uint8_t>(100 + x % 7);
        }
    return f;
}
} // namespace

TEST_CASE("tv_static with no static and a locked picture is the input", "[effects][tv_static]") {
    const Frame in = test::naturalFrame(50, 30);
    CHECK(test::samePixels(test::process(tvStatic(), quiet(), in, nullptr, 9).view(), in.view()));
}

TEST_CASE("tv_static full static hides the picture: grey snow with black and white specks, new "
          "every frame",
          "[effects][tv_static]") {
    ParamValues p = quiet();
    p.setNumber("amount", 1);
    p.setNumber("stretch", 1);
    const Frame a = test::process(tvStatic(), p, test::naturalFrame(120, 100), nullptr, 0, 5);
    const Frame b = test::process(tvStatic(), p, coordinates(120, 100), nullptr, 0, 5);
    double sum = 0;
    int black = 0, white = 0;
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 120; ++x) {
            const std::uint8_t* s = px(a, x, y);
            REQUIRE((s[0] == s[1] && s[1] == s[2]));
            REQUIRE(std::memcmp(s, px(b, x, y), 3) == 0); // the picture does not show through
            sum += s[0];
            black += s[0] == 0, white += s[0] == 255;
        }
    CHECK(std::abs(sum / 12000 - 127.5) < 2);
    CHECK(black > 200); // about 3 % each
    CHECK(white > 200);
    const Frame next = test::process(tvStatic(), p, test::naturalFrame(120, 100), nullptr, 0, 6);
    CHECK_FALSE(test::samePixels(a.view(), next.view()));

    p.setNumber("colour", 1);
    const Frame colour = test::process(tvStatic(), p, test::naturalFrame(120, 100), nullptr, 0, 5);
    int tinted = 0;
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 120; ++x)
            tinted += px(colour, x, y)[0] != px(colour, x, y)[1];
    CHECK(tinted > 11000);
}

TEST_CASE("tv_static grains are stretched along the line and scale with the render",
          "[effects][tv_static]") {
    ParamValues p = quiet();
    p.setNumber("amount", 1);
    p.setNumber("grain", 2);
    p.setNumber("stretch", 3);
    const Frame in = test::naturalFrame(60, 40);
    const Frame out = test::process(tvStatic(), p, in);
    int differentNeighbours = 0;
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 60; ++x) {
            // Grains are 6×2 pixels from the top-left corner.
            INFO(x << "," << y);
            CHECK(px(out, x, y)[0] == px(out, x - x % 6, y - y % 2)[0]);
            if (x % 6 == 0 && x > 0)
                differentNeighbours += px(out, x, y)[0] != px(out, x - 1, y)[0];
        }
    CHECK(differentNeighbours > 300); // of 360: neighbouring grains are independent draws
    p.setNumber("grain", 4);
    const Frame half = test::process(tvStatic(), p, in, nullptr, 0, 1, 0.5);
    p.setNumber("grain", 2);
    CHECK(
        test::samePixels(half.view(), test::process(tvStatic(), p, in, nullptr, 0, 1, 1.0).view()));
}

TEST_CASE("tv_static vertical roll moves the picture up with time, a black bar at the seam",
          "[effects][tv_static]") {
    ParamValues p = quiet();
    p.setNumber("roll", 1); // one screen a second: frame 15 at 30 fps is half a screen
    const Frame in = coordinates(20, 50);
    const Frame out = test::process(tvStatic(), p, in, nullptr, 15);
    for (int y = 0; y < 50; ++y) {
        const int source = (y + 25) % 50;
        const bool bar = source >= 46; // 8 % of 50 rows: the blanking interval
        for (int x = 0; x < 20; ++x) {
            INFO(x << "," << y);
            const std::uint8_t* o = px(out, x, y);
            if (bar) {
                CHECK((o[0] == 0 && o[1] == 0 && o[2] == 0));
            } else {
                CHECK(std::memcmp(o, px(in, x, source), 3) == 0);
            }
            CHECK(o[3] == px(in, x, y)[3]); // alpha stays where it was
        }
    }
    // At frame 0 nothing has rolled yet, but the bar is there (at the bottom).
    const Frame start = test::process(tvStatic(), p, in, nullptr, 0);
    CHECK(std::memcmp(px(start, 3, 10), px(in, 3, 10), 3) == 0);
    CHECK(px(start, 3, 48)[1] == 0);
}

TEST_CASE("tv_static horizontal hold slides whole rows, wrapped, differently each frame",
          "[effects][tv_static]") {
    ParamValues p = quiet();
    p.setNumber("hold", 20);
    const int w = 100, h = 60;
    const Frame in = coordinates(w, h);
    auto shifts = [&](std::uint64_t seed) {
        const Frame out = test::process(tvStatic(), p, in, nullptr, 0, seed);
        std::vector<int> k(h);
        for (int y = 0; y < h; ++y) {
            k[static_cast<std::size_t>(y)] = (w - px(out, 0, y)[0]) % w; // column 0 shows x = −k
            for (int x = 0; x < w; ++x) {
                INFO(x << "," << y);
                REQUIRE(std::memcmp(px(out, x, y),
                                    px(in, (x - k[static_cast<std::size_t>(y)] + w) % w, y),
                                    3) == 0);
            }
        }
        return k;
    };
    const std::vector<int> a = shifts(1), b = shifts(2);
    CHECK(a != b);
    int moved = 0;
    for (int k : a)
        moved += k != 0;
    CHECK(moved > 0);
}
