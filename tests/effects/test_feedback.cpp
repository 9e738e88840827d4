#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& feedback() { return *EffectRegistry::builtin().find("fx.feedback"); }

ParamValues still(double decay) {
    ParamValues p(feedback().params);
    p.setNumber("decay", decay);
    p.setNumber("zoom", 1);
    p.setNumber("rotate", 0);
    p.setNumber("offset_x", 0);
    p.setNumber("offset_y", 0);
    return p;
}

Frame dot(int w, int h, int x, int y) {
    Frame f(w, h);
    f.fill(0, 0, 0, 255);
    std::uint8_t* p = f.view().row(y) + 4 * x;
    p[0] = p[1] = p[2] = 255;
    return f;
}
} // namespace

TEST_CASE("feedback carries the previous output in its state", "[effects][feedback]") {
    const ParamValues p(feedback().params);
    auto state = feedback().makeState();
    const Frame f0 = test::syntheticFrame(64, 48, 0), f1 = test::syntheticFrame(64, 48, 1);
    const Frame out0 = test::process(feedback(), p, f0, state.get(), 0);
    CHECK(test::samePixels(out0.view(), f0.view())); // nothing to feed back yet
    const Frame out1 = test::process(feedback(), p, f1, state.get(), 1);
    const Frame stateless = test::process(feedback(), p, f1, nullptr, 1);
    CHECK(test::samePixels(stateless.view(), f1.view()));
    CHECK_FALSE(test::samePixels(out1.view(), stateless.view()));
}

TEST_CASE("feedback moves the fed-back picture by the offset, weighted by decay", "[effects][feedback]") {
    ParamValues p = still(0.9);
    p.setNumber("offset_x", 1);
    auto state = feedback().makeState();
    test::process(feedback(), p, dot(9, 9, 4, 4), state.get(), 0);
    Frame black(9, 9);
    black.fill(0, 0, 0, 255);
    const Frame out = test::process(feedback(), p, black, state.get(), 1);
    CHECK(out.view().row(4)[4 * 5] == 229); // 255 × 0.9 (58982/65536) = 229.49
    CHECK(out.view().row(4)[4 * 4] == 0);
    CHECK(out.view().row(4)[4 * 5 + 3] == 255);
}

TEST_CASE("feedback with an identity transform keeps a still picture exact", "[effects][feedback]") {
    auto state = feedback().makeState();
    const Frame in = test::syntheticFrame(31, 17, 0);
    for (int k = 0; k < 4; ++k) {
        const Frame out = test::process(feedback(), still(0.5), in, state.get(), k);
        CHECK(test::samePixels(out.view(), in.view()));
    }
}

TEST_CASE("feedback resets on a size change or a jump in frames", "[effects][feedback]") {
    const ParamValues p(feedback().params);
    auto state = feedback().makeState();
    test::process(feedback(), p, test::syntheticFrame(32, 32, 0), state.get(), 0);
    const Frame small = test::syntheticFrame(16, 12, 1);
    CHECK(test::samePixels(test::process(feedback(), p, small, state.get(), 1).view(), small.view()));
    const Frame next = test::syntheticFrame(16, 12, 2);
    CHECK_FALSE(test::samePixels(test::process(feedback(), p, next, state.get(), 2).view(), next.view()));
    const Frame later = test::syntheticFrame(16, 12, 9);
    CHECK(test::samePixels(test::process(feedback(), p, later, state.get(), 9).view(), later.view()));
}
