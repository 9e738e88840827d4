#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& feedback() {
    return *EffectRegistry::builtin().find("fx.feedback");
}

ParamValues still(double decay) {
    ParamValues p(feedback().params);
    p.setNumber("decay", decay);
    p.setNumber("zoom", 1);
    p.setNumber("rotate", 0);
    p.setNumber("offset_x", 0);
    p.setNumber("offset_y", 0);
    return p;
}

Frame dot(int w, int h, int x, int y) {
    Frame f(w, h);
    f.fill(0, 0, 0, 255);
    std::uint8_t* p = f.view().row(y) + 4 * x;
    p[0] = p[1] = p[2] = 255;
    return f;
}

// docs/effects.md, written out one channel at a time: the previous output
// sampled at R(−rotate)·(q − offset)/zoom about the centre (16.16 fixed point
// from an exact start per row, stepped per pixel), bilinear with 8-bit
// fractions and clamped taps, blended in integers; off the previous frame,
// the input.
Frame expected(const Frame& in, const Frame& prev, const ParamValues& p) {
    const int w = in.width(), h = in.height();
    const double zoom = p.number("zoom"), angle = p.number("rotate") * std::numbers::pi / 180;
    const double cs = std::cos(angle) / zoom, sn = std::sin(angle) / zoom, cx = w / 2.0,
                 cy = h / 2.0;
    const std::int64_t one = 65536, stepX = std::llround(cs * one), stepY = std::llround(-sn * one);
    const std::int64_t decay = std::lround(p.number("decay") * 65536);
    Frame out(w, h);
    for (int y = 0; y < h; ++y) {
        const double qx = 0.5 - cx - p.number("offset_x"), qy = y + 0.5 - cy - p.number("offset_y");
        const std::int64_t sx = std::llround((cs * qx + sn * qy + cx - 0.5) * one);
        const std::int64_t sy = std::llround((-sn * qx + cs * qy + cy - 0.5) * one);
        for (int x = 0; x < w; ++x) {
            const std::int64_t px = sx + x * stepX, py = sy + x * stepY;
            const std::uint8_t* s = in.view().row(y) + 4 * x;
            std::uint8_t* d = out.view().row(y) + 4 * x;
            if (px < -one / 2 || px > w * one - one / 2 || py < -one / 2 ||
                py > h * one - one / 2) {
                std::copy(s, s + 4, d);
                continue;
            }
            const std::int64_t ix = px >> 16, iy = py >> 16, fx = (px >> 8) & 255,
                               fy = (py >> 8) & 255;
            const auto tap = [&](std::int64_t tx, std::int64_t ty, int c) {
                return prev.view().row(static_cast<int>(std::clamp<std::int64_t>(
                    ty, 0, h - 1)))[4 * std::clamp<std::int64_t>(tx, 0, w - 1) + c];
            };
            for (int c = 0; c < 4; ++c) {
                const std::int64_t top = tap(ix, iy, c) * (256 - fx) + tap(ix + 1, iy, c) * fx;
                const std::int64_t bottom =
                    tap(ix, iy + 1, c) * (256 - fx) + tap(ix + 1, iy + 1, c) * fx;
                const std::int64_t fed = (top * (256 - fy) + bottom * fy + 128) >> 8;
                d[c] = static_cast<std::uint8_t>(
                    (s[c] * (65536 - decay) * 256 + fed * decay + (1 << 23)) >> 24);
            }
        }
    }
    return out;
}
} // namespace

TEST_CASE("feedback is the documented formula on every pixel, edges included",
          "[effects][feedback]") {
    // Odd sizes and settings that put the fed-back picture partly off the
    // frame, so the vector interior, its clamped edges and the input showing
    // through all occur, on rows of odd length.
    const std::vector<std::vector<std::pair<const char*, double>>> cases = {
        {},
        {{"decay", 0.9}, {"zoom", 1.25}, {"rotate", 20}, {"offset_x", 3}},
        {{"decay", 0.9}, {"zoom", 0.5}, {"rotate", -45}, {"offset_x", 20}, {"offset_y", -9}},
        {{"decay", 0.45}, {"zoom", 2}, {"rotate", 45}, {"offset_x", -7.3}, {"offset_y", 11.1}},
        {{"decay", 0.3}, {"zoom", 1}, {"rotate", 0}, {"offset_x", 0.5}, {"offset_y", -0.25}},
        {{"decay", 0}, {"zoom", 1.1}},
    };
    for (const auto& settings : cases) {
        ParamValues p(feedback().params);
        for (const auto& [key, value] : settings)
            p.setNumber(key, value);
        auto state = feedback().makeState();
        Frame prev = test::process(feedback(), p, test::naturalFrame(67, 45), state.get(), 0);
        for (int k = 1; k < 4; ++k) {
            const Frame in = test::syntheticFrame(67, 45, k);
            const Frame out = test::process(feedback(), p, in, state.get(), k);
            INFO("case " << (&settings - cases.data()) << " frame " << k);
            CHECK(test::samePixels(out.view(), expected(in, prev, p).view()));
            prev = out;
        }
    }
}

TEST_CASE("feedback carries the previous output in its state", "[effects][feedback]") {
    const ParamValues p(feedback().params);
    auto state = feedback().makeState();
    const Frame f0 = test::syntheticFrame(64, 48, 0), f1 = test::syntheticFrame(64, 48, 1);
    const Frame out0 = test::process(feedback(), p, f0, state.get(), 0);
    CHECK(test::samePixels(out0.view(), f0.view())); // nothing to feed back yet
    const Frame out1 = test::process(feedback(), p, f1, state.get(), 1);
    const Frame stateless = test::process(feedback(), p, f1, nullptr, 1);
    CHECK(test::samePixels(stateless.view(), f1.view()));
    CHECK_FALSE(test::samePixels(out1.view(), stateless.view()));
}

TEST_CASE("feedback moves the fed-back picture by the offset, weighted by decay",
          "[effects][feedback]") {
    ParamValues p = still(0.9);
    p.setNumber("offset_x", 1);
    auto state = feedback().makeState();
    test::process(feedback(), p, dot(9, 9, 4, 4), state.get(), 0);
    Frame black(9, 9);
    black.fill(0, 0, 0, 255);
    const Frame out = test::process(feedback(), p, black, state.get(), 1);
    CHECK(out.view().row(4)[4 * 5] == 229); // 255 × 0.9 (58982/65536) = 229.49
    CHECK(out.view().row(4)[4 * 4] == 0);
    CHECK(out.view().row(4)[4 * 5 + 3] == 255);
}

TEST_CASE("feedback with an identity transform keeps a still picture exact",
          "[effects][feedback]") {
    auto state = feedback().makeState();
    const Frame in = test::syntheticFrame(31, 17, 0);
    for (int k = 0; k < 4; ++k) {
        const Frame out = test::process(feedback(), still(0.5), in, state.get(), k);
        CHECK(test::samePixels(out.view(), in.view()));
    }
}

TEST_CASE("feedback resets on a size change or a jump in frames", "[effects][feedback]") {
    const ParamValues p(feedback().params);
    auto state = feedback().makeState();
    test::process(feedback(), p, test::syntheticFrame(32, 32, 0), state.get(), 0);
    const Frame small = test::syntheticFrame(16, 12, 1);
    CHECK(
        test::samePixels(test::process(feedback(), p, small, state.get(), 1).view(), small.view()));
    const Frame next = test::syntheticFrame(16, 12, 2);
    CHECK_FALSE(
        test::samePixels(test::process(feedback(), p, next, state.get(), 2).view(), next.view()));
    const Frame later = test::syntheticFrame(16, 12, 9);
    CHECK(
        test::samePixels(test::process(feedback(), p, later, state.get(), 9).view(), later.view()));
}
