#include <catch2/catch.hpp>

#include <vector>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& smear() {
    return *EffectRegistry::builtin().find("fx.smear");
}

ParamValues settings(int direction, int mode, double threshold, double length, double decay) {
    ParamValues p(smear().params);
    p.setNumber("direction", direction);
    p.setNumber("mode", mode);
    p.setNumber("threshold", threshold);
    p.setNumber("length", length);
    p.setNumber("decay", decay);
    return p;
}

// A line of greys (alpha = 255 − grey) as one row, or as one column.
Frame line(const std::vector<int>& greys, bool column) {
    const int n = static_cast<int>(greys.size());
    Frame f(column ? 1 : n, column ? n : 1);
    for (int i = 0; i < n; ++i) {
        std::uint8_t* p = column ? f.view().row(i) : f.view().row(0) + 4 * i;
        p[0] = p[1] = p[2] = static_cast<std::uint8_t>(greys[static_cast<std::size_t>(i)]);
        p[3] = static_cast<std::uint8_t>(255 - greys[static_cast<std::size_t>(i)]);
    }
    return f;
}

std::vector<int> greysOf(const Frame& f, bool alpha) {
    std::vector<int> out;
    const bool column = f.width() == 1 && f.height() > 1;
    const int n = column ? f.height() : f.width();
    for (int i = 0; i < n; ++i) {
        const std::uint8_t* p = column ? f.view().row(i) : f.view().row(0) + 4 * i;
        REQUIRE(p[0] == p[1]);
        REQUIRE(p[1] == p[2]);
        if (alpha) REQUIRE(p[3] == 255 - p[0]); // the whole pixel, alpha included, is dragged
        out.push_back(p[0]);
    }
    return out;
}

// Alpha is only checked without decay: grey and 255 − grey round halves the same way up.
std::vector<int> run(const std::vector<int>& greys, const ParamValues& p, bool column = false) {
    return greysOf(test::process(smear(), p, line(greys, column)), p.number("decay") == 0);
}
} // namespace

TEST_CASE("smear similar luma: runs carry their first pixel until the luma jumps",
          "[effects][smear]") {
    const std::vector<int> in = {200, 190, 100, 95, 90, 250};
    // Threshold 20 levels (0.08 · 255 = 20.4 → 20).
    CHECK(run(in, settings(0, 0, 0.08, 100, 0)) == std::vector{200, 200, 100, 100, 100, 250});
    // Length 2: a run covers two pixels, then the pixel there starts a new one.
    CHECK(run(in, settings(0, 0, 0.08, 2, 0)) == std::vector{200, 200, 100, 100, 90, 250});
    // Left: the same walk from the right end.
    CHECK(run(in, settings(1, 0, 0.08, 100, 0)) == std::vector{190, 190, 90, 90, 90, 250});
}

TEST_CASE("smear darker / brighter: the last pixel past the threshold paints over the rest",
          "[effects][smear]") {
    const std::vector<int> in = {250, 10, 20, 200, 30, 140};
    CHECK(run(in, settings(0, 1, 0.5, 100, 0)) == std::vector{250, 250, 250, 200, 200, 140});
    CHECK(run(in, settings(0, 2, 0.5, 100, 0)) == std::vector{250, 10, 20, 20, 30, 30});
}

TEST_CASE("smear decay fades the carried colour into what it covers", "[effects][smear]") {
    // 200 carried over 100s at decay 0.5: 150, then 125, then 112.5 → 113 (half up).
    CHECK(run({200, 100, 100, 100}, settings(0, 0, 1, 100, 0.5)) ==
          std::vector{200, 150, 125, 113});
    const Frame in = test::naturalFrame(40, 30);
    CHECK(
        test::samePixels(test::process(smear(), settings(0, 0, 1, 100, 1), in).view(), in.view()));
    CHECK(test::samePixels(test::process(smear(), settings(2, 0, 1, 1, 0), in).view(), in.view()));
}

TEST_CASE("smear down and up walk columns as right and left walk rows", "[effects][smear]") {
    const std::vector<int> in = {30, 200, 40, 45, 220, 10, 12};
    for (int mode : {0, 1, 2}) {
        INFO("mode " << mode);
        CHECK(run(in, settings(2, mode, 0.3, 3, 0.1), true) ==
              run(in, settings(0, mode, 0.3, 3, 0.1)));
        CHECK(run(in, settings(3, mode, 0.3, 3, 0.1), true) ==
              run(in, settings(1, mode, 0.3, 3, 0.1)));
    }
}
