#include <catch2/catch.hpp>

#include <cmath>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& sharpen() {
    return *EffectRegistry::builtin().find("util.sharpen");
}

ParamValues settings(double amount, double radius, double threshold, int mode = 0) {
    ParamValues p(sharpen().params);
    p.setNumber("amount", amount);
    p.setNumber("radius", radius);
    p.setNumber("threshold", threshold);
    p.setNumber("mode", mode);
    return p;
}

// Left half (r, g, b) = lo, right half hi, plus optional ±1 texture on the left.
Frame edge(std::array<int, 3> lo, std::array<int, 3> hi, bool texture = false) {
    Frame f(40, 6);
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 40; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            const auto& c = x < 20 ? lo : hi;
            const int t = texture && x < 12 ? ((x + y) % 2 ? 1 : -1) : 0;
            for (int i = 0; i < 3; ++i)
                p[i] = static_cast<std::uint8_t>(c[static_cast<std::size_t>(i)] + t);
            p[3] = 200;
        }
    return f;
}

int at(const Frame& f, int x, int c = 0) {
    return f.view().row(3)[4 * x + c];
}
} // namespace

TEST_CASE("sharpen leaves flat frames and zero settings alone", "[effects][sharpen]") {
    Frame flat(20, 10);
    flat.fill(90, 160, 30, 255);
    CHECK(
        test::samePixels(test::process(sharpen(), settings(3, 4, 0, 1), flat).view(), flat.view()));
    const Frame in = test::syntheticFrame(40, 30, 1);
    CHECK(test::samePixels(test::process(sharpen(), settings(0, 2, 0), in).view(), in.view()));
    CHECK(test::samePixels(test::process(sharpen(), settings(2, 0, 0), in).view(), in.view()));
}

TEST_CASE("sharpen overshoots both sides of an edge", "[effects][sharpen]") {
    const Frame out =
        test::process(sharpen(), settings(1, 1.5, 0, 1), edge({50, 50, 50}, {200, 200, 200}));
    CHECK(at(out, 19) < 40);  // dark side darker
    CHECK(at(out, 20) > 210); // bright side brighter
    CHECK(at(out, 2) == 50);  // far from the edge: unchanged
    CHECK(at(out, 37) == 200);
    CHECK(at(out, 20, 3) == 200); // alpha kept
    // More amount, more overshoot.
    const Frame more =
        test::process(sharpen(), settings(3, 1.5, 0, 1), edge({50, 50, 50}, {200, 200, 200}));
    CHECK(at(more, 17) < at(out, 17));
    CHECK(at(out, 17) < 50);
}

TEST_CASE("sharpen threshold spares fine texture, luma mode adds no colour", "[effects][sharpen]") {
    const Frame in = edge({100, 100, 100}, {180, 180, 180}, true);
    const Frame out = test::process(sharpen(), settings(2, 1, 4, 1), in);
    for (int x = 0; x < 10; ++x)
        CHECK(at(out, x) == at(in, x)); // ±1 texture untouched
    CHECK(at(out, 20) > 185);           // the edge is sharpened
    // Luma mode: a red/blue edge of equal-ish luma changes R, G and B by the same amount.
    const Frame colour = edge({200, 40, 40}, {40, 40, 200});
    const Frame lumaOut = test::process(sharpen(), settings(1.5, 1.5, 0, 0), colour);
    for (int x = 17; x < 23; ++x) {
        const int dr = at(lumaOut, x, 0) - at(colour, x, 0),
                  dg = at(lumaOut, x, 1) - at(colour, x, 1);
        CHECK(std::abs(dr - dg) <= 1);
    }
    // RGB mode sharpens each channel: red drops past the edge where luma mode barely moves it.
    const Frame rgbOut = test::process(sharpen(), settings(1.5, 1.5, 0, 1), colour);
    CHECK(at(rgbOut, 20, 0) < at(lumaOut, 20, 0) - 20);
}
