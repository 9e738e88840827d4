#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& transform() {
    return *EffectRegistry::builtin().find("util.transform");
}

enum { Transparent = 0, Clamp = 1, Wrap = 2, Mirror = 3 };

ParamValues settings(std::initializer_list<std::pair<const char*, double>> values,
                     PointF anchor = {0.5, 0.5}) {
    ParamValues p(transform().params);
    p.setNumber("scale", 100);
    p.set("anchor", {anchor.x, anchor.y, 0, 0});
    for (const auto& [k, v] : values)
        p.setNumber(k, v);
    return p;
}

// Every pixel distinct: (x·20, y·20, x + y, 255).
Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = static_cast<std::uint8_t>(x * 20), p[1] = static_cast<std::uint8_t>(y * 20);
            p[2] = static_cast<std::uint8_t>(x + y), p[3] = 255;
        }
    return f;
}

std::array<int, 4> at(const Frame& f, int x, int y) {
    const std::uint8_t* p = f.view().row(y) + 4 * x;
    return {p[0], p[1], p[2], p[3]};
}
} // namespace

TEST_CASE("transform with identity settings is exact", "[effects][transform]") {
    const Frame in = test::syntheticFrame(37, 23, 1); // translucent corner included
    for (int edge : {Transparent, Clamp, Wrap, Mirror}) {
        INFO("edge " << edge);
        CHECK(test::samePixels(test::process(transform(), settings({{"edge", edge}}), in).view(),
                               in.view()));
        CHECK(test::samePixels(
            test::process(transform(), settings({{"edge", edge}}, {0.1, 0.9}), in).view(),
            in.view()));
    }
}

TEST_CASE("transform moves by whole pixels with each edge mode", "[effects][transform]") {
    const Frame in = coded(8, 6);
    const auto moved = [&](int edge) {
        return test::process(transform(), settings({{"x", 3}, {"y", -2}, {"edge", edge}}), in);
    };
    const Frame t = moved(Transparent), c = moved(Clamp), w = moved(Wrap), m = moved(Mirror);
    CHECK(at(t, 5, 1) == at(in, 2, 3));
    CHECK(at(t, 1, 1) == std::array<int, 4>{0, 0, 0, 0}); // uncovered: transparent
    CHECK(at(t, 5, 4) == std::array<int, 4>{0, 0, 0, 0});
    CHECK(at(c, 1, 1) == at(in, 0, 3));
    CHECK(at(c, 5, 5) == at(in, 2, 5));
    CHECK(at(w, 1, 1) == at(in, 6, 3));
    CHECK(at(w, 5, 5) == at(in, 2, 1));
    CHECK(at(m, 1, 1) == at(in, 1, 3)); // source x -2 reflects to 1
    CHECK(at(m, 0, 5) == at(in, 2, 4)); // source (-3, 7) reflects to (2, 4)
}

TEST_CASE("transform rotates counter-clockwise about the anchor", "[effects][transform]") {
    const Frame in = coded(5, 5);
    const Frame out = test::process(transform(), settings({{"rotation", 90}}), in);
    for (int y = 0; y < 5; ++y)
        for (int x = 0; x < 5; ++x) {
            INFO(x << "," << y);
            CHECK(at(out, x, y) == at(in, 4 - y, x)); // what was right of centre is now above it
        }
}

TEST_CASE("transform scales with bilinear sampling and premultiplied edges",
          "[effects][transform]") {
    const Frame in = coded(8, 8);
    // 200 % about the top-left corner: output (1, 1) samples source (0.25, 0.25) between four
    // pixels.
    const Frame zoom = test::process(transform(), settings({{"scale", 200}}, {0, 0}), in);
    const auto z = at(zoom, 1, 1);
    CHECK(z[0] == 5); // x·20 at x = 0.25
    CHECK(z[1] == 5);
    CHECK(z[3] == 255);
    // Rotating an opaque red square: edge pixels fade in alpha but stay pure red.
    Frame red(21, 21);
    red.fill(255, 0, 0, 255);
    const Frame turned =
        test::process(transform(), settings({{"rotation", 30}, {"scale", 70}}), red);
    int partial = 0;
    for (int y = 0; y < 21; ++y)
        for (int x = 0; x < 21; ++x) {
            const auto p = at(turned, x, y);
            if (p[3] == 0) continue;
            partial += p[3] < 255;
            CHECK(p[0] == 255);
            CHECK(p[1] == 0);
        }
    CHECK(partial > 10);
    // Position follows the render scale.
    const Frame src = test::syntheticFrame(30, 20, 0);
    CHECK(test::samePixels(
        test::process(transform(), settings({{"x", 10}, {"y", 4}}), src, nullptr, 0, 1, 0.5).view(),
        test::process(transform(), settings({{"x", 5}, {"y", 2}}), src).view()));
}
