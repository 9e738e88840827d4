#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& dither() {
    return *EffectRegistry::builtin().find("fx.dither");
}
const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}

enum { Bayer2, Bayer4, Bayer8, FloydSteinberg, Atkinson, SierraLite };
enum { Levels, Mono, Handheld, Cga, Console16 };

ParamValues settings(int method, int palette, int levels = 3, double pixel = 1,
                     double strength = 1) {
    ParamValues p(dither().params);
    p.setNumber("method", method);
    p.setNumber("palette", palette);
    p.setNumber("levels", levels);
    p.setNumber("pixel_size", pixel);
    p.setNumber("strength", strength);
    return p;
}

Frame flat(int w, int h, int v) {
    Frame f(w, h);
    f.fill(static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v),
           255);
    return f;
}

int packed(const std::uint8_t* p) {
    return (p[0] << 16) | (p[1] << 8) | p[2];
}

std::set<int> coloursOf(const Frame& f) {
    std::set<int> s;
    for (int y = 0; y < f.height(); ++y)
        for (int x = 0; x < f.width(); ++x)
            s.insert(packed(px(f, x, y)));
    return s;
}

double whiteShare(const Frame& f) {
    int n = 0;
    for (int y = 0; y < f.height(); ++y)
        for (int x = 0; x < f.width(); ++x)
            n += px(f, x, y)[0] == 255;
    return static_cast<double>(n) / (f.width() * f.height());
}
} // namespace

TEST_CASE("dither output holds only palette colours, by every method", "[effects][dither]") {
    const std::set<int> cga{0x000000, 0x55ffff, 0xff55ff, 0xffffff};
    const std::set<int> handheld{0x162e1a, 0x3a6032, 0x7ea03c, 0xc4d87a};
    const Frame in = test::naturalFrame(90, 70);
    for (int method = 0; method <= SierraLite; ++method) {
        INFO("method " << method);
        for (int c : coloursOf(test::process(dither(), settings(method, Levels, 3), in)))
            for (int shift : {0, 8, 16}) {
                const int v = (c >> shift) & 255;
                CHECK((v == 0 || v == 128 || v == 255));
            }
        CHECK(coloursOf(test::process(dither(), settings(method, Mono), in)) ==
              std::set<int>{0, 0xffffff});
        const std::set<int> gb = coloursOf(test::process(dither(), settings(method, Handheld), in));
        CHECK(std::includes(handheld.begin(), handheld.end(), gb.begin(), gb.end()));
        CHECK(gb.size() >= 3);
        const std::set<int> four = coloursOf(test::process(dither(), settings(method, Cga), in));
        CHECK(std::includes(cga.begin(), cga.end(), four.begin(), four.end()));
        CHECK(coloursOf(test::process(dither(), settings(method, Console16), in)).size() > 4);
    }
}

TEST_CASE("dither at strength 0 is plain quantisation (fx.posterize's levels)",
          "[effects][dither]") {
    const EffectDescriptor& poster = *EffectRegistry::builtin().find("fx.posterize");
    ParamValues q(poster.params);
    q.setNumber("levels", 4);
    const Frame in = test::naturalFrame(60, 40);
    const Frame expected = test::process(poster, q, in);
    CHECK(test::samePixels(test::process(dither(), settings(Bayer8, Levels, 4, 1, 0), in).view(),
                           expected.view()));
    CHECK(test::samePixels(
        test::process(dither(), settings(FloydSteinberg, Levels, 4, 1, 0), in).view(),
        expected.view()));
    // Tones: black and white map to the ends of the handheld's greens.
    const Frame dark = test::process(dither(), settings(Bayer4, Handheld, 3, 1, 0), flat(4, 4, 0));
    CHECK(packed(px(dark, 1, 1)) == 0x162e1a);
    const Frame light =
        test::process(dither(), settings(FloydSteinberg, Handheld, 3, 1, 0), flat(4, 4, 255));
    CHECK(packed(px(light, 1, 1)) == 0xc4d87a);
}

TEST_CASE("dither Bayer 4x4: a flat grey becomes a fixed pattern of its share of white",
          "[effects][dither]") {
    const Frame out = test::process(dither(), settings(Bayer4, Mono), flat(16, 12, 100));
    for (int ty = 0; ty < 12; ty += 4)
        for (int tx = 0; tx < 16; tx += 4) {
            int white = 0;
            for (int y = 0; y < 4; ++y)
                for (int x = 0; x < 4; ++x) {
                    white += px(out, tx + x, ty + y)[0] == 255;
                    CHECK(px(out, tx + x, ty + y)[0] == px(out, x, y)[0]); // period 4
                }
            CHECK(white == 6); // thresholds above 128 − 100 in a 16-step matrix
        }
}

TEST_CASE("dither error diffusion keeps the mean, Atkinson drops dark detail",
          "[effects][dither]") {
    const Frame fs = test::process(dither(), settings(FloydSteinberg, Mono), flat(128, 128, 100));
    CHECK(std::abs(whiteShare(fs) - 100.0 / 255) < 0.01);
    const Frame sierra = test::process(dither(), settings(SierraLite, Mono), flat(128, 128, 100));
    CHECK(std::abs(whiteShare(sierra) - 100.0 / 255) < 0.01);
    // Atkinson passes on only 6/8 of the error: a dark grey never builds up
    // enough to print a white dot, where Floyd–Steinberg prints 20/255 of them.
    CHECK(whiteShare(test::process(dither(), settings(Atkinson, Mono), flat(64, 64, 20))) == 0);
    CHECK(std::abs(whiteShare(
                       test::process(dither(), settings(FloydSteinberg, Mono), flat(64, 64, 20))) -
                   20.0 / 255) < 0.01);
}

TEST_CASE("dither error diffusion does not depend on the row split, across bands",
          "[effects][dither]") {
    const test::TwoThreadRows two;
    for (int method : {FloydSteinberg, Atkinson}) {
        const ParamValues p = settings(method, Console16, 3, 1);
        CHECK(test::samePixels(test::runEffect(dither(), p, 41, 300).view(),
                               test::runEffect(dither(), p, 41, 300, {.rows = &two}).view()));
    }
}

TEST_CASE("dither error diffusion bands start warm, not from scratch", "[effects][dither]") {
    // Diffusion restarts with no error every 128 rows (so bands can run on
    // any thread) but first diffuses the 16 rows above each band: on a flat
    // grey, row 128 then continues like row 16 (16 rows after a start), where
    // a cold restart would repeat row 0 and print a seam.
    const Frame out = test::process(dither(), settings(FloydSteinberg, Mono), flat(64, 200, 100));
    const auto row = [&](int y) {
        return std::vector<std::uint8_t>(out.view().row(y), out.view().row(y) + 4 * 64);
    };
    CHECK(row(128) == row(16));
    CHECK(row(128) != row(0));
}

TEST_CASE("dither pixel size: whole blocks from the top-left corner, render-scaled",
          "[effects][dither]") {
    const Frame in = test::naturalFrame(37, 23);
    const Frame out = test::process(dither(), settings(FloydSteinberg, Levels, 2, 4), in);
    for (int y = 0; y < 23; ++y)
        for (int x = 0; x < 37; ++x) {
            INFO(x << "," << y);
            CHECK(packed(px(out, x, y)) == packed(px(out, x - x % 4, y - y % 4)));
            CHECK(px(out, x, y)[3] == px(in, x, y)[3]);
        }
    CHECK(test::samePixels(
        test::process(dither(), settings(Bayer2, Cga, 2, 8), in, nullptr, 0, 1, 0.5).view(),
        test::process(dither(), settings(Bayer2, Cga, 2, 4), in).view()));
}
