#include <catch2/catch.hpp>

#include <cstring>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& tear() {
    return *EffectRegistry::builtin().find("fx.row_shift");
}

// Every pixel distinct within its row.
Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c)
                f.view().row(y)[4 * x + c] = static_cast<std::uint8_t>(x + 100 * c + y);
    return f;
}

// The wrapped shift k with out row == in row rotated right by k, or -1.
int rotationOf(const Frame& in, const Frame& out, int y) {
    const int w = in.width();
    for (int k = 0; k < w; ++k) {
        bool same = true;
        for (int x = 0; x < w && same; ++x)
            same = std::memcmp(out.view().row(y) + 4 * x, in.view().row(y) + 4 * ((x - k + w) % w),
                               4) == 0;
        if (same) return k;
    }
    return -1;
}
} // namespace

TEST_CASE("row_shift: rows are whole rotations, constant per band without jitter",
          "[effects][row_shift]") {
    const int w = 200, h = 120;
    const Frame in = coded(w, h);
    ParamValues p(tear().params);
    p.setNumber("probability", 0.5);
    p.setNumber("band_height", 10);
    p.setNumber("jitter", 0);
    p.setNumber("max_shift", 30);
    const Frame out = test::process(tear(), p, in, nullptr, 0, 77);
    int torn = 0;
    for (int b = 0; b < h / 10; ++b) {
        const int k = rotationOf(in, out, 10 * b);
        REQUIRE(k >= 0);
        CHECK((k <= 30 || k >= w - 30));
        if (k) ++torn;
        for (int y = 10 * b; y < 10 * b + 10; ++y)
            CHECK(rotationOf(in, out, y) == k);
    }
    CHECK(torn > 0);
    CHECK(torn < h / 10);
}

TEST_CASE("row_shift: probability 0 is the identity, 1 tears every band, seeds differ",
          "[effects][row_shift]") {
    const Frame in = coded(64, 40);
    ParamValues p(tear().params);
    p.setNumber("probability", 0);
    CHECK(test::samePixels(test::process(tear(), p, in).view(), in.view()));
    p.setNumber("probability", 1);
    p.setNumber("band_height", 1);
    p.setNumber("jitter", 0);
    const Frame a = test::process(tear(), p, in, nullptr, 0, 1);
    const Frame b = test::process(tear(), p, in, nullptr, 1, 2);
    CHECK_FALSE(test::samePixels(a.view(), b.view())); // a new seed every frame: new tears
    CHECK(test::samePixels(a.view(), test::process(tear(), p, in, nullptr, 0, 1).view()));
}

TEST_CASE("row_shift clamp repeats the edge pixel", "[effects][row_shift]") {
    const Frame in = coded(50, 30);
    ParamValues p(tear().params);
    p.setNumber("probability", 1);
    p.setNumber("edge", 1);
    p.setNumber("jitter", 0);
    p.setNumber("max_shift", 20); // the middle pixel's source stays inside: shifts are unambiguous
    const Frame out = test::process(tear(), p, in, nullptr, 0, 5);
    for (int y = 0; y < 30; ++y) {
        // Find the shift from a middle pixel, then check the row against it.
        int shift = 0;
        for (int s = -20; s <= 20; ++s)
            if (std::memcmp(out.view().row(y) + 4 * 25,
                            in.view().row(y) + 4 * std::clamp(25 - s, 0, 49), 4) == 0)
                shift = s;
        for (int x = 0; x < 50; ++x)
            CHECK(std::memcmp(out.view().row(y) + 4 * x,
                              in.view().row(y) + 4 * std::clamp(x - shift, 0, 49), 4) == 0);
    }
}
