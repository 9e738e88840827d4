#include <catch2/catch.hpp>

#include "tone_support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& key() {
    return test::effect("util.luma_key");
}

ParamValues settings(std::initializer_list<std::pair<const char*, double>> values) {
    ParamValues p(key().params);
    for (const auto& [k, v] : values)
        p.setNumber(k, v);
    return p;
}

// Alpha (or matte grey) for each grey level, on opaque greys.
std::array<int, 256> alphaOf(const ParamValues& p, int channel = 3) {
    Frame f = test::greyRamp();
    for (int v = 0; v < 256; ++v)
        f.data()[4 * v + 3] = 255;
    const Frame out = test::process(key(), p, f);
    std::array<int, 256> a{};
    for (int v = 0; v < 256; ++v)
        a[static_cast<std::size_t>(v)] = out.data()[4 * v + channel];
    return a;
}
} // namespace

TEST_CASE("luma key removes the darks below the threshold", "[effects][luma_key]") {
    const auto a = alphaOf(settings({{"threshold", 0.41}, {"softness", 0}})); // 104.55 / 255
    for (int v = 0; v < 256; ++v)
        CHECK(a[static_cast<std::size_t>(v)] == (v > 104 ? 255 : 0));
    // Softness 0.2 fades from 0.4 to 0.6: 0.5 (127.5) is half.
    const auto soft = alphaOf(settings({{"threshold", 0.4}, {"softness", 0.2}}));
    CHECK(soft[102] == 0);
    CHECK(std::abs(soft[128] - 128) <= 2);
    CHECK(soft[153] == 255);
    for (int v = 1; v < 256; ++v)
        CHECK(soft[static_cast<std::size_t>(v)] >= soft[static_cast<std::size_t>(v - 1)]);
}

TEST_CASE("luma key brighter, invert and matte", "[effects][luma_key]") {
    const auto bright = alphaOf(settings({{"key_out", 1}, {"threshold", 0.6}, {"softness", 0}}));
    CHECK(bright[0] == 255);
    CHECK(bright[200] == 0);
    const auto inverted =
        alphaOf(settings({{"key_out", 1}, {"threshold", 0.6}, {"softness", 0}, {"invert", 1}}));
    CHECK(inverted[0] == 0);
    CHECK(inverted[200] == 255);
    const auto matte = alphaOf(settings({{"threshold", 0.4}, {"softness", 0}, {"output", 1}}), 0);
    CHECK(matte[50] == 0);
    CHECK(matte[200] == 255);
    CHECK(alphaOf(settings({{"output", 1}}))[10] == 255); // the matte is opaque
    // Input alpha multiplies the key.
    const Frame out =
        test::process(key(), settings({{"threshold", 0.4}, {"softness", 0}}), test::greyRamp());
    CHECK(int(out.data()[4 * 200 + 3]) == 55);
}

TEST_CASE("luma key spill brightens the half-keyed fringe only", "[effects][luma_key]") {
    const auto base = settings({{"threshold", 0.3}, {"softness", 0.2}});
    auto withSpill = base;
    withSpill.setNumber("spill", 1);
    const auto plain = alphaOf(base, 0), lifted = alphaOf(withSpill, 0);
    CHECK(lifted[40] == plain[40]);   // fully keyed: untouched
    CHECK(lifted[102] > plain[102]);  // in the fade: lifted
    CHECK(lifted[200] == plain[200]); // fully kept: untouched
}
