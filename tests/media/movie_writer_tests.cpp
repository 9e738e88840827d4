// MovieWriter: what it writes opens, probes and decodes back to the frames
// and sound it was given.
#include <catch2/catch.hpp>

#include <cmath>

#include "entropic/engine/error.h"
#include "entropic/engine/media/audio_decoder.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/media/movie_writer.h"
#include "entropic/engine/media/video_decoder.h"
#include "media_test_util.h"

using namespace entropic;
using namespace entropic::engine;

namespace {

// A frame that moves with n: colour bars, a gradient and a moving white square.
fx::Frame pattern(int w, int h, int n) {
    fx::Frame f(w, h);
    static const std::uint8_t bars[6][3] = {{200, 30, 30},  {30, 200, 30},  {30, 30, 200},
                                            {200, 200, 30}, {30, 200, 200}, {128, 128, 128}};
    for (int y = 0; y < h; ++y) {
        std::uint8_t* row = f.view().row(y);
        for (int x = 0; x < w; ++x) {
            const auto* c = bars[std::min(5, x * 6 / w)];
            const bool square =
                x >= n * 3 % (w - 16) && x < n * 3 % (w - 16) + 16 && y >= 8 && y < 24;
            const std::uint8_t v = static_cast<std::uint8_t>(y * 255 / std::max(1, h - 1));
            row[x * 4 + 0] = square ? 255 : (y < h / 2 ? c[0] : v);
            row[x * 4 + 1] = square ? 255 : (y < h / 2 ? c[1] : v);
            row[x * 4 + 2] = square ? 255 : (y < h / 2 ? c[2] : v);
            row[x * 4 + 3] = 255;
        }
    }
    return f;
}

std::vector<float> sine(int rate, int channels, std::int64_t frames, double hz) {
    std::vector<float> s(static_cast<std::size_t>(frames * channels));
    for (std::int64_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            s[static_cast<std::size_t>(i * channels + c)] =
                static_cast<float>(0.5 * std::sin(2 * M_PI * hz * i / rate));
    return s;
}

void writeMovie(const MovieSettings& s, int frames, double audioSeconds) {
    MovieWriter w(s);
    const auto pcm =
        sine(s.sampleRate, s.channels, static_cast<std::int64_t>(audioSeconds * s.sampleRate), 440);
    const std::int64_t perFrame =
        static_cast<std::int64_t>(s.sampleRate * s.frameRate.den / s.frameRate.num);
    std::int64_t written = 0;
    const std::int64_t total = static_cast<std::int64_t>(pcm.size()) / s.channels;
    for (int i = 0; i < frames; ++i) {
        w.writeVideo(pattern(s.width, s.height, i).view());
        // Sound in step with the pictures, in uneven pieces.
        const std::int64_t n = std::min(total - written, perFrame + (i % 3) * 100);
        if (s.audio && n > 0) w.writeAudio(pcm.data() + written * s.channels, n);
        written += std::max<std::int64_t>(n, 0);
    }
    if (s.audio && written < total)
        w.writeAudio(pcm.data() + written * s.channels, total - written);
    w.finish();
}

} // namespace

TEST_CASE("writer: round trip of frames and sound", "[media][writer]") {
    const auto dir = mediatest::scratch("writer-roundtrip");
    MovieSettings s;
    s.path = (dir / "out.mp4").string();
    s.width = 320;
    s.height = 240;
    s.frameRate = {30, 1};
    writeMovie(s, 45, 1.5);

    const auto info = probeMedia(s.path);
    REQUIRE(info.video);
    CHECK(info.video->codec == "h264");
    CHECK(info.video->pixelFormat == "yuv420p");
    CHECK(info.video->frameCount == 45);
    CHECK(info.video->width == 320);
    CHECK(info.video->height == 240);
    CHECK(info.video->frameRate.num == 30);
    CHECK(info.video->frameRate.den == 1);
    CHECK_FALSE(info.video->variableFrameRate);
    REQUIRE(info.audio.size() == 1);
    CHECK(info.audio[0].codec == "aac");
    CHECK(info.audio[0].sampleRate == 48000);
    CHECK(info.audio[0].channels == 2);
    CHECK(info.audio[0].durationSeconds == Approx(1.5).margin(0.03));

    // The pictures come back as written (CRF 18: small differences only), in order.
    VideoDecoder dec(s.path);
    for (int i : {0, 10, 44}) {
        CAPTURE(i);
        CHECK(mediatest::meanAbsDiff(dec.frame(i).rgba.view(), pattern(320, 240, i).view()) < 3.0);
        CHECK(mediatest::meanAbsDiff(dec.frame(i).rgba.view(), pattern(320, 240, i + 1).view()) >
              mediatest::meanAbsDiff(dec.frame(i).rgba.view(), pattern(320, 240, i).view()));
    }

    // The sound comes back as a 440 Hz sine of the same level, without a shift.
    AudioDecoder audio(s.path);
    std::vector<float> pcm(48000 * 2);
    audio.read(12000, 48000, pcm.data());
    const auto ref = sine(48000, 2, 60000, 440);
    double err = 0, energy = 0;
    for (std::size_t i = 0; i < pcm.size(); ++i) {
        err += std::abs(pcm[i] - ref[i + 24000]);
        energy += std::abs(ref[i + 24000]);
    }
    CHECK(err / energy < 0.05);
}

TEST_CASE("writer: odd sizes are padded to even, rational rates kept", "[media][writer]") {
    const auto dir = mediatest::scratch("writer-odd");
    MovieSettings s;
    s.path = (dir / "odd.mp4").string();
    s.width = 161;
    s.height = 97;
    s.frameRate = {30000, 1001};
    s.audio = false;
    writeMovie(s, 12, 0);
    const auto info = probeMedia(s.path);
    REQUIRE(info.video);
    CHECK(info.video->width == 162);
    CHECK(info.video->height == 98);
    CHECK(info.video->frameCount == 12);
    CHECK(info.video->frameRate.num == 30000);
    CHECK(info.video->frameRate.den == 1001);
    CHECK(info.audio.empty());
    // The added column and row repeat their neighbours.
    VideoDecoder dec(s.path);
    const auto v = dec.frame(3).rgba.view();
    double colDiff = 0, rowDiff = 0;
    for (int y = 0; y < 97; ++y)
        colDiff += std::abs(v.row(y)[161 * 4 + 1] - v.row(y)[160 * 4 + 1]);
    for (int x = 0; x < 161; ++x)
        rowDiff += std::abs(v.row(97)[x * 4 + 1] - v.row(96)[x * 4 + 1]);
    CHECK(colDiff / 97 < 4);
    CHECK(rowDiff / 161 < 4);
}

TEST_CASE("writer: HD is tagged BT.709 limited range, SD BT.601", "[media][writer]") {
    const auto dir = mediatest::scratch("writer-tags");
    MovieSettings s;
    s.path = (dir / "hd.mp4").string();
    s.width = 1280;
    s.height = 720;
    s.audio = false;
    s.preset = "ultrafast";
    writeMovie(s, 3, 0);
    const auto tags =
        mediatest::run("ffprobe -v error -select_streams v:0 -show_entries "
                       "stream=color_space,color_range,color_primaries -of csv=p=0 '" +
                       s.path + "'");
    CHECK_THAT(tags, Catch::Contains("bt709") && Catch::Contains("tv"));
    s.path = (dir / "sd.mp4").string();
    s.width = 320;
    s.height = 240;
    writeMovie(s, 3, 0);
    const auto sd =
        mediatest::run("ffprobe -v error -select_streams v:0 -show_entries stream=color_space "
                       "-of csv=p=0 '" +
                       s.path + "'");
    CHECK_THAT(sd, Catch::Contains("smpte170m"));
}

TEST_CASE("writer: failures name the path", "[media][writer]") {
    const auto dir = mediatest::scratch("writer-errors");
    MovieSettings s;
    s.width = 64;
    s.height = 48;
    s.path = (dir / "no-such-dir" / "out.mp4").string();
    try {
        MovieWriter w(s);
        FAIL("no error");
    } catch (const EngineError& e) {
        CHECK(e.code() == errc::kIo);
        CHECK_THAT(e.what(), Catch::Contains(s.path));
    }
    s.path = (dir / "preset.mp4").string();
    s.preset = "warp9";
    try {
        MovieWriter w(s);
        FAIL("no error");
    } catch (const EngineError& e) {
        CHECK(e.code() == errc::kEncodeFailed);
        CHECK_THAT(e.what(), Catch::Contains(s.path) && Catch::Contains("warp9"));
    }
    s.preset = "veryfast";
    MovieWriter w(s);
    CHECK_THROWS_WITH(w.writeVideo(pattern(32, 32, 0).view()), Catch::Contains(s.path));
}
