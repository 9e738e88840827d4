#include <catch2/catch.hpp>

#include <array>
#include <cstring>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& ascii() {
    return *EffectRegistry::builtin().find("fx.ascii");
}
const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}

// White characters on black, 8 px cells: the 6×8 font drawn one to one.
ParamValues terminal(int ramp = 0) {
    ParamValues p(ascii().params);
    p.setNumber("cell", 8);
    p.setNumber("ramp", ramp);
    p.setNumber("mode", 1);
    p.set("foreground", {1, 1, 1, 1});
    p.set("background", {0, 0, 0, 1});
    return p;
}

// The cell at (cx, cy) as text, '#' where lit (red above half).
std::array<std::string, 8> cellText(const Frame& f, int cx, int cy) {
    std::array<std::string, 8> rows;
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 6; ++x)
            rows[static_cast<std::size_t>(y)] += px(f, 6 * cx + x, 8 * cy + y)[0] > 127 ? '#' : '.';
    return rows;
}

int inkOf(const Frame& f, int cx, int cy) {
    int n = 0;
    for (const std::string& row : cellText(f, cx, cy))
        for (char c : row)
            n += c == '#';
    return n;
}

Frame grey(int w, int h, int v) {
    Frame f(w, h);
    f.fill(static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v),
           255);
    return f;
}
} // namespace

TEST_CASE("ascii draws readable glyphs: white cells are '@', black cells are blank",
          "[effects][ascii]") {
    const Frame out = test::process(ascii(), terminal(), grey(12, 16, 255));
    const std::array<std::string, 8> at{".###..", "#...#.", "#.###.", "#.#.#.",
                                        "#.###.", "#.....", ".####.", "......"};
    for (int cy = 0; cy < 2; ++cy)
        for (int cx = 0; cx < 2; ++cx)
            CHECK(cellText(out, cx, cy) == at);
    // Ink is exactly the foreground colour, paper exactly the background.
    CHECK(std::memcmp(px(out, 1, 0), "\xff\xff\xff", 3) == 0);
    CHECK(std::memcmp(px(out, 0, 0), "\0\0\0", 3) == 0);

    const Frame blank = test::process(ascii(), terminal(), grey(12, 16, 0));
    for (int cy = 0; cy < 2; ++cy)
        for (int cx = 0; cx < 2; ++cx)
            CHECK(inkOf(blank, cx, cy) == 0);

    ParamValues inverted = terminal();
    inverted.setNumber("invert", 1);
    CHECK(inkOf(test::process(ascii(), inverted, grey(6, 8, 255)), 0, 0) == 0);
    CHECK(cellText(test::process(ascii(), inverted, grey(6, 8, 0)), 0, 0) == at);
}

TEST_CASE("ascii picks a cell's glyph by its mean brightness", "[effects][ascii]") {
    // Half black, half white: mean 128, the sixth of ten classic glyphs.
    Frame in = grey(6, 8, 0);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 3; ++x)
            std::memset(in.view().row(y) + 4 * x, 255, 3);
    const std::array<std::string, 8> plus{"..#...", "..#...", "..#...", "#####.",
                                          "..#...", "..#...", "..#...", "......"};
    CHECK(cellText(test::process(ascii(), terminal(), in), 0, 0) == plus);
}

TEST_CASE("ascii: brighter cells get denser glyphs, in every ramp", "[effects][ascii]") {
    // A ramp across 32 cells, each cell one grey.
    Frame in(6 * 32, 8);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 6 * 32; ++x)
            std::memset(in.view().row(y) + 4 * x, (x / 6) * 255 / 31, 3);
    for (int ramp = 0; ramp < 5; ++ramp) {
        INFO("ramp " << ramp);
        const Frame out = test::process(ascii(), terminal(ramp), in);
        CHECK(inkOf(out, 0, 0) == 0);
        CHECK(inkOf(out, 31, 0) >= 19);
        for (int c = 1; c < 32; ++c)
            CHECK(inkOf(out, c, 0) >= inkOf(out, c - 1, 0));
    }
}

TEST_CASE("ascii in picture colours, cells in render-scaled pixels", "[effects][ascii]") {
    Frame in(12, 8);
    in.fill(200, 40, 40, 170);
    ParamValues p = terminal();
    p.setNumber("mode", 0);
    const Frame out = test::process(ascii(), p, in);
    int ink = 0;
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 12; ++x) {
            const std::uint8_t* o = px(out, x, y);
            const bool lit = o[0] != 0;
            ink += lit;
            CHECK(std::memcmp(o, lit ? "\xc8\x28\x28" : "\0\0\0", 3) == 0);
            CHECK(o[3] == 170);
        }
    CHECK(ink == 2 * 8); // luma 74: ':' in each of the two cells

    const Frame natural = test::naturalFrame(50, 30);
    p.setNumber("cell", 16);
    const Frame half = test::process(ascii(), p, natural, nullptr, 0, 1, 0.5);
    p.setNumber("cell", 8);
    CHECK(test::samePixels(half.view(), test::process(ascii(), p, natural).view()));
}
