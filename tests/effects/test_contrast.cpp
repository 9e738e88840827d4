#include <catch2/catch.hpp>

#include "tone_support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& contrast() {
    return test::effect("util.contrast");
}

ParamValues settings(double amount, double pivot = 0.5) {
    ParamValues p(contrast().params);
    p.setNumber("contrast", amount);
    p.setNumber("pivot", pivot);
    return p;
}
} // namespace

TEST_CASE("contrast 0 is the identity", "[effects][contrast]") {
    const Frame in = test::syntheticFrame(40, 30, 0);
    CHECK(test::samePixels(test::process(contrast(), settings(0), in).view(), in.view()));
}

TEST_CASE("contrast pivots, flattens and thresholds", "[effects][contrast]") {
    // The pivot stays put at any contrast.
    for (double amount : {-60.0, 30.0, 90.0})
        CHECK(test::transfer(contrast(), settings(amount, 0.4), 0)[102] == 102);
    // +50 %: slope tan(67.5°) = 2.414 → 0.6 becomes 0.5 + 0.1 · 2.414 = 0.7414 → 189.
    CHECK(test::transfer(contrast(), settings(50), 1)[153] == 189);
    const auto flat = test::transfer(contrast(), settings(-100), 0);
    const auto hard = test::transfer(contrast(), settings(100), 0);
    for (int v = 0; v < 256; ++v) {
        CHECK(flat[static_cast<std::size_t>(v)] == 128);
        CHECK(hard[static_cast<std::size_t>(v)] == (v >= 128 ? 255 : 0));
    }
    // Alpha untouched.
    const Frame out = test::process(contrast(), settings(80), test::greyRamp());
    for (int v = 0; v < 256; ++v)
        CHECK(int(out.data()[4 * v + 3]) == 255 - v);
}
