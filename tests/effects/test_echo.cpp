#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& echo() {
    return *EffectRegistry::builtin().find("fx.echo");
}

ParamValues echoParams(int delay, int taps, double amount, double falloff = 0.6) {
    ParamValues p(echo().params);
    p.setNumber("delay", delay);
    p.setNumber("taps", taps);
    p.setNumber("amount", amount);
    p.setNumber("falloff", falloff);
    return p;
}

// Frame k of a clip in which every frame differs.
Frame clipFrame(std::int64_t k) {
    return test::syntheticFrame(40, 24, static_cast<int>(k));
}

Frame flatFrame(std::int64_t k) {
    Frame f(6, 4);
    const auto v = static_cast<std::uint8_t>(7 * k);
    f.fill(v, static_cast<std::uint8_t>(255 - v), 100, 255);
    return f;
}

// Runs frames from..to with one state; returns the output of `to`.
template <class Source>
Frame run(const ParamValues& p, std::int64_t from, std::int64_t to, Source source) {
    auto state = echo().makeState();
    Frame out;
    for (std::int64_t k = from; k <= to; ++k)
        out = test::process(echo(), p, source(k), state.get(), k);
    return out;
}
} // namespace

TEST_CASE("echo with one tap returns exactly frame n − delay mixed in", "[effects][echo]") {
    // Amount 1: the echo alone, byte for byte.
    CHECK(test::samePixels(run(echoParams(5, 1, 1.0), 0, 17, clipFrame).view(),
                           clipFrame(12).view()));
    // Amount 0.25: (3·now + then) / 4, rounded, on every byte including alpha.
    const Frame out = run(echoParams(3, 1, 0.25), 0, 9, clipFrame);
    const Frame now = clipFrame(9), then = clipFrame(6);
    for (int y = 0; y < 24; ++y)
        for (int b = 0; b < 40 * 4; ++b) {
            const int expected =
                (now.view().row(y)[b] * 192 + then.view().row(y)[b] * 64 + 128) >> 8;
            REQUIRE(out.view().row(y)[b] == expected);
        }
}

TEST_CASE("echo taps fade by the falloff and sum to the amount", "[effects][echo]") {
    // Taps at 2, 4 and 6 frames with weights 1, 1/2, 1/4 of the amount 0.7.
    const Frame out = run(echoParams(2, 3, 0.7, 0.5), 0, 10, flatFrame);
    const double share = 0.7 / 1.75;
    const double expected = 0.3 * 70 + share * (56 + 0.5 * 42 + 0.25 * 28);
    CHECK(std::abs(out.view().row(1)[4 * 2] - expected) <= 1.0);
    CHECK(out.view().row(1)[4 * 2 + 2] == 100); // a constant channel stays exact
    CHECK(out.view().row(1)[4 * 2 + 3] == 255);
    // Falloff 0: only the first echo.
    const Frame first = run(echoParams(2, 3, 1.0, 0.0), 0, 10, flatFrame);
    CHECK(test::samePixels(first.view(), flatFrame(8).view()));
}

TEST_CASE("echo before the clip's start shows its first frame", "[effects][echo]") {
    CHECK(
        test::samePixels(run(echoParams(4, 1, 1.0), 0, 2, clipFrame).view(), clipFrame(0).view()));
    CHECK(
        test::samePixels(run(echoParams(4, 1, 1.0), 0, 0, clipFrame).view(), clipFrame(0).view()));
}

TEST_CASE("echo leaves out echoes more than 32 frames back", "[effects][echo]") {
    // Delay 20, 3 taps: only the first fits, so it takes the whole amount.
    CHECK(test::samePixels(run(echoParams(20, 3, 1.0), 0, 45, flatFrame).view(),
                           flatFrame(25).view()));
    // Delay 8, 4 taps: 32 frames back is still in.
    const Frame out = run(echoParams(8, 4, 1.0, 1.0), 0, 40, flatFrame);
    CHECK(std::abs(out.view().row(0)[0] - 7 * (32 + 24 + 16 + 8) / 4.0) <= 1.0);
}

TEST_CASE("echo starts over after a jump in frames or a new size", "[effects][echo]") {
    auto state = echo().makeState();
    const ParamValues p = echoParams(2, 2, 0.8);
    for (std::int64_t k = 0; k < 6; ++k)
        test::process(echo(), p, flatFrame(k), state.get(), k);
    CHECK(test::samePixels(test::process(echo(), p, flatFrame(20), state.get(), 20).view(),
                           flatFrame(20).view()));
    const Frame big = clipFrame(21);
    CHECK(test::samePixels(test::process(echo(), p, big, state.get(), 21).view(), big.view()));
}

TEST_CASE("echo after a seek: replaying 32 frames gives sequential play's bytes",
          "[effects][echo]") {
    const ParamValues p = echoParams(8, 4, 0.9, 0.8); // reaches exactly 32 frames back
    const Frame sequential = run(p, 0, 70, clipFrame);
    CHECK(test::samePixels(run(p, 70 - 32, 70, clipFrame).view(), sequential.view()));
    // One frame less of history misses the oldest echo.
    CHECK_FALSE(test::samePixels(run(p, 70 - 31, 70, clipFrame).view(), sequential.view()));
}
