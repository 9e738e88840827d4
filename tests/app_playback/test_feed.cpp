// The feed against the engine's mixer: what the device pulls is
// AudioMixer::mix of the range the clock is at, sample for sample; loops wrap
// with the right samples; an underflow plays zeros, is counted, and the sound
// comes back in step with the clock.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "playback/audio_feed.h"
#include "playback/manual_output.h"
#include "playback/playback_clock.h"
#include "playback_support.h"

using namespace entropic;
using app::AudioFeed;
using app::LoopRange;
using app::ManualOutput;
using app::PlaybackClock;
using test::kRate;

namespace {

// A feed on a fake device, with the clock that drives both.
struct FeedRig {
    engine::ProjectSnapshot project = test::twoTrackProject();
    AudioFeed feed{project};
    ManualOutput device{480};
    PlaybackClock clock{device, kRate};

    FeedRig() { REQUIRE(device.open(kRate, AudioFeed::kChannels, feed.pull(), nullptr)); }
    // Starts from stopped, as the player does: restart, then the device.
    void play(std::int64_t sample, double rate = 1.0) {
        clock.start(sample, rate);
        feed.restart(clock.mapping(), device.playedFrames());
        REQUIRE(device.start());
    }
};

std::vector<float> concat(std::initializer_list<std::vector<float>> parts) {
    std::vector<float> out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

} // namespace

TEST_CASE("the device pulls the mixer's samples exactly", "[playback][feed]") {
    FeedRig rig;
    REQUIRE(rig.feed.sampleRate() == kRate);
    rig.play(12345);
    std::vector<float> pulled;
    test::playBuffered(rig.device, rig.feed, 2 * kRate, pulled); // 2 s across both tracks
    CHECK(rig.feed.underflowFrames() == 0);
    CHECK(rig.clock.position() == 12345 + 2 * kRate);
    const auto expected = test::mixed(rig.project, 12345, 2 * kRate);
    REQUIRE_FALSE(test::allZero(expected));
    CHECK(pulled == expected);
    CHECK(rig.feed.error().empty());
}

TEST_CASE("a loop wraps with the right samples", "[playback][feed]") {
    FeedRig rig;
    const LoopRange loop{kRate, kRate + 10000};
    rig.clock.setLoop(loop);
    rig.play(kRate + 9000);
    std::vector<float> pulled;
    test::playBuffered(rig.device, rig.feed, 25000, pulled, 333);
    const auto expected = concat(
        {test::mixed(rig.project, kRate + 9000, 1000), test::mixed(rig.project, kRate, 10000),
         test::mixed(rig.project, kRate, 10000), test::mixed(rig.project, kRate, 4000)});
    CHECK(pulled == expected);
    CHECK(rig.clock.position() == kRate + 4000);
    CHECK(rig.feed.underflowFrames() == 0);
}

TEST_CASE("an underflow plays zeros, is counted, and the sound resumes in step",
          "[playback][feed]") {
    FeedRig rig;
    rig.play(0);
    std::vector<float> pulled;
    test::playBuffered(rig.device, rig.feed, 4800, pulled);
    REQUIRE(rig.feed.waitBuffered(1'000'000, std::chrono::seconds(5))); // full: the whole lead
    rig.feed.setStalled(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(30)); // a block being mixed lands
    const std::int64_t buffered = rig.feed.bufferedFrames();
    REQUIRE(buffered >= 4800);

    std::vector<float> starved;
    rig.device.consume(buffered + 2000, &starved); // the device does not wait
    CHECK(rig.feed.underflowFrames() == 2000);
    CHECK(rig.feed.underflows() >= 1);
    const std::size_t good = static_cast<std::size_t>(buffered) * 2;
    CHECK(
        std::vector<float>(starved.begin(), starved.begin() + static_cast<std::ptrdiff_t>(good)) ==
        test::mixed(rig.project, 4800, buffered));
    CHECK(test::allZero(starved, good));

    // Back: the missed part is skipped, not played late — the sound is where the clock is.
    rig.feed.setStalled(false);
    const std::int64_t at = rig.clock.position();
    CHECK(at == 4800 + buffered + 2000);
    std::vector<float> after;
    test::playBuffered(rig.device, rig.feed, 9600, after);
    CHECK(after == test::mixed(rig.project, at, 9600));
    CHECK(rig.feed.underflowFrames() == 2000);
}

TEST_CASE("shuttling plays silence while the frames are consumed", "[playback][feed]") {
    FeedRig rig;
    for (const double rate : {2.0, 4.0, -1.0}) {
        rig.play(kRate, rate);
        std::vector<float> pulled;
        test::playBuffered(rig.device, rig.feed, 4800, pulled);
        CHECK(test::allZero(pulled));
        CHECK(rig.clock.position() == kRate + static_cast<std::int64_t>(rate * 4800));
        rig.device.stop();
        rig.clock.pause();
    }
    CHECK(rig.feed.underflowFrames() == 0);
}

TEST_CASE("a seek while playing switches the sound at the clock's new place", "[playback][feed]") {
    FeedRig rig;
    rig.play(0);
    std::vector<float> pulled;
    test::playBuffered(rig.device, rig.feed, 4800, pulled);
    rig.clock.seek(2 * kRate);
    rig.feed.follow(rig.clock.mapping());
    // The device's next buffer lets go of the old sound (silence, not an underflow)…
    std::vector<float> gap;
    rig.device.consume(480, &gap);
    CHECK(test::allZero(gap));
    // …and from then on it plays the new place, in step with the clock.
    const std::int64_t at = rig.clock.position();
    CHECK(at == 2 * kRate + 480);
    std::vector<float> after;
    test::playBuffered(rig.device, rig.feed, 4800, after);
    CHECK(after == test::mixed(rig.project, at, 4800));
    CHECK(rig.feed.underflowFrames() == 0);
}

TEST_CASE("a sound edit while playing is heard after the buffered lead, without a gap",
          "[playback][feed]") {
    FeedRig rig;
    rig.play(0);
    std::vector<float> pulled;
    test::playBuffered(rig.device, rig.feed, 4800, pulled);
    const auto muted = test::twoTrackProject(true);
    rig.feed.setProject(muted);
    std::vector<float> after;
    test::playBuffered(rig.device, rig.feed, kRate, after);
    const auto before = test::mixed(rig.project, 4800, kRate);
    const auto now = test::mixed(muted, 4800, kRate);
    // Old samples up to some frame, the new mix from there on.
    std::size_t switchAt = 0;
    while (switchAt < after.size() && after[switchAt] == before[switchAt])
        ++switchAt;
    switchAt -= switchAt % 2;
    CHECK(std::vector<float>(after.begin() + static_cast<std::ptrdiff_t>(switchAt), after.end()) ==
          std::vector<float>(now.begin() + static_cast<std::ptrdiff_t>(switchAt), now.end()));
    // Within the lead (150 ms) and the block being mixed.
    CHECK(switchAt / 2 <= static_cast<std::size_t>(kRate * 150 / 1000 + 1024 + 480));
    CHECK(rig.feed.underflowFrames() == 0);
}
