#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "entropic/effects/registry.h"
#include "entropic/effects/seed.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& hold() {
    return *EffectRegistry::builtin().find("fx.frame_hold");
}

ParamValues holdParams(int minHold, int maxHold) {
    ParamValues p(hold().params);
    p.setNumber("min_hold", minHold);
    p.setNumber("max_hold", maxHold);
    return p;
}

// Frame k is flat with (red, green) = k in 16 bits: which frame is shown can be read off.
Frame numbered(std::int64_t k) {
    Frame f(4, 3);
    f.fill(static_cast<std::uint8_t>(k & 255), static_cast<std::uint8_t>(k >> 8), 7, 255);
    return f;
}

int indexOf(const Frame& f) {
    return f.view().row(2)[4] | (f.view().row(2)[5] << 8);
}

std::uint64_t seedOf(std::int64_t k) {
    return mix64(static_cast<std::uint64_t>(k) * 31 + 5);
}

std::vector<int> shown(const ParamValues& p, std::int64_t from, std::int64_t to) {
    auto state = hold().makeState();
    std::vector<int> frames;
    for (std::int64_t k = from; k <= to; ++k)
        frames.push_back(indexOf(test::process(hold(), p, numbered(k), state.get(), k, seedOf(k))));
    return frames;
}
} // namespace

TEST_CASE("frame_hold shows each grabbed frame for min..max frames", "[effects][frame_hold]") {
    const auto frames = shown(holdParams(3, 9), 0, 599);
    std::set<int> lengths;
    std::size_t k = 0;
    while (k < frames.size()) {
        // A hold starts by showing the frame it grabs.
        REQUIRE(frames[k] == static_cast<int>(k));
        std::size_t end = k + 1;
        while (end < frames.size() && frames[end] == frames[k])
            ++end;
        const auto length = static_cast<int>(end - k);
        if (end < frames.size() && end % 60 != 0) { // the grid and the clip's end cut holds short
            CHECK(length >= 3);
            CHECK(length <= 9);
            lengths.insert(length);
        }
        k = end;
    }
    CHECK(lengths.size() >= 5); // the lengths really vary
}

TEST_CASE("frame_hold with equal bounds is a steady rhythm, regrabbing on every 60th frame",
          "[effects][frame_hold]") {
    const auto frames = shown(holdParams(7, 7), 0, 130);
    for (int k = 0; k <= 130; ++k) {
        INFO("frame " << k);
        const int grid = k / 60 * 60;
        CHECK(frames[static_cast<std::size_t>(k)] == grid + (k - grid) / 7 * 7);
    }
    // Bounds given the wrong way round are swapped.
    CHECK(shown(holdParams(9, 4), 0, 200) == shown(holdParams(4, 9), 0, 200));
}

TEST_CASE(
    "frame_hold after a seek: replaying from the last 60th frame gives sequential play's bytes",
    "[effects][frame_hold]") {
    const ParamValues p = holdParams(2, 30);
    const auto sequential = shown(p, 0, 250);
    for (std::int64_t n : {130, 179, 180, 250}) {
        INFO("frame " << n);
        CHECK(shown(p, n / 60 * 60, n).back() == sequential[static_cast<std::size_t>(n)]);
        CHECK(shown(p, n - 60, n).back() == sequential[static_cast<std::size_t>(n)]);
    }
}

TEST_CASE("frame_hold grabs anew after a jump in frames or a new size", "[effects][frame_hold]") {
    auto state = hold().makeState();
    const ParamValues p = holdParams(20, 20);
    test::process(hold(), p, numbered(1), state.get(), 1);
    CHECK(indexOf(test::process(hold(), p, numbered(2), state.get(), 2)) == 1);
    CHECK(indexOf(test::process(hold(), p, numbered(9), state.get(), 9)) == 9);
    const Frame big = test::syntheticFrame(8, 8, 10);
    CHECK(test::samePixels(test::process(hold(), p, big, state.get(), 10).view(), big.view()));
}
