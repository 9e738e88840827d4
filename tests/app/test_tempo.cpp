// The project tempo (docs/performance.md, "Tempo"): the edit that sets it,
// tap tempo arithmetic and its one undo step a run, the beat phase the
// transport's light flashes on, and MIDI clock estimating and, when the
// preference is on, driving the tempo.
#include <catch2/catch.hpp>

#include <cstdint>

#include <QDoubleSpinBox>
#include <QSettings>

#include "commands/edits.h"
#include "midi/clock_follower.h"
#include "midi/midi_clock.h"
#include "midi/midi_control.h"
#include "test_support.h"
#include "transport/beat_phase.h"
#include "transport/tempo_control.h"
#include "transport/tempo_tap.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

constexpr std::int64_t kMs = 1'000'000;

// Uniform in [-1, 1] ms from a fixed linear congruential sequence: the same
// jitter on every run and every standard library.
struct Jitter {
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    std::int64_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double unit = static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
        return static_cast<std::int64_t>((unit * 2 - 1) * kMs);
    }
};

// Ticks of a perfect clock at bpm, from `from`, `count` of them; returns the
// last estimate and the time of the next tick.
std::optional<double> feed(MidiClock& clock, double bpm, std::int64_t& at, int count,
                           Jitter* jitter = nullptr) {
    const double interval = 60e9 / (bpm * MidiClock::kTicksPerBeat);
    std::optional<double> last;
    const std::int64_t start = at;
    for (int i = 0; i < count; ++i) {
        const auto ideal = start + static_cast<std::int64_t>(i * interval);
        last = clock.tick(ideal + (jitter ? jitter->next() : 0));
    }
    at = start + static_cast<std::int64_t>(count * interval);
    return last;
}

MidiMessage clockMessage(MidiMessage::Type type) {
    return {type, 0, 0, 0};
}

} // namespace

TEST_CASE("the tempo edit is checked, one undo step, and refused outside 1 to 999",
          "[app][tempo]") {
    LoadedFixture f;
    const int entries = f.doc.undoStack()->count();
    QString error;
    REQUIRE(edits::setTempo(f.doc, 128.5, &error));
    CHECK(f.doc.project().tempoBpm == 128.5);
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(f.doc.undoStack()->undoText() == QStringLiteral("Set tempo to 128.5 BPM"));
    CHECK(edits::setTempo(f.doc, 128.5, &error)); // no change: nothing pushed
    CHECK(f.doc.undoStack()->count() == entries + 1);

    CHECK_FALSE(edits::setTempo(f.doc, 0.5, &error));
    CHECK(error.contains(QStringLiteral("between 1 and 999 BPM")));
    CHECK_FALSE(edits::setTempo(f.doc, 1200, &error));
    CHECK_FALSE(edits::setTempo(f.doc, std::nan(""), &error));
    CHECK(f.doc.project().tempoBpm == 128.5);

    f.doc.undoStack()->undo();
    CHECK(f.doc.project().tempoBpm == 120);
    CHECK(saved(f.doc) == f.original);
    f.doc.undoStack()->redo();
    CHECK(f.doc.project().tempoBpm == 128.5);
}

TEST_CASE("tap tempo averages the recent intervals of a run, from the second tap", "[app][tempo]") {
    TempoTap tap;
    auto first = tap.tap(10 * kMs);
    CHECK(first.newRun);
    CHECK_FALSE(first.bpm);
    auto second = tap.tap(510 * kMs);
    CHECK_FALSE(second.newRun);
    REQUIRE(second.bpm);
    CHECK(*second.bpm == 120.0); // 500 ms exactly
    // Intervals 500, 400: the average 450 ms is 133.33… BPM.
    CHECK(*tap.tap(910 * kMs).bpm == Approx(60000.0 / 450));

    SECTION("only the last taps count") {
        std::int64_t at = 910 * kMs;
        for (int i = 0; i < TempoTap::kWindow; ++i)
            at += 600 * kMs;
        TempoTap steady;
        std::optional<double> bpm;
        for (int i = 0; i < 3 * TempoTap::kWindow; ++i)
            bpm = steady.tap(static_cast<std::int64_t>(i) * 400 * kMs).bpm; // 150 BPM
        for (int i = 0; i < TempoTap::kWindow; ++i)
            bpm = steady
                      .tap(static_cast<std::int64_t>(3 * TempoTap::kWindow) * 400 * kMs +
                           static_cast<std::int64_t>(i + 1) * 600 * kMs)
                      .bpm; // then 100 BPM
        CHECK(*bpm == Approx(100.0));
        CHECK(steady.taps() == TempoTap::kWindow);
    }
    SECTION("a pause of more than two seconds starts a new run") {
        auto again = tap.tap(910 * kMs + TempoTap::kResetNs + 1);
        CHECK(again.newRun);
        CHECK_FALSE(again.bpm);
        CHECK(tap.taps() == 1);
        // Exactly two seconds is still the same run (30 BPM is tappable).
        CHECK(*tap.tap(910 * kMs + 2 * TempoTap::kResetNs + 1).bpm == Approx(30.0));
    }
}

TEST_CASE("a run of taps sets the tempo as one undo step, and the next run is another",
          "[app][tempo]") {
    LoadedFixture f;
    TempoControl control(f.doc);
    const int entries = f.doc.undoStack()->count();
    control.tapAt(1000 * kMs);
    CHECK(f.doc.project().tempoBpm == 120); // one tap: no tempo yet
    CHECK(f.doc.undoStack()->count() == entries);
    control.tapAt(1400 * kMs); // 150
    control.tapAt(1850 * kMs); // average 425 ms: 141.18, shown 141.2
    control.tapAt(2300 * kMs); // average 433.3 ms: 138.46, shown 138.5
    CHECK(f.doc.project().tempoBpm == 138.5);
    CHECK(control.box()->value() == 138.5);
    CHECK(f.doc.undoStack()->count() == entries + 1);

    // After a pause, a new run is a new step.
    control.tapAt(5000 * kMs);
    control.tapAt(5500 * kMs);
    CHECK(f.doc.project().tempoBpm == 120);
    CHECK(f.doc.undoStack()->count() == entries + 2);
    f.doc.undoStack()->undo();
    CHECK(f.doc.project().tempoBpm == 138.5);
    f.doc.undoStack()->undo();
    CHECK(f.doc.project().tempoBpm == 120);
    CHECK(control.box()->value() == 120);
    CHECK(saved(f.doc) == f.original);
}

TEST_CASE("the tempo box sets the tempo, one undo step per change", "[app][tempo]") {
    LoadedFixture f;
    TempoControl control(f.doc);
    const int entries = f.doc.undoStack()->count();
    control.box()->setValue(96);
    CHECK(f.doc.project().tempoBpm == 96);
    control.box()->stepUp();
    CHECK(f.doc.project().tempoBpm == 97);
    CHECK(f.doc.undoStack()->count() == entries + 2);
    f.doc.undoStack()->undo();
    CHECK(control.box()->value() == 96); // the box follows the project
}

TEST_CASE("the beat phase comes from the timeline frame, the frame rate and the tempo",
          "[app][tempo]") {
    // 120 BPM at 30 fps: a beat every 15 frames.
    const engine::Rational fps30{30, 1};
    auto at = [&](double frame, double bpm = 120) { return beatAt(frame, fps30, bpm).value(); };
    CHECK(at(0).beat == 0);
    CHECK(at(0).phase == 0);
    CHECK(at(15).beat == 1);
    CHECK(at(15).phase == 0);
    CHECK(at(22.5).beat == 1);
    CHECK(at(22.5).phase == Approx(0.5));
    CHECK(at(29).phase == Approx(14.0 / 15));
    CHECK(at(300).beat == 20);
    CHECK(at(300).phase == 0);
    CHECK(at(45, 60).beat == 1); // 60 BPM: 30 frames a beat
    CHECK(at(45, 60).phase == Approx(0.5));
    CHECK(at(-7.5).beat == -1); // before frame 0 (a negative reverse shuttle) still lands
    CHECK(at(-7.5).phase == Approx(0.5));
    // 29.97 fps and 100 BPM: a beat every 18000/1001 frames.
    const auto ntsc = beatAt(10 * 18000.0 / 1001, {30000, 1001}, 100).value();
    CHECK((ntsc.beat == 10 ? ntsc.phase : ntsc.phase - 1) == Approx(0).margin(1e-9));
    CHECK_FALSE(beatAt(10, {0, 1}, 120));
    CHECK_FALSE(beatAt(10, fps30, 0));

    CHECK(beatFlash(0) == 1);
    CHECK(beatFlash(kFlashBeats / 2) == Approx(0.5));
    CHECK(beatFlash(kFlashBeats) == 0);
    CHECK(beatFlash(0.9) == 0);
}

TEST_CASE("MIDI clock gives exactly 120 BPM from perfect ticks, after four beats",
          "[app][tempo][midi]") {
    MidiClock clock;
    std::int64_t at = 5 * kMs;
    CHECK_FALSE(feed(clock, 120, at, MidiClock::kMinTicks - 1));
    REQUIRE(feed(clock, 120, at, 1));
    CHECK(*clock.bpm() == Approx(120.0).margin(1e-6));
    feed(clock, 120, at, 200);
    CHECK(*clock.bpm() == Approx(120.0).margin(1e-6));
    // A new tempo is followed within the window (eight beats).
    feed(clock, 90, at, MidiClock::kWindow);
    CHECK(*clock.bpm() == Approx(90.0).margin(1e-6));
}

TEST_CASE("MIDI clock stays steady under 1 ms of jitter", "[app][tempo][midi]") {
    for (const double bpm : {60.0, 120.0, 174.0}) {
        MidiClock clock;
        Jitter jitter;
        std::int64_t at = 0;
        double worstEarly = 0;  // from the first estimate until the window is full
        double worst = 0;       // after
        double lastTempo = 100; // the project's, before the clock
        int changes = 0;
        feed(clock, bpm, at, MidiClock::kMinTicks - 1, &jitter);
        for (int i = MidiClock::kMinTicks; i < 3000; ++i) {
            const auto estimate = feed(clock, bpm, at, 1, &jitter);
            REQUIRE(estimate);
            double& w = i < MidiClock::kWindow ? worstEarly : worst;
            w = std::max(w, std::abs(*estimate - bpm));
            if (const auto next = followedTempo(*estimate, lastTempo)) {
                lastTempo = *next;
                ++changes;
            }
        }
        INFO("bpm " << bpm << ", worst error " << worstEarly << " early, " << worst << " after");
        CHECK(worstEarly < 0.05);
        CHECK(worst < 0.04);
        CHECK(lastTempo == bpm);
        CHECK(changes == 1); // set once, then left alone
    }
}

TEST_CASE("MIDI clock starts over on Start and after a gap", "[app][tempo][midi]") {
    MidiClock clock;
    std::int64_t at = 0;
    feed(clock, 140, at, 100);
    REQUIRE(clock.bpm());
    const int run = clock.run();

    clock.start();
    CHECK_FALSE(feed(clock, 100, at, 1)); // a new run has no tempo yet
    CHECK(clock.run() == run + 1);
    feed(clock, 100, at, MidiClock::kMinTicks);
    CHECK(*clock.bpm() == Approx(100.0).margin(1e-6)); // nothing of 140 left

    at += MidiClock::kGapNs + 1;
    CHECK_FALSE(feed(clock, 100, at, 1));
    CHECK(clock.run() == run + 2);
}

TEST_CASE("a followed clock moves the tempo only by tenths, 0.1 or more at a time",
          "[app][tempo][midi]") {
    CHECK(followedTempo(120.04, 120) == std::nullopt);
    CHECK(followedTempo(120.09, 120) == std::nullopt); // within 0.1: hysteresis
    CHECK(followedTempo(120.1, 120) == 120.1);
    CHECK(followedTempo(126.66, 120) == 126.7);
    CHECK(followedTempo(119.87, 120) == 119.9);
    CHECK(followedTempo(2000, 999) == std::nullopt);
    CHECK(followedTempo(1500, 120) == 999);
}

TEST_CASE("MIDI clock drives the tempo only with Follow MIDI clock on, one undo step a run",
          "[app][tempo][midi]") {
    LoadedFixture f;
    QSettings().setValue(QLatin1String(MidiControl::kFollowClockKey), false);
    QSettings().setValue(QLatin1String(MidiControl::kDeviceKey), QStringLiteral("none"));
    MidiControl midi(f.doc);
    midi.startFromSettings(); // MIDI input off: the messages come from handle()
    const int entries = f.doc.undoStack()->count();
    const double interval = 60e9 / (100.0 * 24); // 100 BPM
    std::int64_t tick = 0;
    auto ticks = [&](int n) {
        for (int i = 0; i < n; ++i)
            midi.handle(clockMessage(MidiMessage::Type::Clock),
                        static_cast<qint64>(static_cast<double>(tick++) * interval));
    };

    midi.handle(clockMessage(MidiMessage::Type::Start), 0);
    ticks(MidiClock::kMinTicks + MidiClock::kTicksPerBeat);
    CHECK(f.doc.project().tempoBpm == 120); // off: estimated, not followed
    CHECK(*midi.clockFollower().clock().bpm() == Approx(100.0));

    QSettings().setValue(QLatin1String(MidiControl::kFollowClockKey), true);
    midi.startFromSettings();
    CHECK(midi.clockFollower().enabled());
    ticks(1);
    CHECK(f.doc.project().tempoBpm == 100);
    CHECK(f.doc.undoStack()->count() == entries + 1);
    ticks(10 * MidiClock::kTicksPerBeat); // steady: nothing more
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(f.doc.undoStack()->undoText() == QStringLiteral("Set tempo to 100.0 BPM"));

    SECTION("a tempo change within the run merges into the same step") {
        const double faster = 60e9 / (110.0 * 24);
        const auto base = static_cast<double>(tick) * interval;
        for (int i = 1; i <= MidiClock::kWindow; ++i)
            midi.handle(clockMessage(MidiMessage::Type::Clock),
                        static_cast<qint64>(base + i * faster));
        CHECK(f.doc.project().tempoBpm == 110);
        CHECK(f.doc.undoStack()->count() == entries + 1);
        f.doc.undoStack()->undo();
        CHECK(f.doc.project().tempoBpm == 120);
    }
    SECTION("switched off, the clock leaves the tempo alone") {
        QSettings().setValue(QLatin1String(MidiControl::kFollowClockKey), false);
        midi.startFromSettings();
        REQUIRE(edits::setTempo(f.doc, 133));
        ticks(5 * MidiClock::kTicksPerBeat);
        CHECK(f.doc.project().tempoBpm == 133);
    }
    QSettings().remove(QLatin1String(MidiControl::kFollowClockKey));
    QSettings().remove(QLatin1String(MidiControl::kDeviceKey));
}
