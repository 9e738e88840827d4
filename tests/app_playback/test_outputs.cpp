// The outputs behind AudioOutput: the silent one follows the steady clock and
// still pulls; opening a device that is not there falls back to it with one
// line of notice; the default device opens or falls back, never fails.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "playback/audio_output.h"
#include "playback/portaudio_output.h"
#include "playback/silent_output.h"

using namespace entropic;
using namespace std::chrono;
using app::AudioOutput;
using app::SilentOutput;

namespace {

constexpr int kRate = 48000;

// A Pull that checks frames arrive numbered without gaps or overlaps.
struct PullLog {
    std::atomic<std::int64_t> next{0};
    std::atomic<std::int64_t> frames{0};
    std::atomic<bool> contiguous{true};
    AudioOutput::Pull pull() {
        return [this](float* out, int n, std::int64_t first) {
            std::fill(out, out + n * 2, 0.0f);
            if (first != next.load()) contiguous = false;
            next = first + n;
            frames += n;
        };
    }
};

std::int64_t framesIn(steady_clock::duration d) {
    return duration_cast<nanoseconds>(d).count() * kRate / 1'000'000'000;
}

bool waitFor(const std::function<bool()>& done, milliseconds timeout = milliseconds(2000)) {
    const auto deadline = steady_clock::now() + timeout;
    while (!done()) {
        if (steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(milliseconds(1));
    }
    return true;
}

} // namespace

TEST_CASE("a silent output plays by the steady clock and still pulls", "[playback][output]") {
    constexpr int kBlock = 512;
    SilentOutput out(QStringLiteral("test"), kBlock);
    PullLog log;
    REQUIRE(out.open(kRate, 2, log.pull(), nullptr));
    CHECK(out.silent());
    CHECK(out.deviceName() == QStringLiteral("No audio device (test)"));
    CHECK(out.latencySeconds() == Approx(double(kBlock) / kRate));

    const auto before = steady_clock::now();
    REQUIRE(out.start());
    const auto after = steady_clock::now();
    std::int64_t last = 0;
    while (steady_clock::now() - before < milliseconds(300)) {
        const std::int64_t p = out.playedFrames();
        REQUIRE(p >= last); // never backwards
        last = p;
        std::this_thread::sleep_for(milliseconds(3));
    }
    const auto readFrom = steady_clock::now();
    const std::int64_t played = out.playedFrames();
    const auto readTo = steady_clock::now();
    // Exactly elapsed × rate: between what the earliest and latest instants allow.
    CHECK(played >= framesIn(readFrom - after) - 1);
    CHECK(played <= framesIn(readTo - before) + 1);
    // Pulled as a device would: a block ahead of the clock, numbered without gaps.
    CHECK(waitFor([&] { return log.frames.load() >= out.playedFrames(); }));
    CHECK(log.contiguous.load());

    out.stop();
    const std::int64_t frozen = out.playedFrames();
    std::this_thread::sleep_for(milliseconds(30));
    CHECK(out.playedFrames() == frozen);
    CHECK(out.pulledFrames() == frozen); // pulled ahead, never heard: forgotten
    // Resumes numbering from what was heard.
    log.next = frozen;
    REQUIRE(out.start());
    CHECK(waitFor([&] { return out.playedFrames() > frozen + 480; }));
    out.close();
    CHECK(log.contiguous.load());
}

TEST_CASE("a silent output on a hand-stepped clock counts exactly", "[playback][output]") {
    std::atomic<std::int64_t> now{5'000'000'000};
    SilentOutput out({}, 256, [&] { return nanoseconds(now.load()); });
    PullLog log;
    REQUIRE(out.open(kRate, 2, log.pull(), nullptr));
    REQUIRE(out.start());
    CHECK(out.playedFrames() == 0);
    now += 10'000'000; // 10 ms
    CHECK(out.playedFrames() == 480);
    now += 1'000'000'000;
    CHECK(out.playedFrames() == 48480);
    CHECK(waitFor([&] { return log.frames.load() >= 48480; }));
    out.stop();
    now += 1'000'000'000; // stopped: time passing does not count
    CHECK(out.playedFrames() == 48480);
    log.next = 48480; // what was pulled ahead is forgotten; numbering resumes at what was heard
    REQUIRE(out.start());
    now += 1'000'000;
    CHECK(out.playedFrames() == 48528);
    out.close();
    CHECK(log.contiguous.load());
}

TEST_CASE("a device that is not there falls back to silence with a one-line notice",
          "[playback][output]") {
    app::AudioSettings settings;
    settings.device = QStringLiteral("No Such Device 9f3c");
    settings.bufferFrames = 512;
    QString notice;
    PullLog log;
    const auto out = app::openAudioOutput(settings, kRate, 2, log.pull(), &notice);
    REQUIRE(out);
    CHECK(out->silent());
    CHECK(notice.startsWith(QStringLiteral("No audio device — playing silently")));
    CHECK(notice.contains(QStringLiteral("No Such Device 9f3c")));
    CHECK_FALSE(notice.contains(QLatin1Char('\n')));
    CHECK(out->sampleRate() == kRate);
    CHECK(out->channels() == 2);
    REQUIRE(out->start());
    CHECK(waitFor([&] { return out->playedFrames() > 0 && log.frames.load() > 0; }));
    out->close();
}

TEST_CASE("the default device opens or falls back, and plays either way", "[playback][output]") {
    QString notice = QStringLiteral("stale");
    PullLog log;
    const auto out = app::openAudioOutput(app::AudioSettings{}, kRate, 2, log.pull(), &notice);
    REQUIRE(out);
    // This box may or may not have a sound card: both are fine, but they must say which.
    CHECK(out->silent() != notice.isEmpty());
    CHECK_FALSE(notice.contains(QLatin1Char('\n')));
    CHECK_FALSE(out->deviceName().isEmpty());
    REQUIRE(out->start());
    std::int64_t last = 0;
    bool moved = false;
    const auto until = steady_clock::now() + milliseconds(300);
    while (steady_clock::now() < until) {
        const std::int64_t p = out->playedFrames();
        REQUIRE(p >= last);
        moved = moved || p > 0;
        last = p;
        std::this_thread::sleep_for(milliseconds(5));
    }
    CHECK(moved);
    out->stop();
    const std::int64_t frozen = out->playedFrames();
    std::this_thread::sleep_for(milliseconds(30));
    CHECK(out->playedFrames() == frozen);
    out->close();
    CHECK(log.contiguous.load());
}

TEST_CASE("output devices are listed without opening a stream", "[playback][output]") {
    QString error;
    const QStringList devices = app::PortAudioOutput::outputDevices(&error);
    // Nothing to assert about a machine's cards; listing twice must agree (and not crash).
    CHECK(app::PortAudioOutput::outputDevices() == devices);
    for (const QString& name : devices)
        CHECK_FALSE(name.isEmpty());
}
