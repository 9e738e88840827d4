#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "entropic/effects/registry.h"
#include "entropic/effects/seed.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& noise() {
    return *EffectRegistry::builtin().find("fx.noise");
}

Frame grey(int w, int h) {
    Frame f(w, h);
    f.fill(128, 128, 128, 200);
    return f;
}

ParamValues settings(double amount, int mode, double size) {
    ParamValues p(noise().params);
    p.setNumber("amount", amount);
    p.setNumber("mode", mode);
    p.setNumber("size", size);
    return p;
}

// Mean absolute difference between horizontal neighbours, on red.
double roughness(const Frame& f) {
    double sum = 0;
    for (int y = 0; y < f.height(); ++y)
        for (int x = 1; x < f.width(); ++x)
            sum += std::abs(f.view().row(y)[4 * x] - f.view().row(y)[4 * x - 4]);
    return sum / (f.height() * (f.width() - 1));
}
} // namespace

TEST_CASE("noise amount 0 is the identity", "[effects][noise]") {
    const Frame in = test::syntheticFrame(40, 30, 0);
    CHECK(test::samePixels(test::process(noise(), settings(0, 1, 1), in).view(), in.view()));
}

TEST_CASE("noise has the documented strength and is zero-mean", "[effects][noise]") {
    const Frame out = test::process(noise(), settings(0.1, 0, 1), grey(200, 200));
    double sum = 0, sumSq = 0;
    const int n = 200 * 200;
    for (int i = 0; i < n; ++i) {
        const double d = out.data()[4 * i] - 128.0;
        sum += d;
        sumSq += d * d;
        REQUIRE(out.data()[4 * i + 3] == 200); // alpha untouched
    }
    CHECK(std::abs(sum / n) < 0.5);
    CHECK(std::sqrt(sumSq / n) == Approx(12.8).epsilon(0.08)); // 0.1 × 128
}

TEST_CASE("monochrome noise is grey, colour noise is not", "[effects][noise]") {
    const Frame mono = test::process(noise(), settings(0.2, 0, 1), grey(16, 16));
    const Frame colour = test::process(noise(), settings(0.2, 1, 1), grey(16, 16));
    int colouredPixels = 0;
    for (int i = 0; i < 256; ++i) {
        const std::uint8_t* m = mono.data() + 4 * i;
        CHECK((m[0] == m[1] && m[1] == m[2]));
        const std::uint8_t* c = colour.data() + 4 * i;
        colouredPixels += (c[0] != c[1] || c[1] != c[2]);
    }
    CHECK(colouredPixels > 200);
}

TEST_CASE("noise follows the seed and grows with grain size", "[effects][noise]") {
    const Frame in = grey(64, 64);
    const auto p = settings(0.2, 0, 1);
    const Frame a = test::process(noise(), p, in, nullptr, 0, 1);
    CHECK(test::samePixels(a.view(), test::process(noise(), p, in, nullptr, 0, 1).view()));
    CHECK_FALSE(test::samePixels(a.view(), test::process(noise(), p, in, nullptr, 0, 2).view()));
    const Frame coarse = test::process(noise(), settings(0.2, 0, 6), in);
    CHECK(roughness(coarse) < roughness(a) / 2);
    // At half render scale, size 6 draws the same lattice as size 3 at full scale.
    CHECK(
        test::samePixels(test::process(noise(), settings(0.2, 0, 6), in, nullptr, 0, 1, 0.5).view(),
                         test::process(noise(), settings(0.2, 0, 3), in).view()));
}

TEST_CASE("per-pixel grain is the documented hash on every pixel and channel", "[effects][noise]") {
    // docs/effects.md: r = mix64(seed + ((y << 32) | x) · 0xd1b54a32d192ed03), channel c sums
    // the 7-bit fields at bits 21c, 21c + 7, 21c + 14, g = 2·sum − 381, delta =
    // round(g · amount) with amount in 1/65536; monochrome takes channel 0's. An odd
    // width leaves a last pixel outside the two-pixel vectors.
    const Frame in = test::syntheticFrame(37, 9, 1);
    for (const double amount : {0.12, 0.5, 0.999, 1.0})
        for (const int mode : {0, 1}) {
            INFO("amount " << amount << " mode " << mode);
            const std::uint64_t seed = 0x0123456789abcdefULL;
            const Frame out =
                test::process(noise(), settings(amount, mode, 1), in, nullptr, 0, seed);
            const std::int64_t a = std::lround(amount * 65536.0);
            int wrong = 0;
            for (int y = 0; y < in.height(); ++y)
                for (int x = 0; x < in.width(); ++x) {
                    const std::uint64_t key =
                        (static_cast<std::uint64_t>(y) << 32) | static_cast<std::uint64_t>(x);
                    const std::uint64_t r = mix64(seed + key * 0xd1b54a32d192ed03ULL);
                    const std::uint8_t* s = in.view().row(y) + 4 * x;
                    const std::uint8_t* d = out.view().row(y) + 4 * x;
                    for (int c = 0; c < 3; ++c) {
                        const std::uint64_t f = r >> (21 * (mode == 1 ? c : 0));
                        const auto sum = static_cast<std::int64_t>((f & 127) + ((f >> 7) & 127) +
                                                                   ((f >> 14) & 127));
                        const std::int64_t delta = ((2 * sum - 381) * a + 32768) >> 16;
                        wrong += d[c] != std::clamp<std::int64_t>(s[c] + delta, 0, 255);
                    }
                    wrong += d[3] != s[3];
                }
            CHECK(wrong == 0);
        }
}
