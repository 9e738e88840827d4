#include <catch2/catch.hpp>

#include <cmath>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& hsl() {
    return *EffectRegistry::builtin().find("util.hsl_adjust");
}

ParamValues settings(std::initializer_list<std::pair<const char*, double>> values) {
    ParamValues p(hsl().params);
    p.setNumber("saturation", 0); // neutral, so each test changes one thing
    for (const auto& [key, value] : values)
        p.setNumber(key, value);
    return p;
}

struct Rgb {
    int r, g, b;
    bool operator==(const Rgb&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Rgb& c) {
    return os << '(' << c.r << ',' << c.g << ',' << c.b << ')';
}

// Runs the effect on a row of colours (alpha 99) and returns them.
std::vector<Rgb> run(const ParamValues& p, const std::vector<Rgb>& colours) {
    Frame in(static_cast<int>(colours.size()), 1);
    for (std::size_t i = 0; i < colours.size(); ++i) {
        std::uint8_t* px = in.data() + 4 * i;
        px[0] = static_cast<std::uint8_t>(colours[i].r),
        px[1] = static_cast<std::uint8_t>(colours[i].g);
        px[2] = static_cast<std::uint8_t>(colours[i].b), px[3] = 99;
    }
    const Frame out = test::process(hsl(), p, in);
    std::vector<Rgb> result;
    for (std::size_t i = 0; i < colours.size(); ++i) {
        const std::uint8_t* px = out.data() + 4 * i;
        REQUIRE(px[3] == 99); // alpha untouched
        result.push_back({px[0], px[1], px[2]});
    }
    return result;
}

Rgb one(const ParamValues& p, Rgb c) {
    return run(p, {c})[0];
}

const Rgb red{255, 0, 0}, green{0, 255, 0}, blue{0, 0, 255}, grey{128, 128, 128};
} // namespace

TEST_CASE("hsl_adjust at neutral settings is the identity", "[effects][hsl_adjust]") {
    const Frame in =
        test::syntheticFrame(61, 13, 1); // odd width: the last pixels go through padding
    for (int model : {0, 1}) {
        INFO("model " << model);
        CHECK(test::samePixels(test::process(hsl(), settings({{"model", model}}), in).view(),
                               in.view()));
    }
}

TEST_CASE("hsl_adjust hue rotation walks the colour wheel", "[effects][hsl_adjust]") {
    CHECK(run(settings({{"hue", 120}}), {red, green, blue, grey}) ==
          std::vector<Rgb>{green, blue, red, grey});
    CHECK(run(settings({{"hue", -120}}), {red, green, blue}) == std::vector<Rgb>{blue, red, green});
    CHECK(one(settings({{"hue", 60}}), red) == Rgb{255, 255, 0});  // yellow
    CHECK(one(settings({{"hue", 180}}), red) == Rgb{0, 255, 255}); // cyan
    CHECK(one(settings({{"hue", 30}}), red) == Rgb{255, 128, 0});  // orange: halfway to yellow
    // A muted colour keeps its lightness and chroma: max and min swap channels only.
    CHECK(one(settings({{"hue", 120}}), {200, 100, 50}) == Rgb{50, 200, 100});
}

TEST_CASE("hsl_adjust saturation and lightness", "[effects][hsl_adjust]") {
    // -100 %: grey at HSL lightness (max + min) / 2.
    CHECK(one(settings({{"saturation", -100}}), {200, 100, 50}) == Rgb{125, 125, 125});
    // +100 %: chroma doubles around the same lightness (150 → 300, capped by 255 - |2L - 255|).
    CHECK(one(settings({{"saturation", 100}}), {150, 100, 90}) == Rgb{180, 80, 60});
    CHECK(one(settings({{"saturation", 200}}), {200, 100, 50}) ==
          Rgb{250, 83, 0}); // mid stays 1/3 of the way
    CHECK(one(settings({{"lightness", 100}}), {200, 100, 50}) == Rgb{255, 255, 255});
    CHECK(one(settings({{"lightness", -100}}), {200, 100, 50}) == Rgb{0, 0, 0});
    CHECK(one(settings({{"lightness", 40}}), {0, 100, 255}) == Rgb{102, 162, 255});
    CHECK(one(settings({{"lightness", -40}}), {0, 100, 255}) == Rgb{0, 60, 153});
}

TEST_CASE("hsl_adjust limited to a hue range", "[effects][hsl_adjust]") {
    // Only reds (350°..10°) turn green; blue, yellow and grey stay.
    const auto p =
        settings({{"hue", 120}, {"range_centre", 0}, {"range_width", 20}, {"range_softness", 0}});
    CHECK(run(p, {red, {255, 0, 20}, blue, {255, 255, 0}, grey}) ==
          std::vector<Rgb>{green, {20, 255, 0}, blue, {255, 255, 0}, grey});
    // Softness fades the change: a hue 20° past the edge of a 40° soft ramp gets half.
    const auto soft = settings(
        {{"lightness", -100}, {"range_centre", 120}, {"range_width", 0}, {"range_softness", 40}});
    CHECK(one(soft, green) == Rgb{0, 0, 0});
    CHECK(one(soft, {0, 255, 170}) == Rgb{0, 255, 170}); // hue 160°: past the ramp
    const Rgb half = one(soft, {0, 255, 85});            // hue 140°: halfway down the ramp
    CHECK(std::abs(half.g - 127.5) <= 0.5);
    CHECK(std::abs(half.b - 42.5) <= 0.5);
    // Near-grey pixels fade in with chroma: chroma 10 of the 20.4 ramp.
    CHECK(one(settings({{"lightness", -100}, {"range_centre", 0}, {"range_width", 60}}),
              {110, 100, 100}) == Rgb{56, 51, 51});
}

TEST_CASE("hsl_adjust video model keeps luma and greys", "[effects][hsl_adjust]") {
    const auto p = settings({{"model", 1}, {"hue", 90}, {"saturation", 30}});
    for (int v : {0, 17, 128, 255})
        CHECK(one(p, {v, v, v}) == Rgb{v, v, v});
    // A muted colour stays in gamut, so its BT.709 luma is kept.
    const Rgb in{140, 110, 90}, out = one(p, in);
    const auto luma = [](Rgb c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
    CHECK(std::abs(luma(out) - luma(in)) < 1.0);
    CHECK_FALSE(out == in);
}
