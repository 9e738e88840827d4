#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& emboss() {
    return *EffectRegistry::builtin().find("fx.emboss");
}
const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}

ParamValues settings(double angle, double strength, double height, int mode = 0) {
    ParamValues p(emboss().params);
    p.setNumber("angle", angle);
    p.setNumber("strength", strength);
    p.setNumber("height", height);
    p.setNumber("mode", mode);
    return p;
}

// Left half one grey, right half another: a vertical step between x = 5 and 6.
Frame step(int left, int right, int w = 12, int h = 6) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = static_cast<std::uint8_t>(x < w / 2 ? left : right);
            p[3] = 180;
        }
    return f;
}
} // namespace

TEST_CASE("emboss: flat areas are mid grey, or their own colour when tinted", "[effects][emboss]") {
    Frame flat(9, 7);
    flat.fill(200, 60, 30, 140);
    const Frame grey = test::process(emboss(), settings(135, 3, 2), flat);
    const Frame tinted = test::process(emboss(), settings(135, 3, 2, 1), flat);
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 9; ++x) {
            CHECK(px(grey, x, y)[0] == 128);
            CHECK(px(grey, x, y)[2] == 128);
            CHECK(px(grey, x, y)[3] == 140);
            for (int c = 0; c < 4; ++c)
                CHECK(px(tinted, x, y)[c] == px(flat, x, y)[c]);
        }
}

TEST_CASE("emboss: a step lit from its low side shines, from its high side is shaded",
          "[effects][emboss]") {
    // Black to white: Sobel gives a full step on the two columns beside it;
    // at strength 0.5 that is 128 ± 63.75.
    const Frame in = step(0, 255);
    const Frame fromLeft = test::process(emboss(), settings(180, 0.5, 1), in);
    const Frame fromRight = test::process(emboss(), settings(0, 0.5, 1), in);
    const Frame fromAbove = test::process(emboss(), settings(90, 0.5, 1), in);
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 12; ++x) {
            INFO(x << "," << y);
            const bool edge = x == 5 || x == 6;
            CHECK(px(fromLeft, x, y)[1] == (edge ? 192 : 128));
            CHECK(px(fromRight, x, y)[1] == (edge ? 64 : 128));
            CHECK(px(fromAbove, x, y)[1] == 128); // light along the edge: no relief
            CHECK(px(fromLeft, x, y)[3] == 180);
        }
}

TEST_CASE("emboss: a greater height gives broader relief, in render-scaled pixels",
          "[effects][emboss]") {
    const Frame in = step(40, 220, 20, 8);
    auto litColumns = [](const Frame& f) {
        int n = 0;
        for (int x = 0; x < f.width(); ++x)
            n += px(f, x, 4)[0] != 128;
        return n;
    };
    CHECK(litColumns(test::process(emboss(), settings(180, 3, 1), in)) == 2);
    CHECK(litColumns(test::process(emboss(), settings(180, 3, 3), in)) == 6);
    CHECK(litColumns(test::process(emboss(), settings(180, 3, 6), in)) == 12); // prefix-sum path
    CHECK(test::samePixels(
        test::process(emboss(), settings(150, 3, 6), in, nullptr, 0, 1, 0.5).view(),
        test::process(emboss(), settings(150, 3, 3), in).view()));
}

TEST_CASE("emboss tinted: the picture's colours lit by the relief", "[effects][emboss]") {
    const Frame in = step(60, 160);
    const Frame out = test::process(emboss(), settings(180, 0.5, 1, 1), in);
    // Beside the step, lit from the left: brighter than the picture, hue kept.
    CHECK(px(out, 5, 2)[0] > px(in, 5, 2)[0]);
    CHECK(px(out, 6, 2)[0] > px(in, 6, 2)[0]);
    CHECK(px(out, 6, 2)[0] == px(out, 6, 2)[1]);
    const Frame shaded = test::process(emboss(), settings(0, 0.5, 1, 1), in);
    CHECK(px(shaded, 5, 2)[0] < px(in, 5, 2)[0]);
    CHECK(px(out, 2, 2)[0] == 60); // flat: untouched
}
