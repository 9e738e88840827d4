// mod.sidechain: an envelope follower on audio levels, fed by real tone
// bursts through the audio analysis.
#include <catch2/catch.hpp>

#include <cmath>

#include "entropic/signal/audio_features.h"
#include "support.h"

using namespace entropic::sig;
using sigtest::runOperator;

namespace {
const Timing k30fps{30, 1, 120};

// 4 s at 48 kHz: a 1 kHz burst of amplitude 0.5 from 1 s to 2 s (frames
// 30..59) and another from 3 s to 3.5 s (frames 90..104).
Series burstRms() {
    std::vector<float> audio = sigtest::tone(48000, 1, 4.0, 1000, 0.5, 1.0, 2.0);
    const std::vector<float> second = sigtest::tone(48000, 1, 4.0, 1000, 0.5, 3.0, 3.5);
    for (std::size_t i = 0; i < audio.size(); ++i)
        audio[i] += second[i];
    AudioAnalysisSettings s;
    s.channels = 1;
    return analyzeAudio(audio, s).rms;
}
} // namespace

TEST_CASE("Sidechain follows tone bursts with its attack and release", "[signal][sidechain]") {
    const Series rms = burstRms();
    REQUIRE(rms.size() == 120);
    CHECK(rms[29] == 0.0);
    CHECK(rms[30] == Approx(0.5 / std::sqrt(2.0)).epsilon(0.01));

    const Series e =
        runOperator("mod.sidechain", {{"attack_ms", 10}, {"release_ms", 300}}, {rms}, k30fps, 120);
    for (int n = 0; n < 30; ++n)
        CHECK(e[static_cast<std::size_t>(n)] == 0.0);
    // One 33 ms frame of a 10 ms attack: 1 − e^(−10/3) of the way up.
    const double attack = 1 - std::exp(-(1.0 / 30) / 0.010);
    CHECK(e[30] == Approx(attack * rms[30]).epsilon(1e-12));
    CHECK(e[35] == Approx(rms[35]).epsilon(1e-3)); // settled on the burst level
    // After the burst: exponential decay, e^(−1/9) a frame for 300 ms.
    const double release = std::exp(-(1.0 / 30) / 0.300);
    for (int n = 60; n < 89; ++n)
        CHECK(e[static_cast<std::size_t>(n)] ==
              Approx(e[static_cast<std::size_t>(n - 1)] * release).epsilon(1e-12));
    // Half the level about ln 2 · 300 ms = 6.2 frames after the end.
    CHECK(e[65] > e[59] / 2);
    CHECK(e[66] < e[59] / 2);
    // The second burst lifts it again.
    CHECK(e[90] > e[89]);
    CHECK(e[95] == Approx(rms[95]).epsilon(1e-3));
}

TEST_CASE("Sidechain RMS detector, gain and decibel response", "[signal][sidechain]") {
    Series square(40, 0.0);
    for (std::size_t n = 10; n < 40; ++n)
        square[n] = (n % 2) ? 0.8 : 0.0; // alternating level
    const auto peak = runOperator("mod.sidechain", {{"attack_ms", 0}, {"release_ms", 1000}},
                                  {square}, k30fps, 40);
    const auto rms =
        runOperator("mod.sidechain", {{"attack_ms", 0}, {"release_ms", 1000}, {"detector", 1}},
                    {square}, k30fps, 40);
    CHECK(peak[11] == 0.8); // zero attack: jumps to the input
    CHECK(rms[11] == Approx(0.8));
    CHECK(rms[12] == Approx(0.8 * std::sqrt(std::exp(-(1.0 / 30)))));
    CHECK(peak[12] == Approx(0.8 * std::exp(-(1.0 / 30))));

    const Series level(10, 0.1);
    CHECK(runOperator("mod.sidechain", {{"attack_ms", 0}, {"gain", 5}}, {level}, k30fps, 10)[5] ==
          Approx(0.5));
    // -20 dBFS with a −60 dB floor: 40/60 of the way up.
    CHECK(runOperator("mod.sidechain", {{"attack_ms", 0}, {"response", 1}}, {level}, k30fps,
                      10)[5] == Approx(40.0 / 60));
    CHECK(runOperator("mod.sidechain", {{"attack_ms", 0}, {"response", 1}}, {Series(10, 0.0)},
                      k30fps, 10)[5] == 0.0);
}
