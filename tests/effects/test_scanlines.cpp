#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& lines() {
    return *EffectRegistry::builtin().find("fx.scanlines");
}

Frame grey(int w, int h, std::uint8_t v) {
    Frame f(w, h);
    f.fill(v, v, v, 77);
    return f;
}
int g(const Frame& f, int x, int y) {
    return f.view().row(y)[4 * x + 1];
}
} // namespace

TEST_CASE("scanlines darken the dark part of each period", "[effects][scanlines]") {
    const Frame in = grey(5, 12, 200);
    ParamValues p(lines().params);
    p.setNumber("period", 4);
    p.setNumber("line_width", 0.5);
    p.setNumber("darkness", 1);
    Frame out = test::process(lines(), p, in);
    for (int y = 0; y < 12; ++y)
        CHECK(g(out, 2, y) == (y % 4 < 2 ? 0 : 200));
    CHECK(out.view().row(0)[3] == 77); // alpha stays

    p.setNumber("darkness", 0.5);
    out = test::process(lines(), p, in);
    CHECK(g(out, 0, 0) == 100);
    CHECK(g(out, 0, 2) == 200);

    p.setNumber("darkness", 0);
    CHECK(test::samePixels(test::process(lines(), p, in).view(), in.view()));
}

TEST_CASE("scanlines: fractional periods cover pixels exactly, roll moves with the frame",
          "[effects][scanlines]") {
    const Frame in = grey(3, 10, 200);
    ParamValues p(lines().params);
    p.setNumber("period", 2.5);
    p.setNumber("line_width", 0.4); // dark [0, 1), [2.5, 3.5), [5, 6) …
    p.setNumber("darkness", 1);
    Frame out = test::process(lines(), p, in);
    CHECK(g(out, 0, 0) == 0);
    CHECK(g(out, 0, 1) == 200);
    CHECK(g(out, 0, 2) == 100); // half covered
    CHECK(g(out, 0, 3) == 100);
    CHECK(g(out, 0, 5) == 0);

    p.setNumber("period", 4);
    p.setNumber("line_width", 0.25);
    p.setNumber("roll", 1);
    out = test::process(lines(), p, in, nullptr, 5); // 5 px down: dark rows 1, 5, 9
    for (int y = 0; y < 10; ++y)
        CHECK(g(out, 1, y) == (y % 4 == 1 ? 0 : 200));
    p.setNumber("roll", -1);
    out = test::process(lines(), p, in, nullptr, 1); // 1 px up: dark rows 3, 7
    for (int y = 0; y < 10; ++y)
        CHECK(g(out, 1, y) == (y % 4 == 3 ? 0 : 200));
}

TEST_CASE("scanlines vertical darkens columns", "[effects][scanlines]") {
    const Frame in = grey(9, 2, 100);
    ParamValues p(lines().params);
    p.setNumber("orientation", 1);
    p.setNumber("period", 3);
    p.setNumber("line_width", 1.0 / 3);
    p.setNumber("darkness", 1);
    const Frame out = test::process(lines(), p, in);
    for (int x = 0; x < 9; ++x)
        CHECK(g(out, x, 1) == (x % 3 == 0 ? 0 : 100));
}
