// probeMedia: the facts the media bin shows and the timeline relies on.
#include <catch2/catch.hpp>

#include "entropic/engine/media/media_info.h"
#include "media_test_util.h"

using namespace entropic;
using engine::probeMedia;
using mediatest::clip;

TEST_CASE("probe: H.264 with B-frames and stereo AAC", "[media][probe]") {
    const auto info = probeMedia(clip("bframes.mp4"));
    CHECK(info.path == clip("bframes.mp4"));
    CHECK_THAT(info.container, Catch::Contains("mp4"));
    CHECK(info.durationSeconds == Approx(4.0).margin(0.05));
    REQUIRE(info.video);
    const auto& v = *info.video;
    CHECK(v.codec == "h264");
    CHECK(v.pixelFormat == "yuv420p");
    CHECK(v.codedWidth == 320);
    CHECK(v.codedHeight == 240);
    CHECK(v.width == 320);
    CHECK(v.height == 240);
    CHECK(v.rotation == 0);
    CHECK(v.frameRate.num == 30);
    CHECK(v.frameRate.den == 1);
    CHECK_FALSE(v.variableFrameRate);
    CHECK(v.frameCount == 120);
    CHECK(v.hasBFrames);
    CHECK(v.durationSeconds == Approx(4.0).margin(1e-6));
    REQUIRE(info.audio.size() == 1);
    CHECK(info.audio[0].codec == "aac");
    CHECK(info.audio[0].sampleRate == 48000);
    CHECK(info.audio[0].channels == 2);
    CHECK(info.audio[0].durationSeconds == Approx(4.0).margin(0.03));
}

TEST_CASE("probe: variable frame rate", "[media][probe]") {
    // 60 frames whose gaps alternate 1/30 s and 2/30 s: the last starts at 88/30 s.
    const auto v = probeMedia(clip("vfr.mp4")).video.value();
    CHECK(v.variableFrameRate);
    CHECK(v.frameCount == 60);
    CHECK(v.durationSeconds == Approx(89.0 / 30.0).margin(1e-6));
    CHECK(v.frameRate.toDouble() == Approx(60.0 / (89.0 / 30.0)).epsilon(1e-6));
}

TEST_CASE("probe: rotation from the display matrix swaps the shown size", "[media][probe]") {
    const auto v = probeMedia(clip("rotated.mp4")).video.value();
    CHECK(v.rotation == 90);
    CHECK(v.codedWidth == 320);
    CHECK(v.codedHeight == 240);
    CHECK(v.width == 240);
    CHECK(v.height == 320);
    CHECK(v.frameCount == 30);
}

TEST_CASE("probe: odd dimensions, open GOPs, audio only, resampled audio", "[media][probe]") {
    const auto odd = probeMedia(clip("odd.mp4")).video.value();
    CHECK(odd.width == 161);
    CHECK(odd.height == 97);
    CHECK(odd.pixelFormat == "yuv444p");
    CHECK(odd.frameCount == 60);

    CHECK(probeMedia(clip("opengop.mp4")).video.value().frameCount == 100);

    const auto audioOnly = probeMedia(clip("audio-only.m4a"));
    CHECK_FALSE(audioOnly.video);
    REQUIRE(audioOnly.audio.size() == 1);
    CHECK(audioOnly.audio[0].durationSeconds == Approx(2.0).margin(0.03));
    CHECK(audioOnly.durationSeconds == Approx(2.0).margin(0.05));

    const auto mono = probeMedia(clip("audio44k.mp4"));
    REQUIRE(mono.audio.size() == 1);
    CHECK(mono.audio[0].sampleRate == 44100);
    CHECK(mono.audio[0].channels == 1);
    CHECK(mono.video.value().frameRate.num == 24);
    CHECK(mono.video.value().frameCount == 72);
}
