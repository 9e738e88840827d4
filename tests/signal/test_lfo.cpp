// mod.lfo: exact values at known phases for every waveform. At 8 fps and
// 1 Hz, frame n sits at phase n/8 of the cycle.
#include <catch2/catch.hpp>

#include <cmath>

#include "entropic/effects/seed.h"
#include "entropic/signal/operator.h"
#include "support.h"

using namespace entropic::sig;
using sigtest::runOperator;

namespace {
const Timing k8fps{8, 1, 120};

Series lfo(std::map<std::string, double> params, std::int64_t frames = 17, std::uint64_t seed = 0,
           Timing timing = k8fps) {
    return runOperator("mod.lfo", params, {}, timing, frames, seed);
}

// Shape indices in the descriptor's choice list.
enum { Sine, Triangle, SawUp, SawDown, Square, SampleHold, SmoothRandom };
} // namespace

TEST_CASE("LFO sine: 0 at phase 0, 1 at 1/2, 1/2 at 1/4 and 3/4", "[signal][lfo]") {
    const Series s = lfo({{"shape", Sine}});
    CHECK(s[0] == Approx(0.0).margin(1e-15));
    CHECK(s[1] == Approx(0.5 - 0.5 * std::sqrt(0.5)).epsilon(1e-14)); // 0.1464…
    CHECK(s[2] == Approx(0.5).epsilon(1e-14));
    CHECK(s[4] == Approx(1.0).epsilon(1e-15));
    CHECK(s[6] == Approx(0.5).epsilon(1e-14));
    CHECK(s[8] == Approx(0.0).margin(1e-15)); // the next cycle
    CHECK(s[12] == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("LFO triangle, saws and square at known phases", "[signal][lfo]") {
    const Series tri = lfo({{"shape", Triangle}});
    CHECK(tri[0] == 0.0);
    CHECK(tri[1] == 0.25);
    CHECK(tri[2] == 0.5);
    CHECK(tri[4] == 1.0);
    CHECK(tri[6] == 0.5);
    CHECK(tri[7] == 0.25);
    CHECK(tri[8] == 0.0);

    const Series up = lfo({{"shape", SawUp}});
    CHECK(up[0] == 0.0);
    CHECK(up[1] == 0.125);
    CHECK(up[6] == 0.75);
    CHECK(up[7] == 0.875);
    CHECK(up[8] == 0.0);

    const Series down = lfo({{"shape", SawDown}});
    CHECK(down[0] == 1.0);
    CHECK(down[2] == 0.75);
    CHECK(down[7] == 0.125);
    CHECK(down[8] == 1.0);

    const Series square = lfo({{"shape", Square}});
    for (int n = 0; n < 16; ++n)
        CHECK(square[static_cast<std::size_t>(n)] == ((n % 8) < 4 ? 1.0 : 0.0));
    const Series narrow = lfo({{"shape", Square}, {"pulse_width", 0.25}});
    for (int n = 0; n < 16; ++n)
        CHECK(narrow[static_cast<std::size_t>(n)] == ((n % 8) < 2 ? 1.0 : 0.0));
}

TEST_CASE("LFO phase, depth, offset and rate", "[signal][lfo]") {
    const Series shifted = lfo({{"shape", SawUp}, {"phase", 0.25}});
    CHECK(shifted[0] == 0.25);
    CHECK(shifted[6] == 0.0); // 6/8 + 1/4 wraps to the next cycle
    const Series scaled = lfo({{"shape", Triangle}, {"depth", 0.5}, {"offset", 0.25}});
    CHECK(scaled[0] == 0.25);
    CHECK(scaled[4] == 0.75);
    const Series inverted = lfo({{"shape", SawUp}, {"depth", -1}, {"offset", 1}});
    CHECK(inverted[2] == 0.75);
    const Series fast = lfo({{"shape", SawUp}, {"rate", 2}});
    CHECK(fast[1] == 0.25);
    CHECK(fast[4] == 0.0);
    // 3 Hz at 30 fps: frame 10 is exactly one whole cycle (no rounding drift).
    const Series thirty = lfo({{"shape", SawUp}, {"rate", 3}}, 31, 0, Timing{30, 1, 120});
    CHECK(thirty[10] == 0.0);
    CHECK(thirty[30] == 0.0);
}

TEST_CASE("LFO in beats follows the tempo", "[signal][lfo]") {
    // 120 bpm, one cycle every 2 beats = 1 s: the same as 1 Hz, to the bit.
    CHECK(lfo({{"shape", Sine}, {"sync", 1}, {"beats", 2}}) == lfo({{"shape", Sine}}));
    const Series half = lfo({{"shape", SawUp}, {"sync", 1}, {"beats", 0.5}}); // 4 cycles a second
    CHECK(half[1] == 0.5);
    CHECK(half[2] == 0.0);
    const Series slow = lfo({{"shape", SawUp}, {"sync", 1}, {"beats", 1}}, 17, 0, Timing{8, 1, 60});
    CHECK(slow[4] == 0.5); // 60 bpm: one beat a second
}

TEST_CASE("LFO operator seeds follow the documented formula", "[signal][lfo]") {
    // Cross-checked with an independent Python implementation (docs/signals.md).
    CHECK(operatorSeed("test-project", "op", 0) == 0xf04dbd7a380a510dULL);
    CHECK(operatorSeed("proj", "lfo", 7) == 0x9206f0c4440c5a12ULL);
    CHECK(operatorSeed("proj", "lfo", 7) != entropic::fx::deriveSeed("proj", "lfo", 0, 7));
}

TEST_CASE("LFO sample-and-hold: one seeded value per cycle", "[signal][lfo]") {
    const Series s = lfo({{"shape", SampleHold}}, 32);
    // Values of cycles 0..3 for seed operatorSeed("test-project", "op", 0).
    const double expected[] = {0.5050564625623833, 0.10712491760523923, 0.4306411622516526,
                               0.8473745105537077};
    for (int n = 0; n < 32; ++n)
        CHECK(s[static_cast<std::size_t>(n)] == expected[n / 8]);
    const Series other = lfo({{"shape", SampleHold}}, 32, 1);
    CHECK(other != s);
    CHECK(lfo({{"shape", SampleHold}}, 32) == s);
}

TEST_CASE("LFO smooth random: passes through the held values, smoothly", "[signal][lfo]") {
    const Series held = lfo({{"shape", SampleHold}}, 32);
    const Series smooth = lfo({{"shape", SmoothRandom}}, 32);
    for (int c = 0; c < 3; ++c) {
        const auto k = static_cast<std::size_t>(c * 8);
        CHECK(smooth[k] == held[k]);                                 // phase 0: the cycle's value
        CHECK(smooth[k + 4] == Approx((held[k] + held[k + 8]) / 2)); // half way (smoothstep ½ = ½)
    }
    for (std::size_t n = 1; n < smooth.size(); ++n)
        CHECK(std::abs(smooth[n] - smooth[n - 1]) <
              0.2); // held values jump by 0.4 here; smooth ones never
}
