// Blend modes: the per-channel formulas of blend.h on hand-picked values, and
// the container's dry/wet stage laying an effect onto its input by mode.
#include <catch2/catch.hpp>

#include <set>

#include "entropic/effects/blend.h"
#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {

// mode(backdrop, source) for one grey value per channel pair.
int blendOne(BlendMode mode, int backdrop, int source) {
    const std::uint8_t b[4] = {static_cast<std::uint8_t>(backdrop), 0, 0, 255};
    const std::uint8_t s[4] = {static_cast<std::uint8_t>(source), 0, 0, 77};
    std::uint8_t r[4] = {};
    blendPixels(mode, b, s, r, 1);
    CHECK(r[3] == 77); // the source's alpha, whatever the mode
    return r[0];
}

} // namespace

TEST_CASE("blend modes compute their formulas per channel", "[effects][blend]") {
    CHECK(blendOne(BlendMode::Normal, 200, 50) == 50);
    CHECK(blendOne(BlendMode::Add, 200, 50) == 250);
    CHECK(blendOne(BlendMode::Add, 200, 100) == 255);
    CHECK(blendOne(BlendMode::Subtract, 200, 50) == 150);
    CHECK(blendOne(BlendMode::Subtract, 50, 200) == 0);
    CHECK(blendOne(BlendMode::Multiply, 255, 77) == 77);
    CHECK(blendOne(BlendMode::Multiply, 128, 128) == 64); // 16384 / 255 = 64.25
    CHECK(blendOne(BlendMode::Screen, 0, 77) == 77);
    CHECK(blendOne(BlendMode::Screen, 128, 128) == 192);  // 255 − round(127·127/255 = 63.25)
    CHECK(blendOne(BlendMode::Overlay, 64, 200) == 100);  // 2·64·200/255 = 100.4
    CHECK(blendOne(BlendMode::Overlay, 192, 100) == 178); // 255 − round(2·63·155/255 = 76.6)
    CHECK(blendOne(BlendMode::Difference, 30, 200) == 170);
    CHECK(blendOne(BlendMode::Lighten, 30, 200) == 200);
    CHECK(blendOne(BlendMode::Darken, 30, 200) == 30);
    CHECK(blendOne(BlendMode::Xor, 0b1100'1010, 0b0110'0110) == 0b1010'1100);
    CHECK(blendOne(BlendMode::WrapAdd, 200, 100) == 44);
}

TEST_CASE("blend modes are named once, for projects and menus", "[effects][blend]") {
    std::set<std::string_view> names;
    for (const auto& m : blendModes()) {
        CHECK(blendModeFromName(m.name) == m.mode);
        CHECK(blendModeName(m.mode) == m.name);
        CHECK(blendModeLabel(m.mode) == m.label);
        names.insert(m.name);
    }
    CHECK(names.size() == blendModes().size());
    CHECK(names.count("normal"));
    CHECK(names.count("xor"));
    CHECK_FALSE(blendModeFromName("Normal")); // names are exact: lower case
    CHECK_FALSE(blendModeFromName(""));
}

TEST_CASE("an effect lays onto its input by its blend mode, then mixes",
          "[effects][blend][container]") {
    const EffectDescriptor& invert = *EffectRegistry::builtin().find("util.invert");
    const Frame in = test::syntheticFrame(32, 24, 0);
    auto run = [&](BlendMode mode, double mix) {
        EffectInstance instance{.descriptor = &invert,
                                .instanceId = "i",
                                .params = ParamValues(invert.params),
                                .mix = mix,
                                .blend = mode};
        Frame out(in.width(), in.height());
        applyEffect(instance, in.view(), out.view(), nullptr, {.projectId = "p"});
        return out;
    };
    const Frame inverted = run(BlendMode::Normal, 1.0);
    const Frame diff = run(BlendMode::Difference, 1.0);
    const Frame halfDiff = run(BlendMode::Difference, 0.5);
    for (int y = 0; y < in.height(); ++y)
        for (int x = 0; x < in.width(); ++x) {
            const std::uint8_t* i = in.view().row(y) + 4 * x;
            const std::uint8_t* v = inverted.view().row(y) + 4 * x;
            const std::uint8_t* d = diff.view().row(y) + 4 * x;
            const std::uint8_t* h = halfDiff.view().row(y) + 4 * x;
            for (int c = 0; c < 3; ++c) {
                INFO(x << "," << y << " channel " << c);
                REQUIRE(int{d[c]} == std::abs(int{i[c]} - int{v[c]}));
                // The container's documented mix: (in·(65536−w) + fx·w + 32768) >> 16, w = 32768.
                REQUIRE(int{h[c]} == (i[c] * 32768 + d[c] * 32768 + 32768) >> 16);
            }
            REQUIRE(d[3] == v[3]); // alpha follows the effect, as with normal
        }
    // Mix 0 stays exact whatever the mode.
    CHECK(test::samePixels(run(BlendMode::Xor, 0.0).view(), in.view()));
}
