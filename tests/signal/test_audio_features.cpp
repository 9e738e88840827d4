// Audio features: levels, bands, onsets, alignment to frames, chunking.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "entropic/effects/rng.h"
#include "entropic/signal/audio_features.h"
#include "entropic/signal/error.h"
#include "support.h"

using namespace entropic::sig;
using sigtest::tone;

namespace {
AudioAnalysisSettings settings(int channels = 2) {
    AudioAnalysisSettings s;
    s.channels = channels;
    // Third-octave bands around 1 kHz and 5 kHz.
    s.bands = {{891, 1122}, {4467, 5623}};
    return s;
}
} // namespace

TEST_CASE("A 1 kHz tone lands in the 1 kHz band and not in the 5 kHz one", "[signal][audio]") {
    const auto f = analyzeAudio(tone(48000, 2, 2.0, 1000, 0.5), settings());
    REQUIRE(f.frames() == 60);
    for (std::size_t n = 2; n < 58; ++n) {
        CHECK(f.bands[0][n] == Approx(0.5 / std::sqrt(2.0)).epsilon(0.02)); // the tone's RMS
        CHECK(f.bands[1][n] < 1e-4);
    }
    const auto g = analyzeAudio(tone(48000, 2, 2.0, 5000, 0.5), settings());
    for (std::size_t n = 2; n < 58; ++n) {
        CHECK(g.bands[1][n] == Approx(0.5 / std::sqrt(2.0)).epsilon(0.02));
        CHECK(g.bands[0][n] < 1e-4);
    }
}

TEST_CASE("RMS and peak per frame", "[signal][audio]") {
    const auto f = analyzeAudio(tone(48000, 2, 1.0, 440, 1.0), settings());
    for (std::size_t n = 0; n < f.frames(); ++n) {
        CHECK(f.rms[n] == Approx(std::sqrt(0.5)).epsilon(0.01));
        CHECK(f.peak[n] > 0.99);
        CHECK(f.peak[n] <= 1.0);
    }
    // One silent channel halves the mean square.
    std::vector<float> left = tone(48000, 2, 1.0, 440, 1.0);
    for (std::size_t i = 1; i < left.size(); i += 2)
        left[i] = 0;
    CHECK(analyzeAudio(left, settings()).rms[10] == Approx(0.5).epsilon(0.01));
}

TEST_CASE("Values align to frame times", "[signal][audio]") {
    // A tone from exactly 1 s: frame 30 at 30 fps starts at sample 48000.
    const auto f = analyzeAudio(tone(48000, 1, 2.0, 440, 0.5, 1.0), settings(1));
    CHECK(f.rms[29] == 0.0);
    CHECK(f.peak[29] == 0.0);
    CHECK(f.rms[30] > 0.3);
    // Frame counts: every frame holding at least one sample.
    CHECK(analyzeAudio(tone(48000, 1, 4.0, 440, 0.5), settings(1)).frames() == 120);
    CHECK(analyzeAudio(std::vector<float>(48000 * 4 + 1, 0.0f), settings(1)).frames() == 121);
    CHECK(analyzeAudio({}, settings(1)).frames() == 0);
    // NTSC: 29.97 fps, frame n starts at floor(n · 1001 · 48000 / 30000).
    Timing ntsc{30000, 1001, 120};
    CHECK(ntsc.firstSample(1, 48000) == 1601);
    CHECK(ntsc.firstSample(3, 48000) == 4804);
    AudioAnalysisSettings s = settings(1);
    s.rateNum = 30000;
    s.rateDen = 1001;
    CHECK(analyzeAudio(std::vector<float>(4804, 0.0f), s).frames() == 3);
    CHECK(analyzeAudio(std::vector<float>(4805, 0.0f), s).frames() == 4);
}

TEST_CASE("Onset strength peaks where a sound starts", "[signal][audio]") {
    const auto f = analyzeAudio(tone(48000, 1, 3.0, 700, 0.5, 1.5), settings(1));
    const auto peak = std::max_element(f.onset.begin(), f.onset.end()) - f.onset.begin();
    CHECK(
        (peak == 44 || peak == 45)); // 1.5 s = frame 45; the window centred on 44 already hears it
    CHECK(f.onset[20] == 0.0);
    for (std::size_t n = 50; n < 85; ++n)
        CHECK(f.onset[n] < 0.05 * f.onset[static_cast<std::size_t>(peak)]);
    CHECK(f.onset[static_cast<std::size_t>(peak)] > 0.3);
}

TEST_CASE("Results do not depend on how the audio is chunked", "[signal][audio]") {
    entropic::fx::Rng rng(11);
    std::vector<float> audio(48000 * 2 * 3);
    for (std::size_t i = 0; i < audio.size(); ++i)
        audio[i] = static_cast<float>((rng.uniform() - 0.5) * ((i / 20000) % 3 == 0 ? 1.0 : 0.2));
    const AudioFeatures whole = analyzeAudio(audio, settings());
    AudioAnalyzer chunked(settings());
    for (std::size_t at = 0; at < audio.size();) {
        const std::size_t frames = static_cast<std::size_t>(rng.range(0, 5000));
        const std::size_t n = std::min(audio.size() - at, frames * 2);
        chunked.push(std::span<const float>(audio.data() + at, n));
        at += n;
    }
    chunked.finish();
    const AudioFeatures& c = chunked.features();
    CHECK(c.rms == whole.rms);
    CHECK(c.peak == whole.peak);
    CHECK(c.onset == whole.onset);
    CHECK(c.bands == whole.bands);
    CHECK(whole.frames() == 90);
}

TEST_CASE("Leftovers in freed memory never reach the spectrum", "[signal][audio][determinism]") {
    const auto audio = tone(48000, 2, 1.0, 440, 0.25);
    const AudioFeatures clean = analyzeAudio(audio, settings());
    for (int round = 0; round < 8; ++round) {
        // Blocks the size of the analyzer's spectrum buffer, full of huge
        // numbers and freed: its allocation is likely to get one back.
        std::vector<void*> blocks;
        for (std::size_t size : {16400, 16448, 16384 + 64 * round}) {
            void* block = std::malloc(size);
            std::fill_n(static_cast<double*>(block), size / sizeof(double), 1e300);
            blocks.push_back(block);
        }
        for (void* block : blocks)
            std::free(block);
        const AudioFeatures f = analyzeAudio(audio, settings());
        CHECK(f.onset == clean.onset);
        CHECK(f.bands == clean.bands);
    }
    CHECK(std::isfinite(clean.onset[0]));
}

TEST_CASE("Frames appear while audio streams in", "[signal][audio]") {
    AudioAnalyzer a(settings(1));
    const auto audio = tone(48000, 1, 1.0, 440, 0.5);
    a.push(std::span<const float>(audio.data(), 16000)); // 1/3 s: 10 frames of samples
    CHECK(a.features().frames() >= 8);                   // those whose FFT window is complete
    CHECK(a.features().frames() <= 10);
    CHECK(a.features().get(SourceKind::AudioBand, 1) == &a.features().bands[1]);
    CHECK(a.features().get(SourceKind::AudioBand, 2) == nullptr);
    CHECK(a.features().get(SourceKind::VideoLuma) == nullptr);
}

TEST_CASE("Bad analysis settings are refused", "[signal][audio]") {
    AudioAnalysisSettings s;
    s.fftSize = 1000;
    CHECK_THROWS_AS(AudioAnalyzer(s), SignalError);
    s = {};
    s.channels = 0;
    CHECK_THROWS_AS(AudioAnalyzer(s), SignalError);
    s = {};
    s.bands = {{500, 100}};
    CHECK_THROWS_WITH(AudioAnalyzer(s), Catch::Contains("band 0"));
}
