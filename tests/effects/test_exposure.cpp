#include <catch2/catch.hpp>

#include <cmath>

#include "tone_support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& exposure() {
    return test::effect("util.exposure");
}

ParamValues settings(double stops, double offset = 0) {
    ParamValues p(exposure().params);
    p.setNumber("stops", stops);
    p.setNumber("offset", offset);
    return p;
}

double linear(int v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

TEST_CASE("exposure 0 is the identity", "[effects][exposure]") {
    const Frame in = test::syntheticFrame(40, 30, 0);
    CHECK(test::samePixels(test::process(exposure(), settings(0), in).view(), in.view()));
}

TEST_CASE("exposure works in stops of linear light", "[effects][exposure]") {
    const auto up = test::transfer(exposure(), settings(1), 0);
    const auto down = test::transfer(exposure(), settings(-1), 0);
    CHECK(up[0] == 0);     // black stays black
    CHECK(up[255] == 255); // white clips
    CHECK(up[200] == 255); // bright values clip at +1 stop
    // Mid grey (18 % reflectance, sRGB 118) doubles and halves in linear light.
    CHECK(linear(up[118]) / linear(118) == Approx(2).epsilon(0.02));
    CHECK(linear(down[118]) / linear(118) == Approx(0.5).epsilon(0.02));
    for (int v = 1; v < 256; ++v)
        CHECK(up[static_cast<std::size_t>(v)] >= up[static_cast<std::size_t>(v - 1)]);
    // The offset lifts the blacks.
    CHECK(test::transfer(exposure(), settings(0, 0.05), 1)[0] > 50);
}
