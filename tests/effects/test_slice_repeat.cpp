#include <catch2/catch.hpp>

#include <cstring>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& slices() {
    return *EffectRegistry::builtin().find("fx.slice_repeat");
}

// Every pixel different from every other.
Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = static_cast<std::uint8_t>(x);
            p[1] = static_cast<std::uint8_t>(y);
            p[2] = static_cast<std::uint8_t>(x * 7 + y);
            p[3] = 255;
        }
    return f;
}

bool samePixel(const Frame& a, int ax, int ay, const Frame& b, int bx, int by) {
    return std::memcmp(a.view().row(ay) + 4 * ax, b.view().row(by) + 4 * bx, 4) == 0;
}
} // namespace

TEST_CASE("slice_repeat: probability 0 is the identity", "[effects][slice_repeat]") {
    const Frame in = coded(20, 17);
    ParamValues p(slices().params);
    p.setNumber("probability", 0);
    CHECK(test::samePixels(test::process(slices(), p, in).view(), in.view()));
}

TEST_CASE("slice_repeat: every slice stuck once pushes the picture one slice on, with drift",
          "[effects][slice_repeat]") {
    // Probability 1, one repeat: each slice shows the one before it; the first
    // shows itself. Drift 3 rotates each copy 3 px further.
    const int w = 30, h = 20, slice = 4;
    const Frame in = coded(w, h);
    ParamValues p(slices().params);
    p.setNumber("probability", 1);
    p.setNumber("repeats", 1);
    p.setNumber("slice", slice);
    p.setNumber("drift", 3);
    const Frame rows = test::process(slices(), p, in);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            INFO(x << "," << y);
            if (y < slice)
                CHECK(samePixel(rows, x, y, in, x, y));
            else
                CHECK(samePixel(rows, x, y, in, (x - 3 + w) % w, y - slice));
        }
    p.setNumber("orientation", 1);
    const Frame cols = test::process(slices(), p, in);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            INFO(x << "," << y);
            if (x < slice)
                CHECK(samePixel(cols, x, y, in, x, y));
            else
                CHECK(samePixel(cols, x, y, in, x - slice, (y - 3 + h) % h));
        }
}

TEST_CASE("slice_repeat: each slice is a copy of itself or of a slice at most `repeats` above",
          "[effects][slice_repeat]") {
    const int w = 16, h = 240, slice = 2, repeats = 5;
    const Frame in = coded(w, h);
    ParamValues p(slices().params);
    p.setNumber("probability", 0.2);
    p.setNumber("repeats", repeats);
    p.setNumber("slice", slice);
    const Frame out = test::process(slices(), p, in, nullptr, 0, 3);
    int copies = 0;
    for (int t = 0; t < h / slice; ++t) {
        int source = -1;
        for (int s = t; s >= std::max(0, t - repeats) && source < 0; --s) {
            bool same = true;
            for (int r = 0; r < slice && same; ++r)
                same = std::memcmp(out.view().row(t * slice + r), in.view().row(s * slice + r),
                                   static_cast<std::size_t>(w) * 4) == 0;
            if (same) source = s;
        }
        INFO("slice " << t);
        CHECK(source >= 0);
        copies += source >= 0 && source != t;
    }
    CHECK(copies > 5);
    CHECK(copies < h / slice);
    CHECK_FALSE(test::samePixels(test::process(slices(), p, in, nullptr, 1, 4).view(), out.view()));
}
