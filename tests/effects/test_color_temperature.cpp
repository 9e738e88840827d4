#include <catch2/catch.hpp>

#include "tone_support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& temperature() {
    return test::effect("util.color_temperature");
}

ParamValues settings(double kelvin, double tint = 0) {
    ParamValues p(temperature().params);
    p.setNumber("temperature", kelvin);
    p.setNumber("tint", tint);
    return p;
}

std::array<int, 3> grey(const ParamValues& p, int v) {
    Frame f(1, 1);
    f.fill(static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v),
           255);
    const Frame out = test::process(temperature(), p, f);
    return {out.data()[0], out.data()[1], out.data()[2]};
}
} // namespace

TEST_CASE("colour temperature 6500 K without tint is the identity",
          "[effects][color_temperature]") {
    const Frame in = test::syntheticFrame(40, 30, 0);
    CHECK(test::samePixels(test::process(temperature(), settings(6500), in).view(), in.view()));
}

TEST_CASE("colour temperature: lower is warmer, higher is cooler, tint is magenta",
          "[effects][color_temperature]") {
    const auto warm = grey(settings(3200), 128), cool = grey(settings(10000), 128);
    CHECK(warm[0] > warm[1]);
    CHECK(warm[1] > warm[2]);
    CHECK(cool[2] > cool[1]);
    CHECK(cool[1] > cool[0]);
    // Luma is kept (within rounding and the sRGB curve's bend).
    for (const auto& c : {warm, cool})
        CHECK(std::abs(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] - 128) < 6);
    const auto magenta = grey(settings(6500, 60), 128), green = grey(settings(6500, -60), 128);
    CHECK(magenta[1] < magenta[0]);
    CHECK(magenta[0] == magenta[2]);
    CHECK(green[1] > green[0]);
    // Black stays black; the further from 6500 K, the stronger.
    CHECK(grey(settings(2000), 0) == std::array<int, 3>{0, 0, 0});
    CHECK(grey(settings(2000), 128)[2] < warm[2]);
}
