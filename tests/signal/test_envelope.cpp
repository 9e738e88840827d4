// mod.envelope: ADSR stage timing on a synthetic gate. At 100 fps a frame is
// 10 ms, so stage boundaries fall on frames.
#include <catch2/catch.hpp>

#include "support.h"

using namespace entropic::sig;
using sigtest::runOperator;

namespace {
const Timing k100fps{100, 1, 120};

Series gate(std::int64_t frames, std::vector<std::pair<int, int>> open) {
    Series g(static_cast<std::size_t>(frames), 0.0);
    for (auto [from, to] : open)
        for (int n = from; n < to; ++n)
            g[static_cast<std::size_t>(n)] = 1.0;
    return g;
}

std::map<std::string, double> adsr(double a, double d, double s, double r, double curve = 0) {
    return {{"attack_ms", a}, {"decay_ms", d}, {"sustain", s}, {"release_ms", r}, {"curve", curve}};
}
} // namespace

TEST_CASE("Envelope stages on a gate open from frame 10 to 60", "[signal][envelope]") {
    // attack 100 ms, decay 200 ms, sustain 0.5, release 300 ms
    const Series e = runOperator("mod.envelope", adsr(100, 200, 0.5, 300), {gate(100, {{10, 60}})},
                                 k100fps, 100);
    for (int n = 0; n < 10; ++n)
        CHECK(e[static_cast<std::size_t>(n)] == 0.0);
    CHECK(e[10] == Approx(0.0).margin(1e-12)); // attack starts
    CHECK(e[15] == Approx(0.5).epsilon(1e-9));
    CHECK(e[19] == Approx(0.9).epsilon(1e-9));
    CHECK(e[20] == Approx(1.0).epsilon(1e-9)); // peak, decay starts
    CHECK(e[30] == Approx(0.75).epsilon(1e-9));
    CHECK(e[40] == Approx(0.5).epsilon(1e-9)); // sustain reached
    CHECK(e[50] == 0.5);
    CHECK(e[59] == 0.5);
    CHECK(e[60] == Approx(0.5).epsilon(1e-9)); // gate closed: release starts from 0.5
    CHECK(e[75] == Approx(0.25).epsilon(1e-9));
    CHECK(e[89] == Approx(0.5 / 30).epsilon(1e-6));
    CHECK(e[90] == Approx(0.0).margin(1e-9));
    CHECK(e[99] == 0.0);
}

TEST_CASE("Envelope retriggers from its current level", "[signal][envelope]") {
    const Series e = runOperator("mod.envelope", adsr(100, 0, 1, 300),
                                 {gate(60, {{10, 20}, {25, 60}})}, k100fps, 60);
    CHECK(e[20] == Approx(1.0));                       // attack done at the release
    CHECK(e[25] == Approx(1.0 - 5.0 / 30));            // 50 ms into a 300 ms release
    CHECK(e[30] == Approx(e[25] + (1 - e[25]) * 0.5)); // attack restarted from there, half way
    CHECK(e[35] == Approx(1.0));
}

TEST_CASE("Envelope gate threshold and short gates", "[signal][envelope]") {
    Series low(40, 0.4);
    auto params = adsr(10, 10, 1, 10);
    CHECK(runOperator("mod.envelope", params, {low}, k100fps, 40) == Series(40, 0.0));
    params["threshold"] = 0.3;
    CHECK(runOperator("mod.envelope", params, {low}, k100fps, 40)[20] == 1.0);
    // A gate shorter than the attack releases from where the attack got to.
    const Series e =
        runOperator("mod.envelope", adsr(100, 0, 1, 100), {gate(40, {{0, 5}})}, k100fps, 40);
    CHECK(e[5] == Approx(0.5));
    CHECK(e[10] == Approx(0.25));
    CHECK(e[15] == Approx(0.0).margin(1e-12));
}

TEST_CASE("Envelope curve bends every stage the same way", "[signal][envelope]") {
    const Series g = gate(40, {{0, 40}});
    auto fast = adsr(100, 100, 0, 0, 1.0);  // exponent 4^-1 = 1/4
    auto slow = adsr(100, 100, 0, 0, -1.0); // exponent 4
    CHECK(runOperator("mod.envelope", fast, {g}, k100fps, 40)[5] == Approx(std::pow(0.5, 0.25)));
    CHECK(runOperator("mod.envelope", slow, {g}, k100fps, 40)[5] == Approx(0.0625));
    CHECK(runOperator("mod.envelope", fast, {g}, k100fps, 40)[15] ==
          Approx(1 - std::pow(0.5, 0.25)));
}

TEST_CASE("Envelope on the beat grid", "[signal][envelope]") {
    // 120 bpm at 100 fps: a beat every 50 frames, gate half a beat.
    auto p = adsr(0, 0, 1, 0);
    p["trigger"] = 1;
    p["gate_beats"] = 0.5;
    const Series e = runOperator("mod.envelope", p, {}, k100fps, 160);
    for (int n = 0; n < 160; ++n)
        CHECK(e[static_cast<std::size_t>(n)] == ((n % 50) < 25 ? 1.0 : 0.0));

    p["beat_offset"] = 0.5; // first onset a quarter second in
    const Series late = runOperator("mod.envelope", p, {}, k100fps, 160);
    CHECK(late[24] == 0.0);
    CHECK(late[25] == 1.0);
    CHECK(late[50] == 0.0);
    CHECK(late[75] == 1.0);
}

TEST_CASE("Beat-grid onsets keep their exact time between frames", "[signal][envelope]") {
    // 125 bpm at 30 fps: beats every 0.48 s = 14.4 frames. Beat 1 at 0.48 s;
    // frame 15 (0.5 s) is 20 ms into a 100 ms attack.
    auto p = adsr(100, 0, 1, 0);
    p["trigger"] = 1;
    p["gate_beats"] = 0.25;
    const Series e = runOperator("mod.envelope", p, {}, Timing{30, 1, 125}, 30);
    CHECK(e[14] == 0.0);
    CHECK(e[15] == Approx(0.2).epsilon(1e-9));
}

TEST_CASE("Envelope in gate mode needs an input", "[signal][envelope]") {
    CHECK_THROWS_WITH(runOperator("mod.envelope", {}, {}, k100fps, 10),
                      Catch::Contains("needs a gate input"));
}
