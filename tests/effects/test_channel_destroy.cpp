#include <catch2/catch.hpp>

#include <set>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& destroy() {
    return *EffectRegistry::builtin().find("fx.channel_destroy");
}

enum { Keep, Zero, Full, Red, Green, Blue, Noise, Threshold };

ParamValues ops(int r, int g, int b) {
    ParamValues p(destroy().params);
    p.setNumber("red", r);
    p.setNumber("green", g);
    p.setNumber("blue", b);
    return p;
}

std::array<int, 4> pixel(const Frame& f, int x = 0, int y = 0) {
    const std::uint8_t* p = f.view().row(y) + 4 * x;
    return {p[0], p[1], p[2], p[3]};
}
} // namespace

TEST_CASE("channel_destroy: zero, full, copies and swaps of one pixel's channels",
          "[effects][channel_destroy]") {
    Frame in(1, 1);
    in.fill(10, 100, 200, 77);
    CHECK(pixel(test::process(destroy(), ops(Blue, Zero, Full), in)) ==
          std::array{200, 0, 255, 77});
    CHECK(pixel(test::process(destroy(), ops(Green, Red, Keep), in)) ==
          std::array{100, 10, 200, 77});
    CHECK(pixel(test::process(destroy(), ops(Keep, Keep, Keep), in)) ==
          std::array{10, 100, 200, 77});
}

TEST_CASE("channel_destroy threshold splits at the level, per channel",
          "[effects][channel_destroy]") {
    Frame in(2, 1);
    in.fill(127, 128, 0, 255);
    std::uint8_t* second = in.view().row(0) + 4;
    second[0] = 255, second[1] = 20, second[2] = 129;
    ParamValues p = ops(Threshold, Threshold, Threshold);
    p.setNumber("threshold", 0.5); // level 128
    const Frame out = test::process(destroy(), p, in);
    CHECK(pixel(out, 0) == std::array{0, 255, 0, 255});
    CHECK(pixel(out, 1) == std::array{255, 0, 255, 255});
}

TEST_CASE("channel_destroy noise: one value per cell and channel, new every frame",
          "[effects][channel_destroy]") {
    Frame in(64, 64);
    in.fill(50, 60, 70, 255);
    ParamValues p = ops(Noise, Keep, Noise);
    p.setNumber("noise_size", 4);
    const Frame out = test::process(destroy(), p, in, nullptr, 0, 21);
    std::set<int> reds;
    long sum = 0;
    int sameRedBlue = 0;
    for (int cy = 0; cy < 16; ++cy)
        for (int cx = 0; cx < 16; ++cx) {
            const auto first = pixel(out, 4 * cx, 4 * cy);
            for (int y = 4 * cy; y < 4 * cy + 4; ++y)
                for (int x = 4 * cx; x < 4 * cx + 4; ++x)
                    CHECK(pixel(out, x, y) == first);
            CHECK(first[1] == 60);
            reds.insert(first[0]);
            sum += first[0];
            sameRedBlue += first[0] == first[2];
        }
    CHECK(reds.size() > 150);              // 256 cells, 256 possible values
    CHECK(std::abs(sum / 256 - 127) < 20); // uniform bytes
    CHECK(sameRedBlue < 10);               // red and blue draw different bytes
    CHECK_FALSE(
        test::samePixels(test::process(destroy(), p, in, nullptr, 1, 22).view(), out.view()));
}
