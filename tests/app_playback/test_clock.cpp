// The master clock against a fake device that consumes samples when told:
// the position is exactly the samples played, and pausing, seeking, looping
// and shuttling keep it exact.
#include <catch2/catch.hpp>

#include <algorithm>

#include "playback/manual_output.h"
#include "playback/play_mapping.h"
#include "playback/playback_clock.h"

using namespace entropic;
using app::LoopRange;
using app::ManualOutput;
using app::PlaybackClock;

namespace {

constexpr int kRate = 48000;

// A fake device at 48 kHz whose Pull writes silence.
struct Rig {
    ManualOutput device;
    PlaybackClock clock{device, kRate};
    explicit Rig(int block = 256, int latency = 0) : device(block, latency) {
        REQUIRE(device.open(
            kRate, 2,
            [](float* out, int frames, std::int64_t) { std::fill(out, out + frames * 2, 0.0f); },
            nullptr));
        REQUIRE(device.start());
    }
};

} // namespace

TEST_CASE("the position is the samples the device played", "[playback][clock]") {
    Rig rig;
    CHECK(rig.clock.position() == 0);
    CHECK_FALSE(rig.clock.playing());
    rig.clock.start(1000);
    CHECK(rig.clock.playing());
    CHECK(rig.clock.position() == 1000);
    std::int64_t played = 0;
    for (const std::int64_t n : {1, 255, 256, 4800, 7, 48000}) {
        rig.device.consume(n);
        played += n;
        CHECK(rig.clock.position() == 1000 + played);
    }
    CHECK(rig.clock.positionSeconds() == Approx((1000.0 + played) / kRate));
}

TEST_CASE("pausing freezes the position, resuming continues from it", "[playback][clock]") {
    Rig rig;
    rig.clock.start(0);
    rig.device.consume(10000);
    rig.clock.pause();
    CHECK(rig.clock.position() == 10000);
    // The device may keep running; a paused clock does not move.
    rig.device.consume(5000);
    CHECK(rig.clock.position() == 10000);
    rig.device.stop();
    CHECK(rig.device.consume(5000) == 0);
    CHECK(rig.clock.position() == 10000);
    // Resume where it froze.
    rig.clock.start(rig.clock.position());
    REQUIRE(rig.device.start());
    rig.device.consume(333);
    CHECK(rig.clock.position() == 10333);
}

TEST_CASE("seeking jumps exactly, playing or paused", "[playback][clock]") {
    Rig rig;
    rig.clock.start(0);
    rig.device.consume(4800);
    rig.clock.seek(96000);
    CHECK(rig.clock.position() == 96000);
    rig.device.consume(480);
    CHECK(rig.clock.position() == 96480);
    rig.clock.pause();
    rig.clock.seek(12);
    CHECK(rig.clock.position() == 12);
    rig.device.consume(480);
    CHECK(rig.clock.position() == 12);
    rig.clock.start(rig.clock.position());
    rig.device.consume(8);
    CHECK(rig.clock.position() == 20);
}

TEST_CASE("a loop wraps exactly", "[playback][clock]") {
    Rig rig(256);
    rig.clock.setLoop(LoopRange{1000, 5000});
    rig.clock.start(1000);
    std::int64_t played = 0;
    while (played < 10000) {
        const std::int64_t n =
            std::min<std::int64_t>(97, 10000 - played); // odd steps land everywhere
        rig.device.consume(n);
        played += n;
        REQUIRE(rig.clock.position() == 1000 + played % 4000);
    }
    CHECK(rig.clock.position() == 3000); // 10000 samples = 2 loops and 2000

    SECTION("a start outside the loop starts at its beginning") {
        rig.clock.start(200);
        CHECK(rig.clock.position() == 1000);
        rig.clock.seek(9000);
        CHECK(rig.clock.position() == 1000);
    }
    SECTION("backwards, it wraps from the start to the end") {
        rig.clock.start(1002, -1.0);
        rig.device.consume(2);
        CHECK(rig.clock.position() == 1000);
        rig.device.consume(1);
        CHECK(rig.clock.position() == 4999);
        rig.device.consume(4000);
        CHECK(rig.clock.position() == 4999);
    }
    SECTION("clearing the loop plays on from where it is") {
        rig.clock.setLoop(std::nullopt);
        rig.device.consume(5000);
        CHECK(rig.clock.position() == 8000);
    }
    SECTION("paused, setting a loop moves the position into it") {
        rig.clock.pause();
        rig.clock.setLoop(LoopRange{20000, 30000});
        CHECK(rig.clock.position() == 20000);
    }
}

TEST_CASE("fast and reverse rates move the position by rate × samples played",
          "[playback][clock]") {
    Rig rig;
    rig.clock.start(10000, 2.0);
    rig.device.consume(1000);
    CHECK(rig.clock.position() == 12000);
    rig.clock.start(rig.clock.position(), -1.0);
    rig.device.consume(500);
    CHECK(rig.clock.position() == 11500);
    rig.clock.start(rig.clock.position(), 4.0);
    rig.device.consume(3);
    CHECK(rig.clock.position() == 11512);
    rig.clock.start(rig.clock.position(), -2.0);
    rig.device.consume(20000);
    CHECK(rig.clock.position() == 11512 - 40000); // before 0: stopping there is the player's call
    rig.clock.start(100, 0.0);
    rig.device.consume(480);
    CHECK(rig.clock.position() == 100);
}

TEST_CASE("the position is what was heard, not what was pulled", "[playback][clock]") {
    Rig rig(256, 1024); // a device holding 1024 frames between pull and speaker
    rig.clock.start(0);
    rig.device.consume(4096);
    CHECK(rig.device.pulledFrames() == 4096);
    CHECK(rig.clock.position() == 4096 - 1024);
    // Paused, what sat in the device is dropped; playing resumes from what was heard.
    rig.device.stop();
    rig.clock.pause();
    CHECK(rig.clock.position() == 3072);
    CHECK(rig.device.pulledFrames() == 3072);
}

TEST_CASE("timeline frames and samples convert like the mixer", "[playback][clock]") {
    using engine::Rational;
    for (const Rational rate :
         {Rational{30, 1}, Rational{30000, 1001}, Rational{24000, 1001}, Rational{25, 1}}) {
        for (std::int64_t f = -3; f < 3000; ++f) {
            const std::int64_t first = PlaybackClock::frameToSample(f, kRate, rate);
            const std::int64_t next = PlaybackClock::frameToSample(f + 1, kRate, rate);
            REQUIRE(PlaybackClock::sampleToFrame(first, kRate, rate) == f);
            REQUIRE(PlaybackClock::sampleToFrame(next - 1, kRate, rate) == f);
        }
    }
    CHECK(PlaybackClock::frameToSample(1, kRate, {30000, 1001}) == 1601);
    Rig rig;
    rig.clock.start(1600);
    CHECK(rig.clock.frame({30, 1}) == 1);
    rig.device.consume(1);
    CHECK(rig.clock.frame({30000, 1001}) == 1); // 1601 is frame 1's first sample at 29.97
    rig.clock.seek(1600);
    CHECK(rig.clock.frame({30000, 1001}) == 0);
}

TEST_CASE("the mapping wraps into a loop in both directions", "[playback][clock]") {
    const std::optional<LoopRange> loop = LoopRange{10, 20};
    CHECK(app::wrapIntoLoop(10, loop) == 10);
    CHECK(app::wrapIntoLoop(20, loop) == 10);
    CHECK(app::wrapIntoLoop(35, loop) == 15);
    CHECK(app::wrapIntoLoop(9, loop) == 19);
    CHECK(app::wrapIntoLoop(-1, loop) == 19);
    CHECK(app::wrapIntoLoop(-1, std::nullopt) == -1);
    CHECK(app::wrapIntoLoop(7, LoopRange{5, 5}) == 7); // empty: no loop
    app::PlayMapping m{.anchorFrame = 100, .startSample = 15, .rate = 1.0, .loop = loop};
    CHECK(app::timelineSampleAt(m, 100) == 15);
    CHECK(app::timelineSampleAt(m, 105) == 10);
    CHECK(app::timelineSampleAt(m, 1'000'000'000'105) == 10); // integer exact after hours
    m.rate = -1.0;
    CHECK(app::timelineSampleAt(m, 106) == 19);
}
