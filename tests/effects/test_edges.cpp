#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& edges() {
    return *EffectRegistry::builtin().find("fx.edges");
}
const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}

// Left half black, right half a colour: one vertical edge between x = 4 and 5.
Frame step(int w, int h) {
    Frame f(w, h);
    f.fill(0, 0, 0, 200);
    for (int y = 0; y < h; ++y)
        for (int x = w / 2; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = 255, p[1] = 128, p[2] = 0;
        }
    return f;
}
} // namespace

TEST_CASE("edges only: a flat frame is black, a step is a line two pixels wide",
          "[effects][edges]") {
    ParamValues p(edges().params);
    p.setNumber("mode", 2);
    p.set("color", {1, 1, 1, 1});
    p.setNumber("threshold", 0);
    p.setNumber("gain", 1);
    Frame flat(6, 5);
    flat.fill(90, 40, 200, 255);
    const Frame none = test::process(edges(), p, flat);
    for (int y = 0; y < 5; ++y)
        for (int x = 0; x < 6; ++x)
            CHECK(px(none, x, y)[1] == 0);

    const Frame in = step(10, 6);
    const Frame out = test::process(edges(), p, in);
    // Luma of (255, 128, 0) is 146; Sobel gx = 4·146 beside the step: magnitude 146/255.
    const int expect = static_cast<int>(std::lround(146.0 / 255 * 256)) * 255 / 256;
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 10; ++x) {
            INFO(x << "," << y);
            const int v = px(out, x, y)[0];
            if (x == 4 || x == 5)
                CHECK(std::abs(v - expect) <= 1);
            else
                CHECK(v == 0);
            CHECK(px(out, x, y)[3] == 200);
        }
}

TEST_CASE("edges neon takes the pixel's colour, overlay keeps the picture off the edges",
          "[effects][edges]") {
    const Frame in = step(10, 4);
    ParamValues p(edges().params);
    p.setNumber("mode", 1);
    p.setNumber("threshold", 0);
    p.setNumber("gain", 5); // saturates
    Frame out = test::process(edges(), p, in);
    CHECK(px(out, 5, 1)[0] == 255); // the orange side: its own colour at full brightness
    CHECK(px(out, 5, 1)[1] == 128);
    CHECK(px(out, 5, 1)[2] == 0);
    CHECK(px(out, 4, 1)[0] == 255); // the black side: white
    CHECK(px(out, 4, 1)[2] == 255);
    CHECK(px(out, 8, 1)[0] == 0); // off the edge: black

    p.setNumber("mode", 0);
    out = test::process(edges(), p, in);
    for (int x : {0, 1, 2, 7, 8, 9})
        for (int k = 0; k < 4; ++k)
            CHECK(px(out, x, 2)[k] == px(in, x, 2)[k]);
    CHECK(px(out, 4, 2)[1] == 255); // screened with the default colour's full green
}

TEST_CASE("edges threshold removes weak edges", "[effects][edges]") {
    Frame in(8, 4);
    in.fill(100, 100, 100, 255);
    for (int y = 0; y < 4; ++y)
        for (int x = 4; x < 8; ++x) {
            std::uint8_t* p = in.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = 110; // a 10-level step: magnitude 10/255 ≈ 0.04
        }
    ParamValues p(edges().params);
    p.setNumber("mode", 2);
    p.setNumber("threshold", 0.05);
    CHECK(px(test::process(edges(), p, in), 4, 1)[1] == 0);
    p.setNumber("threshold", 0.02);
    CHECK(px(test::process(edges(), p, in), 4, 1)[1] > 0);
}
