#include <catch2/catch.hpp>

#include <cstring>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& contours() {
    return *EffectRegistry::builtin().find("fx.contours");
}
const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}

// Black lines on white paper, four bands, no smoothing.
ParamValues map(int levels = 4, double width = 1, double smoothing = 0) {
    ParamValues p(contours().params);
    p.setNumber("levels", levels);
    p.setNumber("line_width", width);
    p.setNumber("smoothing", smoothing);
    p.setNumber("fill", 1);
    p.set("line_color", {0, 0, 0, 1});
    p.set("paper", {1, 1, 1, 1});
    return p;
}

// Grey value x in column x: luma rises by one level per column.
Frame greyRamp(int h = 5) {
    Frame f(256, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < 256; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = static_cast<std::uint8_t>(x);
            p[3] = 200;
        }
    return f;
}

int lineColumns(const Frame& f, int y, std::vector<int>* where = nullptr) {
    int n = 0;
    for (int x = 0; x < f.width(); ++x)
        if (px(f, x, y)[0] == 0) {
            ++n;
            if (where) where->push_back(x);
        }
    return n;
}
} // namespace

TEST_CASE("contours: one line where the luma crosses each band boundary", "[effects][contours]") {
    const Frame out = test::process(contours(), map(), greyRamp());
    for (int y = 0; y < 5; ++y) {
        std::vector<int> where;
        lineColumns(out, y, &where);
        // Bands of 256/4 levels: the last pixel of bands 0, 1 and 2.
        CHECK(where == std::vector<int>{63, 127, 191});
        CHECK(px(out, 10, y)[1] == 255); // paper
        CHECK(px(out, 10, y)[3] == 200); // alpha stays
    }
    std::vector<int> thick;
    lineColumns(test::process(contours(), map(4, 3), greyRamp()), 2, &thick);
    CHECK(thick == std::vector<int>{62, 63, 64, 126, 127, 128, 190, 191, 192});
    // Line widths are render-scaled pixels.
    CHECK(test::samePixels(
        test::process(contours(), map(4, 6), greyRamp(), nullptr, 0, 1, 0.5).view(),
        test::process(contours(), map(4, 3), greyRamp()).view()));
}

TEST_CASE("contours: fills by band, picture fill and picture-coloured lines",
          "[effects][contours]") {
    ParamValues p = map();
    p.setNumber("fill", 2); // grey steps
    Frame out = test::process(contours(), p, greyRamp());
    CHECK(px(out, 20, 1)[0] == 0);
    CHECK(px(out, 100, 1)[0] == 85);
    CHECK(px(out, 150, 1)[0] == 170);
    CHECK(px(out, 230, 1)[0] == 255);
    p.setNumber("fill", 3); // map tints: lowland green to snow
    out = test::process(contours(), p, greyRamp());
    CHECK((px(out, 20, 1)[0] == 58 && px(out, 20, 1)[1] == 110 && px(out, 20, 1)[2] == 70));
    CHECK((px(out, 230, 1)[0] == 248 && px(out, 230, 1)[1] == 248));
    CHECK(px(out, 100, 1)[1] > px(out, 100, 1)[2]); // a green-yellow, not grey

    p.setNumber("fill", 0);
    p.setNumber("line_source", 1);
    const Frame in = test::naturalFrame(80, 60);
    out = test::process(contours(), p, in);
    CHECK(
        test::samePixels(out.view(), in.view())); // lines in the picture's colours over the picture
    p.setNumber("line_source", 0);
    out = test::process(contours(), p, in);
    int lines = 0;
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 80; ++x) {
            const bool black = std::memcmp(px(out, x, y), "\0\0\0", 3) == 0;
            lines += black;
            if (!black) REQUIRE(std::memcmp(px(out, x, y), px(in, x, y), 4) == 0);
        }
    CHECK(lines > 30);
}

TEST_CASE("contours: smoothing removes lines from fine texture", "[effects][contours]") {
    // A checkerboard of 120 and 131 straddles the boundary between two bands
    // (at 127.5) at every pixel; its local mean, 125.5, does not.
    Frame in(40, 30);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 40; ++x) {
            std::uint8_t* p = in.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = (x + y) % 2 ? 131 : 120;
            p[3] = 255;
        }
    int raw = 0, smooth = 0;
    const Frame a = test::process(contours(), map(2, 1, 0), in);
    const Frame b = test::process(contours(), map(2, 1, 3), in);
    for (int y = 0; y < 30; ++y)
        raw += lineColumns(a, y), smooth += lineColumns(b, y);
    CHECK(raw == 40 * 30 - 1); // all but the bottom-right corner, whose window is itself
    CHECK(smooth == 0);
}
