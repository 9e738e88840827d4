#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& annihilate() {
    return *EffectRegistry::builtin().find("fx.pixel_annihilate");
}

ParamValues certain(int select, int replace, double block = 1) {
    ParamValues p(annihilate().params);
    p.setNumber("select", select);
    p.setNumber("replace", replace);
    p.setNumber("probability", 1);
    p.setNumber("block", block);
    return p;
}

// Left half grey 60, right half grey 200; alpha 90.
Frame halves(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = x < w / 2 ? 60 : 200;
            p[3] = 90;
        }
    return f;
}

bool pixelIs(const Frame& f, int x, int y, int r, int g, int b, int a) {
    const std::uint8_t* p = f.view().row(y) + 4 * x;
    return p[0] == r && p[1] == g && p[2] == b && p[3] == a;
}
} // namespace

TEST_CASE("pixel_annihilate bright / dark select by luma against the threshold",
          "[effects][pixel_annihilate]") {
    const Frame in = halves(8, 3);
    ParamValues bright = certain(1, 0);
    bright.setNumber("threshold", 0.5);
    ParamValues dark = certain(2, 1);
    dark.setNumber("threshold", 0.5);
    const Frame b = test::process(annihilate(), bright, in);
    const Frame d = test::process(annihilate(), dark, in);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 8; ++x) {
            INFO(x << "," << y);
            CHECK(pixelIs(b, x, y, x < 4 ? 60 : 0, x < 4 ? 60 : 0, x < 4 ? 60 : 0, 90));
            CHECK(pixelIs(d, x, y, x < 4 ? 255 : 200, x < 4 ? 255 : 200, x < 4 ? 255 : 200, 90));
        }
}

TEST_CASE("pixel_annihilate judges a block by its mean and kills it whole",
          "[effects][pixel_annihilate]") {
    // 4×4 blocks straddling the halves of a 12-wide frame: block 0 all dark,
    // block 1 half (mean 130: bright at 0.5), block 2 all bright.
    Frame in = halves(12, 4);
    for (int y = 0; y < 4; ++y)
        for (int x = 4; x < 8; ++x) {
            std::uint8_t* p = in.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = x < 6 ? 60 : 200;
        }
    ParamValues p = certain(1, 2, 4);
    p.setNumber("threshold", 0.5);
    p.set("color", {0.2, 0.4, 1.0, 1.0});
    const Frame out = test::process(annihilate(), p, in);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 12; ++x) {
            INFO(x << "," << y);
            if (x < 4)
                CHECK(pixelIs(out, x, y, 60, 60, 60, 90));
            else
                CHECK(pixelIs(out, x, y, 51, 102, 255, 90));
        }
}

TEST_CASE("pixel_annihilate replacements: white, dropped channels, transparency",
          "[effects][pixel_annihilate]") {
    Frame in(2, 1);
    in.fill(10, 120, 230, 200);
    const auto first = [&](int replace) {
        return test::process(annihilate(), certain(0, replace), in);
    };
    CHECK(pixelIs(first(1), 0, 0, 255, 255, 255, 200));
    CHECK(pixelIs(first(3), 1, 0, 0, 120, 230, 200));
    CHECK(pixelIs(first(4), 0, 0, 10, 0, 230, 200));
    CHECK(pixelIs(first(5), 1, 0, 10, 120, 0, 200));
    CHECK(pixelIs(first(6), 0, 0, 10, 120, 230, 0));
}

TEST_CASE("pixel_annihilate random: whole blocks, a share set by the probability, new each frame",
          "[effects][pixel_annihilate]") {
    Frame in(60, 60);
    in.fill(100, 150, 200, 255);
    ParamValues p = certain(0, 0, 3);
    p.setNumber("probability", 0.3);
    const Frame out = test::process(annihilate(), p, in, nullptr, 0, 5);
    int dead = 0;
    for (int by = 0; by < 20; ++by)
        for (int bx = 0; bx < 20; ++bx) {
            const bool d = pixelIs(out, 3 * bx, 3 * by, 0, 0, 0, 255);
            for (int y = 3 * by; y < 3 * by + 3; ++y)
                for (int x = 3 * bx; x < 3 * bx + 3; ++x)
                    CHECK(pixelIs(out, x, y, d ? 0 : 100, d ? 0 : 150, d ? 0 : 200, 255));
            dead += d;
        }
    CHECK(dead > 80); // of 400, expected 120
    CHECK(dead < 160);
    CHECK_FALSE(
        test::samePixels(test::process(annihilate(), p, in, nullptr, 1, 6).view(), out.view()));
}
