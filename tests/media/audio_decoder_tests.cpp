// AudioDecoder: the same samples at a position however it is reached, the same
// samples the ffmpeg CLI decodes, silence outside, resampling to the asked rate.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "entropic/engine/error.h"
#include "entropic/engine/media/audio_decoder.h"
#include "media_test_util.h"

using namespace entropic;
using engine::AudioDecoder;
using mediatest::clip;

namespace {

std::vector<float> readAll(AudioDecoder& dec, std::int64_t chunk) {
    std::vector<float> all(static_cast<std::size_t>(dec.length() * dec.channels()));
    for (std::int64_t at = 0; at < dec.length(); at += chunk)
        dec.read(at, std::min(chunk, dec.length() - at), all.data() + at * dec.channels());
    return all;
}

} // namespace

TEST_CASE("audio: random reads equal the sequential read, bit for bit", "[media][audio]") {
    struct Case {
        const char* name;
        int rate, channels;
    };
    for (const Case c : {Case{"bframes.mp4", 48000, 2}, Case{"audio44k.mp4", 48000, 2},
                         Case{"audio-only.m4a", 44100, 1}}) {
        DYNAMIC_SECTION(c.name << " at " << c.rate << " Hz x" << c.channels) {
            AudioDecoder seq(clip(c.name), c.rate, c.channels);
            REQUIRE(seq.sampleRate() == c.rate);
            REQUIRE(seq.channels() == c.channels);
            const auto all = readAll(seq, 1024);
            REQUIRE(all.size() > 10000);

            AudioDecoder rnd(clip(c.name), c.rate, c.channels);
            REQUIRE(rnd.length() == seq.length());
            mediatest::TestRng rng{7};
            for (int i = 0; i < 40; ++i) {
                const std::int64_t start = rng.below(seq.length());
                const std::int64_t count =
                    1 + rng.below(std::min<std::int64_t>(seq.length() - start, 70000));
                std::vector<float> got(static_cast<std::size_t>(count * c.channels));
                rnd.read(start, count, got.data());
                CAPTURE(start, count);
                CHECK(std::memcmp(got.data(), all.data() + start * c.channels,
                                  got.size() * sizeof(float)) == 0);
            }
        }
    }
}

TEST_CASE("audio: the samples are the ones the ffmpeg CLI decodes", "[media][audio]") {
    AudioDecoder dec(clip("bframes.mp4"), 48000, 2);
    const std::string raw = mediatest::run("ffmpeg -v error -nostdin -i '" + clip("bframes.mp4") +
                                           "' -map 0:a:0 -f f32le -ac 2 -ar 48000 -");
    // The clip's sine lasted 4 s exactly; the CLI also keeps the encoder's end padding.
    const std::size_t refFrames = raw.size() / sizeof(float) / 2;
    CHECK(dec.length() == 4 * 48000);
    CHECK(static_cast<std::int64_t>(refFrames) >= dec.length());
    const auto ours = readAll(dec, 4800);
    std::vector<float> ref(raw.size() / sizeof(float));
    std::memcpy(ref.data(), raw.data(), ref.size() * sizeof(float));
    const std::size_t n = std::min(ours.size(), ref.size());
    double firstBlock = 0, worst = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = std::abs(ours[i] - ref[i]);
        worst = std::max(worst, d);
        if (i < 48000 * 2) firstBlock = std::max(firstBlock, d);
    }
    // The first second is a straight decode, as the CLI's.
    CHECK(firstBlock == 0.0);
    // Later blocks start from a seek: AAC's noise substitution (PNS) draws from a
    // generator whose state depends on everything decoded before, so noise
    // bands differ by ~1e-5. A one-sample shift of this sine would differ by 7e-3.
    CHECK(worst < 1e-3);
}

TEST_CASE("audio: outside the stream is silence", "[media][audio]") {
    AudioDecoder dec(clip("bframes.mp4"));
    CHECK(dec.sampleRate() == 48000);
    CHECK(dec.channels() == 2);
    CHECK(dec.length() == Approx(4 * 48000).margin(1024));
    std::vector<float> buf(2000 * 2, 1.0f);
    dec.read(-1000, 2000, buf.data());
    for (int i = 0; i < 2000; ++i)
        CHECK(buf[static_cast<std::size_t>(i)] == 0.0f); // the first 1000 frames
    double energy = 0;
    for (int i = 2000; i < 4000; ++i)
        energy += std::abs(buf[static_cast<std::size_t>(i)]);
    CHECK(energy > 100); // a sine follows
    std::fill(buf.begin(), buf.end(), 1.0f);
    dec.read(dec.length() + 5, 2000, buf.data());
    CHECK(std::all_of(buf.begin(), buf.end(), [](float v) { return v == 0.0f; }));
}

TEST_CASE("audio: resampled 44.1 kHz mono keeps its pitch", "[media][audio]") {
    AudioDecoder dec(clip("audio44k.mp4"), 48000, 2);
    CHECK(dec.length() == Approx(3 * 48000).margin(1200));
    // One second from the middle: a 1 kHz sine crosses zero 2000 times.
    std::vector<float> buf(48000 * 2);
    dec.read(48000, 48000, buf.data());
    int crossings = 0;
    for (std::size_t i = 2; i < buf.size(); i += 2)
        crossings += (buf[i - 2] < 0) != (buf[i] < 0);
    CHECK(crossings == Approx(2000).margin(4));
    CHECK(buf[1000] == buf[1001]); // mono goes to both channels
}

TEST_CASE("audio: a file without audio is an error naming it", "[media][audio]") {
    try {
        AudioDecoder dec(clip("odd.mp4"));
        FAIL("no error");
    } catch (const engine::EngineError& e) {
        CHECK(e.code() == engine::errc::kMediaUnsupported);
        CHECK_THAT(e.what(), Catch::Contains("odd.mp4"));
    }
}
