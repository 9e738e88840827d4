#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& vhs() {
    return *EffectRegistry::builtin().find("fx.vhs");
}

// Every artefact off; tests turn on one at a time.
ParamValues clean() {
    ParamValues p(vhs().params);
    for (const char* k : {"wobble", "tracking_noise", "head_switch", "head_shift", "chroma_blur",
                          "chroma_delay", "noise", "dropouts"})
        p.setNumber(k, 0);
    return p;
}

int maxDiff(const Frame& a, const Frame& b) {
    int m = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < 4 * a.width(); ++x)
            m = std::max(m, std::abs(a.view().row(y)[x] - b.view().row(y)[x]));
    return m;
}

// Grey ramp across (no chroma): sliding a row is visible exactly in its values.
Frame greyRamp(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = p[1] = p[2] = static_cast<std::uint8_t>(3 * x);
            p[3] = 255;
        }
    return f;
}

double chromaCr(const std::uint8_t* p) { // BT.709, full range
    const double y = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
    return (p[0] - y) / 1.5748;
}
} // namespace

TEST_CASE("vhs with every artefact off is the input up to YCbCr rounding", "[effects][vhs]") {
    const Frame in = test::naturalFrame(64, 40);
    const Frame out = test::process(vhs(), clean(), in);
    CHECK(maxDiff(in, out) <= 1);
}

TEST_CASE("vhs tracking wobble slides each row by a sine of its height", "[effects][vhs]") {
    const int w = 80, h = 60;
    const Frame in = greyRamp(w, h);
    ParamValues p = clean();
    p.setNumber("wobble", 5);
    p.setNumber("wobble_period", 40);
    p.setNumber("wobble_speed", 0);
    const Frame out = test::process(vhs(), p, in);
    for (int y = 0; y < h; ++y) {
        const double off = 5 * std::sin(2 * std::numbers::pi * y / 40.0);
        for (int x = 10; x < w - 10; ++x) {
            INFO(x << "," << y);
            CHECK(std::abs(out.view().row(y)[4 * x + 1] - 3 * (x - off)) <= 1.5);
        }
    }
}

TEST_CASE("vhs chroma lags luma by the delay, head switching tears only the bottom band",
          "[effects][vhs]") {
    const int w = 60, h = 30;
    Frame in(w, h);
    in.fill(128, 128, 128, 255);
    for (int y = 0; y < h; ++y)
        for (int x = 20; x < 30; ++x) {
            std::uint8_t* px = in.view().row(y) + 4 * x;
            px[0] = 200, px[1] = 100, px[2] = 90;
        }
    ParamValues p = clean();
    p.setNumber("chroma_delay", 4);
    Frame out = test::process(vhs(), p, in);
    for (int x = 0; x < w; ++x) {
        INFO(x);
        const int src = std::clamp(x - 4, 0, w - 1);
        CHECK(std::abs(chromaCr(out.view().row(5) + 4 * x) -
                       chromaCr(in.view().row(5) + 4 * src)) <= 1.5);
    }

    const Frame ramp = greyRamp(w, h);
    p = clean();
    p.setNumber("head_switch", 8);
    p.setNumber("head_shift", 20);
    out = test::process(vhs(), p, ramp);
    for (int y = 0; y < h - 8; ++y)
        for (int x = 0; x < 4 * w; ++x)
            CHECK(std::abs(out.view().row(y)[x] - ramp.view().row(y)[x]) <= 1);
    // The last row slides by at least 0.6 · 20 px: its value at x is the ramp ~12+ px to the left.
    CHECK(out.view().row(h - 1)[4 * 40 + 1] <= 3 * (40 - 12) + 1);
}

TEST_CASE("vhs noise and dropouts follow the seed", "[effects][vhs]") {
    const Frame in = test::naturalFrame(64, 48);
    ParamValues p(vhs().params);
    p.setNumber("dropouts", 0.5);
    const Frame a = test::process(vhs(), p, in, nullptr, 3, 10);
    CHECK(test::samePixels(a.view(), test::process(vhs(), p, in, nullptr, 3, 10).view()));
    CHECK_FALSE(test::samePixels(a.view(), test::process(vhs(), p, in, nullptr, 3, 11).view()));
}
