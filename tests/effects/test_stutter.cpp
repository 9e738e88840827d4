#include <catch2/catch.hpp>

#include <vector>

#include "entropic/effects/registry.h"
#include "entropic/effects/seed.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& stutter() {
    return *EffectRegistry::builtin().find("fx.stutter");
}

ParamValues stutterParams(double probability, int length, int repeats) {
    ParamValues p(stutter().params);
    p.setNumber("probability", probability);
    p.setNumber("length", length);
    p.setNumber("repeats", repeats);
    return p;
}

// Frame k is flat with red = k (mod 256): which frame is shown can be read off.
Frame numbered(std::int64_t k) {
    Frame f(5, 3);
    f.fill(static_cast<std::uint8_t>(k), 40, 90, 255);
    return f;
}

std::uint64_t seedOf(std::int64_t k) {
    return mix64(static_cast<std::uint64_t>(k) ^ 0x5eed);
}

// The frame shown at each of frames from..to, with probability(k) per frame.
template <class Probability>
std::vector<int> shown(std::int64_t from, std::int64_t to, int length, int repeats,
                       Probability probability) {
    auto state = stutter().makeState();
    std::vector<int> frames;
    for (std::int64_t k = from; k <= to; ++k) {
        const Frame out = test::process(stutter(), stutterParams(probability(k), length, repeats),
                                        numbered(k), state.get(), k, seedOf(k));
        frames.push_back(out.view().row(1)[4]);
    }
    return frames;
}
} // namespace

TEST_CASE("stutter loops the last frames `repeats` times, then the live picture returns",
          "[effects][stutter]") {
    // A skip triggered at frame 10 only (the probability modulated to 1 there).
    const auto frames = shown(0, 20, 3, 2, [](std::int64_t k) { return k == 10 ? 1.0 : 0.0; });
    const std::vector<int> expected = {0, 1,  2, 3, 4,  5,  6,  7,  8,  9, 8,
                                       9, 10, 8, 9, 10, 16, 17, 18, 19, 20};
    CHECK(frames == expected);
}

TEST_CASE("stutter: probability 0 is the identity, 1 restarts the loop every frame",
          "[effects][stutter]") {
    const auto never = shown(0, 30, 4, 3, [](std::int64_t) { return 0.0; });
    const auto always = shown(0, 30, 4, 3, [](std::int64_t) { return 1.0; });
    for (int k = 0; k <= 30; ++k) {
        CHECK(never[static_cast<std::size_t>(k)] == k);
        // Each frame starts a new loop at its first frame: 3 frames back (frame 0 at the start).
        CHECK(always[static_cast<std::size_t>(k)] == std::max(0, k - 3));
    }
}

TEST_CASE("stutter: how often it skips follows the probability, where follows the seed",
          "[effects][stutter]") {
    // Loops of 2 frames played once: a skip at s shows s − 1 at s and s at
    // s + 1, so the live picture shows only after two frames without a skip.
    const auto frames = shown(0, 599, 2, 1, [](std::int64_t) { return 0.2; });
    int live = 0;
    for (std::size_t k = 0; k < frames.size(); ++k)
        live += frames[k] == static_cast<int>(k % 256);
    CHECK(live > 600 * 0.54); // expected (1 − 0.2)² = 64 %
    CHECK(live < 600 * 0.74);
    // Other seeds skip elsewhere.
    auto state = stutter().makeState();
    int moved = 0;
    for (std::int64_t k = 0; k < 600; ++k) {
        const Frame out = test::process(stutter(), stutterParams(0.2, 2, 1), numbered(k),
                                        state.get(), k, seedOf(k) + 1);
        moved += out.view().row(1)[4] != frames[static_cast<std::size_t>(k)];
    }
    CHECK(moved > 60);
}

TEST_CASE("stutter after a seek: replaying 48 frames gives sequential play's bytes",
          "[effects][stutter]") {
    // Long loops, frequent skips: loops often straddle where the replay starts.
    auto probability = [](std::int64_t) { return 0.08; };
    const auto sequential = shown(0, 300, 8, 5, probability);
    for (std::int64_t n : {120, 200, 263, 300}) {
        INFO("frame " << n);
        const auto replayed = shown(n - 48, n, 8, 5, probability);
        CHECK(replayed.back() == sequential[static_cast<std::size_t>(n)]);
    }
}

TEST_CASE("stutter forgets its loop after a jump in frames", "[effects][stutter]") {
    auto state = stutter().makeState();
    for (std::int64_t k = 0; k <= 5; ++k)
        test::process(stutter(), stutterParams(k == 5 ? 1.0 : 0.0, 4, 5), numbered(k), state.get(),
                      k);
    const Frame out =
        test::process(stutter(), stutterParams(0, 4, 5), numbered(40), state.get(), 40);
    CHECK(out.view().row(1)[4] == 40);
}
