#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& key() {
    return *EffectRegistry::builtin().find("util.chroma_key");
}

ParamValues settings(std::initializer_list<std::pair<const char*, double>> values) {
    ParamValues p(key().params);
    p.set("key", {0.0, 0.7, 0.25, 1.0});
    p.setNumber("spill", 0);
    for (const auto& [k, v] : values)
        p.setNumber(k, v);
    return p;
}

// A screen of the key colour (0, 178.5, 64) with a grey-red subject in the middle.
Frame screen(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            const bool subject = x >= w / 3 && x < 2 * w / 3;
            p[0] = subject ? 180 : 0, p[1] = subject ? 120 : 179, p[2] = subject ? 110 : 64,
            p[3] = 255;
        }
    return f;
}

const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}
} // namespace

TEST_CASE("chroma key of the key colour gives alpha 0, other colours stay",
          "[effects][chroma_key]") {
    const Frame in = screen(30, 8);
    const Frame out = test::process(key(), settings({}), in);
    CHECK(int(px(out, 2, 4)[3]) == 0);    // screen
    CHECK(int(px(out, 15, 4)[3]) == 255); // subject
    CHECK(int(px(out, 15, 4)[0]) == 180); // colour kept (straight alpha)
    CHECK(int(px(out, 2, 4)[1]) == 179);
    // A darker and a brighter shade of the screen key too: only chroma counts.
    Frame shades(2, 1);
    shades.data()[0] = 0, shades.data()[1] = 120, shades.data()[2] = 43, shades.data()[3] = 255;
    shades.data()[4] = 0, shades.data()[5] = 235, shades.data()[6] = 84, shades.data()[7] = 255;
    const Frame keyed =
        test::process(key(), settings({{"tolerance", 0.1}, {"softness", 0}}), shades);
    CHECK(int(keyed.data()[3]) == 0);
    CHECK(int(keyed.data()[7]) == 0);
}

TEST_CASE("chroma key edges are soft over the 3x3 neighbourhood and softness",
          "[effects][chroma_key]") {
    const Frame out = test::process(key(), settings({{"softness", 0.2}}), screen(30, 8));
    const int edge = px(out, 10, 4)[3], inside = px(out, 12, 4)[3];
    CHECK(edge > 0);
    CHECK(edge < 255);
    CHECK(inside == 255);
    // Input alpha multiplies: a half-transparent subject stays half transparent.
    Frame half = screen(30, 8);
    for (int x = 0; x < 30; ++x)
        half.view().row(4)[4 * x + 3] = 128;
    CHECK(int(px(test::process(key(), settings({}), half), 15, 4)[3]) == 128);
}

TEST_CASE("chroma key invert, matte output and spill suppression", "[effects][chroma_key]") {
    const Frame in = screen(30, 8);
    const Frame inverted = test::process(key(), settings({{"invert", 1}}), in);
    CHECK(int(px(inverted, 2, 4)[3]) == 255);
    CHECK(int(px(inverted, 15, 4)[3]) == 0);
    const Frame matte = test::process(key(), settings({{"output", 1}}), in);
    CHECK(int(px(matte, 2, 4)[0]) == 0);
    CHECK(int(px(matte, 15, 4)[0]) == 255);
    CHECK(int(px(matte, 15, 4)[1]) == 255);
    CHECK(int(px(matte, 2, 4)[3]) == 255); // the matte itself is opaque
    // Spill: a greenish grey loses its green cast at constant luma; a magenta one is untouched.
    Frame tinted(2, 1);
    const std::uint8_t colours[8] = {120, 150, 120, 255, 150, 120, 150, 255};
    std::copy(colours, colours + 8, tinted.data());
    const Frame out =
        test::process(key(), settings({{"spill", 1}, {"tolerance", 0}, {"softness", 0}}), tinted);
    const std::uint8_t* g = out.data();
    CHECK(g[1] - g[0] < 10); // was 30 more green than red
    const auto luma = [](const std::uint8_t* c) {
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    CHECK(std::abs(luma(g) - luma(colours)) < 1.5);
    CHECK(int(out.data()[4]) == 150);
    CHECK(int(out.data()[5]) == 120);
}
