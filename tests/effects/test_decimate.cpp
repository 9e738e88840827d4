#include <catch2/catch.hpp>

#include <vector>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& decimate() {
    return *EffectRegistry::builtin().find("fx.decimate");
}

ParamValues everyN(int n) {
    ParamValues p(decimate().params);
    p.setNumber("mode", 0);
    p.setNumber("every", n);
    return p;
}

ParamValues targetRate(double fps) {
    ParamValues p(decimate().params);
    p.setNumber("mode", 1);
    p.setNumber("fps", fps);
    return p;
}

Frame numbered(std::int64_t k) {
    Frame f(3, 2);
    f.fill(static_cast<std::uint8_t>(k & 255), static_cast<std::uint8_t>(k >> 8), 1, 255);
    return f;
}
int indexOf(const Frame& f) {
    return f.view().row(1)[4] | (f.view().row(1)[5] << 8);
}

// The frame shown at each of frames from..to, at a project rate of num/den.
std::vector<int> shown(const ParamValues& p, std::int64_t from, std::int64_t to, int num = 30,
                       int den = 1) {
    auto state = decimate().makeState();
    std::vector<int> frames;
    for (std::int64_t k = from; k <= to; ++k) {
        const Frame in = numbered(k);
        Frame out(in.width(), in.height());
        EffectContext ctx;
        ctx.frameIndex = k;
        ctx.rateNum = num;
        ctx.rateDen = den;
        decimate().process(in.view(), out.view(), p, state.get(), ctx);
        frames.push_back(indexOf(out));
    }
    return frames;
}
} // namespace

TEST_CASE("decimate every N shows frame floor(n / N)·N", "[effects][decimate]") {
    for (int n : {1, 2, 3, 7, 30}) {
        INFO("N = " << n);
        const auto frames = shown(everyN(n), 0, 100);
        for (int k = 0; k <= 100; ++k)
            CHECK(frames[static_cast<std::size_t>(k)] == k / n * n);
    }
}

TEST_CASE("decimate to a target rate shows the first frame of each output frame",
          "[effects][decimate]") {
    // 30 → 8 fps: output frames start at 0, 3.75, 7.5, 11.25, 15 source frames.
    const auto eight = shown(targetRate(8), 0, 15);
    const std::vector<int> expected = {0, 0, 0, 0, 4, 4, 4, 4, 8, 8, 8, 8, 12, 12, 12, 15};
    CHECK(eight == expected);
    CHECK(shown(targetRate(10), 0, 60) == shown(everyN(3), 0, 60));
    // 29.97 → 15 fps: every other frame (for a while: 15 is a touch more than half).
    CHECK(shown(targetRate(15), 0, 60, 30000, 1001) == shown(everyN(2), 0, 60));
    // At or above the project's rate nothing changes.
    const auto all = shown(targetRate(30), 0, 40);
    for (int k = 0; k <= 40; ++k)
        CHECK(all[static_cast<std::size_t>(k)] == k);
    // Slower than 1/30 of the project's rate is held to it: 60 fps at 1 fps holds 30 frames.
    CHECK(shown(targetRate(1), 0, 100, 60, 1) == shown(everyN(30), 0, 100));
}

TEST_CASE("decimate after a seek: a fresh state replaying from the anchor gives sequential bytes",
          "[effects][decimate]") {
    const ParamValues p = everyN(30);
    const auto sequential = shown(p, 0, 400);
    // docs/determinism.md: W = 30, S = 120, anchor(n) = max(0, ⌊n/120⌋·120 − 30).
    for (std::int64_t n : {29, 119, 120, 149, 150, 239, 301, 400}) {
        INFO("frame " << n);
        const std::int64_t anchor = std::max<std::int64_t>(0, n / 120 * 120 - 30);
        CHECK(shown(p, anchor, n).back() == sequential[static_cast<std::size_t>(n)]);
        CHECK(shown(p, n - 29, n).back() == sequential[static_cast<std::size_t>(n)]);
    }
    // Starting after the shown frame cannot know it: the window must reach back.
    CHECK(shown(p, 95, 100).back() != sequential[100]);
}

TEST_CASE("decimate starts over after a new size", "[effects][decimate]") {
    auto state = decimate().makeState();
    test::process(decimate(), everyN(4), numbered(0), state.get(), 0);
    const Frame big = test::syntheticFrame(8, 8, 1);
    CHECK(test::samePixels(test::process(decimate(), everyN(4), big, state.get(), 1).view(),
                           big.view()));
    const Frame next = test::syntheticFrame(8, 8, 2);
    CHECK(test::samePixels(test::process(decimate(), everyN(4), next, state.get(), 2).view(),
                           big.view()));
}
