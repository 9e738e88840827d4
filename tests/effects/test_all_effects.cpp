// Properties every registered effect must have, checked by walking the
// registry: a new effect gets them tested without touching this file.
#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const test::TwoThreadRows kTwoThreads;

std::vector<std::pair<std::string, ParamValues>> settingsOf(const EffectDescriptor& d) {
    return {{"default", ParamValues(d.params)},
            {"min", test::paramsAtExtreme(d, false)},
            {"max", test::paramsAtExtreme(d, true)}};
}
} // namespace

TEST_CASE("every effect: mix 0 and a zero mask return the input exactly", "[effects][all]") {
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        for (const auto& [name, params] : settingsOf(*d)) {
            INFO(d->id << " " << name);
            const Frame input = test::syntheticFrame(33, 21, 2); // the last frame runEffect renders
            CHECK(test::samePixels(test::runEffect(*d, params, 33, 21, {.mix = 0.0}).view(),
                                   input.view()));
            CHECK(test::samePixels(
                test::runEffect(
                    *d, params, 33, 21,
                    {.mask = {.shape = MaskShape::Rectangle, .x = 0.3, .y = 0.3, .w = 0, .h = 0}})
                    .view(),
                input.view()));
            CHECK(test::samePixels(
                test::runEffect(*d, params, 33, 21, {.mask = {.invert = true}}).view(),
                input.view()));
        }
    }
}

TEST_CASE("every effect: defaults change the picture", "[effects][all]") {
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        INFO(d->id);
        const Frame out = test::runEffect(*d, ParamValues(d->params), 64, 48);
        CHECK_FALSE(test::samePixels(out.view(), test::syntheticFrame(64, 48, 2).view()));
    }
}

TEST_CASE("every effect: deterministic, whatever the row split", "[effects][all]") {
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        for (const auto& [name, params] : settingsOf(*d)) {
            INFO(d->id << " " << name);
            const MaskSpec ellipse{.shape = MaskShape::Ellipse, .feather = 0.2};
            const test::RunOptions serial{.mix = 0.7, .mask = ellipse};
            test::RunOptions threaded = serial;
            threaded.rows = &kTwoThreads;
            const Frame a = test::runEffect(*d, params, 97, 61, serial);
            const Frame b = test::runEffect(*d, params, 97, 61, serial);
            const Frame c = test::runEffect(*d, params, 97, 61, threaded);
            CHECK(test::samePixels(a.view(), b.view()));
            CHECK(test::samePixels(a.view(), c.view()));
        }
    }
}

TEST_CASE("every effect: tiny, odd and large frames at default and extreme values",
          "[effects][all][sizes]") {
    const std::pair<int, int> sizes[] = {{1, 1}, {2, 3}, {17, 9}, {1921, 1081}};
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        for (const auto& [name, params] : settingsOf(*d)) {
            for (const auto& [w, h] : sizes) {
                INFO(d->id << " " << name << " " << w << "x" << h);
                const bool large = w > 1000;
                // Large frames: two frames (enough to exercise temporal state)
                // on two threads; reduced render scale on small ones.
                const Frame out = test::runEffect(*d, params, w, h,
                                                  {.rows = &kTwoThreads,
                                                   .frames = large ? 2 : 3,
                                                   .renderScale = large ? 1.0 : 0.5});
                CHECK(out.width() == w);
                CHECK(out.height() == h);
            }
        }
    }
}
