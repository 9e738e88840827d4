#include <catch2/catch.hpp>

#include "tone_support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& curves() {
    return test::effect("util.curves");
}

// All curves straight (points on the diagonal), then the given points.
ParamValues settings(std::initializer_list<std::pair<const char*, PointF>> points) {
    ParamValues p(curves().params);
    for (const char* c : {"master", "red", "green", "blue"})
        for (int i = 1; i <= 3; ++i)
            p.set(std::string(c) + "_" + std::to_string(i), {0.25 * i, 0.25 * i, 0, 0});
    for (const auto& [key, q] : points)
        p.set(key, {q.x, q.y, 0, 0});
    return p;
}
} // namespace

TEST_CASE("curves with straight curves are the identity", "[effects][curves]") {
    const Frame in = test::syntheticFrame(40, 30, 2);
    CHECK(test::samePixels(test::process(curves(), settings({}), in).view(), in.view()));
}

TEST_CASE("curves pass through their points and stay monotone", "[effects][curves]") {
    // 51 = 0.2 · 255 → 0.4 · 255 = 102; 204 = 0.8 · 255 → 0.9 · 255 = 229.5 → 230.
    const auto p = settings({{"master_1", {0.2, 0.4}}, {"master_3", {0.8, 0.9}}});
    const auto t = test::transfer(curves(), p, 0);
    CHECK(t[51] == 102);
    CHECK(t[204] == 230);
    CHECK(t[0] == 0);
    CHECK(t[255] == 255);
    for (int v = 1; v < 256; ++v)
        CHECK(t[static_cast<std::size_t>(v)] >= t[static_cast<std::size_t>(v - 1)]);
    // No overshoot: a steep step between two points stays between their heights.
    const auto step = test::transfer(
        curves(),
        settings({{"master_1", {0.45, 0.1}}, {"master_2", {0.5, 0.1}}, {"master_3", {0.55, 0.9}}}),
        0);
    for (int v = 115; v <= 127; ++v)
        CHECK(step[static_cast<std::size_t>(v)] >= 25); // flat between 0.45 and 0.5: 0.1
    for (int v = 115; v <= 127; ++v)
        CHECK(step[static_cast<std::size_t>(v)] <= 26);
}

TEST_CASE("curves: point order does not matter, end points can move", "[effects][curves]") {
    const auto a =
        settings({{"master_1", {0.2, 0.3}}, {"master_2", {0.5, 0.6}}, {"master_3", {0.7, 0.75}}});
    const auto b =
        settings({{"master_1", {0.7, 0.75}}, {"master_2", {0.2, 0.3}}, {"master_3", {0.5, 0.6}}});
    CHECK(test::transfer(curves(), a, 1) == test::transfer(curves(), b, 1));
    // A point at x = 0 replaces the black point: a faded black.
    const auto t = test::transfer(curves(), settings({{"master_1", {0, 0.2}}}), 2);
    CHECK(t[0] == 51);
    CHECK(t[255] == 255);
}

TEST_CASE("curves: channel curves touch their channel, then the master applies",
          "[effects][curves]") {
    const auto p = settings({{"red_2", {0.5, 0.8}}});
    const Frame out = test::process(curves(), p, test::greyRamp());
    const std::uint8_t* mid = out.data() + 4 * 128;
    CHECK(int(mid[0]) > 190);
    CHECK(int(mid[1]) == 128);
    CHECK(int(mid[2]) == 128);
    CHECK(int(mid[3]) == 127); // alpha untouched
    // Red lifted to 0.8 at 0.5, then a master curve that maps 0.8 to 0.4.
    const auto both =
        test::transfer(curves(), settings({{"red_2", {0.5, 0.8}}, {"master_3", {0.8, 0.4}}}), 0);
    CHECK(std::abs(both[127] - 102) <= 1); // 127.5 would be exact; 127 is just below 0.5
}
