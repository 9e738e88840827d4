// Recording knob moves into automation lanes (docs/performance.md,
// "Recording knob moves"): thinning, the splice that keeps what lies outside
// the written spans, latch and touch from the inspector's slider and from a
// MIDI mapping on a clock the test moves, one undo step per take, the live
// lane the engine gets during the take, and nothing recorded while stopped.
#include <catch2/catch.hpp>

#include <algorithm>

#include <QSlider>

#include "commands/automation_edits.h"
#include "commands/edits.h"
#include "commands/midi_edits.h"
#include "entropic/signal/automation.h"
#include "inspector/effect_card.h"
#include "inspector/param_control.h"
#include "midi/midi_control.h"
#include "performance/automation_recorder.h"
#include "performance/key_thinning.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

const sig::ParamTarget kAmount{"fx-1", "amount", 0}; // fx.noise, 0..1, base 0.3 in the fixture
const sig::ParamTarget kMode{"fx-1", "mode", 0};     // a choice: Monochrome, Colour

// The playback clock and the wall clock, moved by the test.
struct FakeClock {
    bool playing = false;
    double frame = 0;
    double wall = 0;
    AutomationRecorder::Clock clock() {
        return {[this] { return playing; }, [this] { return frame; }};
    }
};

struct Recording {
    LoadedFixture f;
    FakeClock time;
    AutomationRecorder recorder{f.doc, time.clock()};
    explicit Recording(AutomationMode mode) {
        recorder.setWallClock([this] { return time.wall; });
        recorder.setMode(mode);
    }
    void play(double frame) {
        time.frame = frame;
        time.playing = true;
        recorder.setPlaying(true);
    }
    void stop(double frame) {
        time.frame = frame;
        time.playing = false;
        recorder.setPlaying(false);
    }
};

std::vector<sig::Keyframe> keysOf(const ProjectDocument& doc, const sig::ParamTarget& target) {
    const auto* lane = sig::findLane(doc.project().signals, target);
    return lane ? lane->keys : std::vector<sig::Keyframe>{};
}

using Expected = std::vector<std::pair<std::int64_t, double>>;

std::string describe(const std::vector<sig::Keyframe>& keys) {
    std::string text;
    for (const auto& k : keys)
        text += "(" + std::to_string(k.frame) + ", " + std::to_string(k.value) + ") ";
    return text;
}

// Exactly these frames, with these values.
void checkKeys(const std::vector<sig::Keyframe>& keys, const Expected& want) {
    INFO("keys: " << describe(keys));
    REQUIRE(keys.size() == want.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(keys[i].frame == want[i].first);
        CHECK(keys[i].value == Approx(want[i].second).margin(1e-9));
    }
}

double amount(const ProjectDocument& doc) {
    return clip(doc, "b")->effects[0].params.number("amount");
}

// The keys of the target's lane in what the engine gets now.
std::vector<sig::Keyframe> liveKeys(const ProjectDocument& doc, const sig::ParamTarget& target) {
    std::vector<sig::Keyframe> keys;
    const auto sent = doc.toLiveEngineJson();
    if (!sent.contains("signals")) return keys;
    for (const auto& lane : sent["signals"]["automation"])
        if (lane["effect"] == target.effect && lane["param"] == target.param)
            for (const auto& k : lane["keys"])
                keys.push_back({k["frame"].get<std::int64_t>(), k["value"].get<double>()});
    return keys;
}

ParamControl* controlOf(QWidget& card, const std::string& key) {
    for (auto* c : card.findChildren<ParamControl*>())
        if (c->spec().key == key) return c;
    return nullptr;
}

MidiMessage cc(int value) {
    return {MidiMessage::Type::Controller, 1, 21, value};
}

// A recording with CC 21 on channel 1 mapped to the amount (0..1), and the
// controller's first two moves: picked up at 0.299 on frame 10, 0.504 on 11.
struct MidiRecording : Recording {
    MidiControl midi{f.doc};
    explicit MidiRecording(AutomationMode mode) : Recording(mode) {
        MidiMapping mapping;
        mapping.channel = 1;
        mapping.controller = 21;
        mapping.target = {MidiTarget::Kind::EffectParam, "b", "fx-1", "amount", 0};
        mapping.min = 0;
        mapping.max = 1;
        QString error;
        REQUIRE(edits::addMidiMapping(f.doc, mapping, &error));
        midi.setRecorder(&recorder);
    }
    void playTwoMoves() {
        play(0);
        time.frame = 10;
        midi.handle(cc(38)); // 0.299: within soft takeover's reach of 0.3
        time.frame = 11;
        time.wall = 0.03;
        midi.handle(cc(64));
    }
};

} // namespace

TEST_CASE("thinning keeps a sweep's ends, a step's corners and a hold's changes",
          "[app][automation]") {
    std::vector<sig::Keyframe> sweep, step, triangle;
    for (int i = 0; i <= 300; ++i) {
        sweep.push_back({i, i / 300.0});
        step.push_back({i, i < 150 ? 0.0 : 1.0});
        triangle.push_back({i, i <= 100 ? i / 100.0 : std::max(0.0, (200 - i) / 100.0)});
    }
    checkKeys(thinLinearKeys(sweep, 0.005), {{0, 0}, {300, 1}});
    checkKeys(thinLinearKeys(step, 0.005), {{0, 0}, {149, 0}, {150, 1}, {300, 1}});
    checkKeys(thinLinearKeys(triangle, 0.005), {{0, 0}, {100, 1}, {200, 0}, {300, 0}});
    // Within tolerance, a wobble goes; beyond it, it stays.
    std::vector<sig::Keyframe> wobble{{0, 0}, {5, 0.504}, {10, 1}};
    checkKeys(thinLinearKeys(wobble, 0.005), {{0, 0}, {10, 1}});
    wobble[1].value = 0.51;
    checkKeys(thinLinearKeys(wobble, 0.005), {{0, 0}, {5, 0.51}, {10, 1}});
    checkKeys(thinHoldKeys({{0, 0}, {1, 0}, {2, 1}, {3, 1}, {4, 1}}), {{0, 0}, {2, 1}, {4, 1}});
}

TEST_CASE("a recorded span replaces the lane inside it and leaves every frame outside as it was",
          "[app][automation]") {
    sig::AutomationLane old{kAmount, {{0, 0.2}, {100, 0.8}}};
    const auto lane =
        edits::spliceRecording(kAmount, &old, 0.3, {{40, 60, {{40, 1.0}, {59, 1.0}}}});
    checkKeys(lane.keys, {{0, 0.2},
                          {39, 0.2 + 0.6 * 39 / 100},
                          {40, 1},
                          {59, 1},
                          {60, 0.2 + 0.6 * 60 / 100},
                          {100, 0.8}});
    for (int f = 0; f < 140; ++f)
        if (f < 40 || f >= 60)
            CHECK(sig::laneValue(lane, f) == Approx(sig::laneValue(old, f)).margin(1e-12));
    // No lane before: the base outside, on both sides.
    const auto fresh =
        edits::spliceRecording(kAmount, nullptr, 0.3, {{10, 20, {{10, 0.5}, {19, 0.5}}}});
    checkKeys(fresh.keys, {{9, 0.3}, {10, 0.5}, {19, 0.5}, {20, 0.3}});
}

TEST_CASE("latch from the mouse writes from the first move until stop as one undo step",
          "[app][automation]") {
    Recording r(AutomationMode::Latch);
    EffectCard card(r.f.doc, "b", clip(r.f.doc, "b")->effects[0], 0, 1);
    card.setRecorder(&r.recorder);
    auto* control = controlOf(card, "amount");
    REQUIRE(control);
    auto* slider = control->findChild<QSlider*>();
    REQUIRE(slider);
    const int entries = r.f.doc.undoStack()->count();

    r.play(0);
    r.time.frame = 10;
    slider->setSliderDown(true);
    for (int i = 0; i <= 20; ++i) { // 0.5 → 0.7 over frames 10..30
        r.time.frame = 10 + i;
        slider->setValue(500 + 10 * i);
    }
    slider->setSliderDown(false); // latch: the value holds after the release
    r.time.frame = 45;

    // During the take: the base and the history untouched; the engine gets
    // the lane being written, the last value held to the timeline's end.
    CHECK(amount(r.f.doc) == Approx(0.3));
    CHECK(r.f.doc.undoStack()->count() == entries);
    checkKeys(liveKeys(r.f.doc, kAmount), {{9, 0.3}, {10, 0.5}, {30, 0.7}, {129, 0.7}, {130, 0.3}});

    r.stop(50);
    CHECK(r.f.doc.liveLanes().empty());
    CHECK(r.f.doc.undoStack()->count() == entries + 1);
    CHECK(r.f.doc.undoStack()->undoText() == "Record automation");
    const Expected take{{9, 0.3}, {10, 0.5}, {30, 0.7}, {50, 0.7}, {51, 0.3}};
    checkKeys(keysOf(r.f.doc, kAmount), take);
    checkKeys(liveKeys(r.f.doc, kAmount), take); // the engine gets the lane as saved
    CHECK(amount(r.f.doc) == Approx(0.3));

    r.f.doc.undoStack()->undo();
    CHECK(keysOf(r.f.doc, kAmount).empty());
    r.f.doc.undoStack()->redo();
    checkKeys(keysOf(r.f.doc, kAmount), take);
}

TEST_CASE("touch from the mouse writes only while the slider is held, keeping the lane elsewhere",
          "[app][automation]") {
    Recording r(AutomationMode::Touch);
    REQUIRE(edits::setKeyframe(r.f.doc, kAmount, 0, 0.1));
    REQUIRE(edits::setKeyframe(r.f.doc, kAmount, 120, 0.9));
    const sig::AutomationLane before = *sig::findLane(r.f.doc.project().signals, kAmount);
    EffectCard card(r.f.doc, "b", clip(r.f.doc, "b")->effects[0], 0, 1);
    card.setRecorder(&r.recorder);
    auto* slider = controlOf(card, "amount")->findChild<QSlider*>();
    REQUIRE(slider);
    const int entries = r.f.doc.undoStack()->count();

    r.play(0);
    r.time.frame = 20;
    slider->setSliderDown(true);
    slider->setValue(500);
    r.time.frame = 25;
    slider->setValue(600);
    r.time.frame = 30;
    slider->setSliderDown(false); // released: the lane's own values again from frame 31
    r.time.frame = 80;
    slider->setSliderDown(true);
    slider->setValue(200);
    r.time.frame = 85;
    slider->setSliderDown(false);
    r.stop(100);

    const auto old = [](double f) { return 0.1 + 0.8 * f / 120; };
    checkKeys(keysOf(r.f.doc, kAmount), {{0, 0.1},
                                         {19, old(19)},
                                         {20, 0.5},
                                         {24, 0.5},
                                         {25, 0.6},
                                         {30, 0.6},
                                         {31, old(31)},
                                         {79, old(79)},
                                         {80, 0.2},
                                         {85, 0.2},
                                         {86, old(86)},
                                         {120, 0.9}});
    const auto* lane = sig::findLane(r.f.doc.project().signals, kAmount);
    for (int f = 0; f < 130; ++f)
        if (f < 20 || (f > 30 && f < 80) || f > 85)
            CHECK(sig::laneValue(*lane, f) == Approx(sig::laneValue(before, f)).margin(1e-12));
    CHECK(r.f.doc.undoStack()->count() == entries + 1);
    r.f.doc.undoStack()->undo();
    CHECK(*sig::findLane(r.f.doc.project().signals, kAmount) == before);
}

TEST_CASE("stopped, moves are base edits and nothing is recorded, whatever the mode",
          "[app][automation]") {
    Recording r(AutomationMode::Latch);
    EffectCard card(r.f.doc, "b", clip(r.f.doc, "b")->effects[0], 0, 1);
    card.setRecorder(&r.recorder);
    auto* slider = controlOf(card, "amount")->findChild<QSlider*>();
    r.time.frame = 10;
    slider->setSliderDown(true);
    slider->setValue(800);
    slider->setSliderDown(false);
    CHECK(amount(r.f.doc) == Approx(0.8));
    CHECK(keysOf(r.f.doc, kAmount).empty());
    CHECK(r.f.doc.liveLanes().empty());
    // Playing with recording Off: base edits too.
    r.recorder.setMode(AutomationMode::Off);
    r.play(0);
    r.time.frame = 5;
    slider->setValue(400);
    r.stop(20);
    CHECK(amount(r.f.doc) == Approx(0.4));
    CHECK(keysOf(r.f.doc, kAmount).empty());
}

TEST_CASE("latch from a MIDI controller records its moves, and the engine follows live",
          "[app][automation][midi]") {
    MidiRecording r(AutomationMode::Latch);
    const int entries = r.f.doc.undoStack()->count();
    r.playTwoMoves();
    CHECK(amount(r.f.doc) == Approx(0.3));
    CHECK(r.f.doc.undoStack()->count() == entries);
    checkKeys(liveKeys(r.f.doc, kAmount),
              {{9, 0.3}, {10, 38 / 127.0}, {11, 64 / 127.0}, {129, 64 / 127.0}, {130, 0.3}});
    r.stop(30);

    const Expected take{{9, 0.3}, {10, 38 / 127.0}, {11, 64 / 127.0}, {30, 64 / 127.0}, {31, 0.3}};
    checkKeys(keysOf(r.f.doc, kAmount), take);
    CHECK(r.f.doc.undoStack()->count() == entries + 1);
    r.f.doc.undoStack()->undo();
    CHECK(keysOf(r.f.doc, kAmount).empty());
    r.f.doc.undoStack()->redo();
    checkKeys(keysOf(r.f.doc, kAmount), take);

    // Stopped: the controller edits the base value (picked up at 0.3 again,
    // as the base is not where the controller left the lane), nothing is recorded.
    r.time.frame = 40;
    r.midi.handle(cc(38));
    r.midi.handle(cc(100));
    CHECK(amount(r.f.doc) == Approx(100 / 127.0));
    checkKeys(keysOf(r.f.doc, kAmount), take);
}

TEST_CASE("touch from a MIDI controller lets go half a second after its last message",
          "[app][automation][midi]") {
    MidiRecording r(AutomationMode::Touch);
    r.playTwoMoves();
    r.time.frame = 12;
    r.time.wall = 0.06;
    r.midi.handle(cc(127));
    r.time.frame = 20;
    r.time.wall = 0.06 + 0.4; // a pause shorter than kTouchReleaseMs: still touched
    r.recorder.releaseIdle();
    checkKeys(liveKeys(r.f.doc, kAmount),
              {{9, 0.3}, {10, 38 / 127.0}, {11, 64 / 127.0}, {12, 1}, {129, 1}, {130, 0.3}});
    r.time.frame = 25;
    r.time.wall = 0.06 + 0.5; // released: the base again from frame 26
    r.recorder.releaseIdle();
    checkKeys(liveKeys(r.f.doc, kAmount),
              {{9, 0.3}, {10, 38 / 127.0}, {11, 64 / 127.0}, {12, 1}, {25, 1}, {26, 0.3}});
    r.stop(60);
    checkKeys(keysOf(r.f.doc, kAmount),
              {{9, 0.3}, {10, 38 / 127.0}, {11, 64 / 127.0}, {12, 1}, {25, 1}, {26, 0.3}});
}

TEST_CASE("latch goes on through a loop, the span before it ending where the loop did",
          "[app][automation]") {
    Recording r(AutomationMode::Latch);
    r.play(0);
    r.time.frame = 50;
    CHECK(r.recorder.move(kAmount, 0.5) == 0.5);
    r.time.frame = 90;
    r.recorder.releaseIdle(); // the timer's poll: playing on frame 90
    r.time.frame = 10;        // looped back
    r.recorder.releaseIdle();
    r.stop(30);
    checkKeys(
        keysOf(r.f.doc, kAmount),
        {{9, 0.3}, {10, 0.5}, {30, 0.5}, {31, 0.3}, {49, 0.3}, {50, 0.5}, {90, 0.5}, {91, 0.3}});
}

TEST_CASE("a choice records hold keys, one per change", "[app][automation]") {
    Recording r(AutomationMode::Latch);
    r.play(0);
    r.time.frame = 5;
    CHECK(r.recorder.move(kMode, 1) == 1.0);
    r.time.frame = 7;
    CHECK(r.recorder.move(kMode, 1) == 1.0);
    r.time.frame = 9;
    CHECK(r.recorder.move(kMode, 0) == 0.0);
    r.stop(20);
    const auto keys = keysOf(r.f.doc, kMode);
    checkKeys(keys, {{4, 0}, {5, 1}, {9, 0}, {21, 0}});
    CHECK(keys[1].interp == sig::Interpolation::Hold);
    CHECK(keys[2].interp == sig::Interpolation::Hold);
}

TEST_CASE("a take naming no parameter, or with a bad span, is refused and changes nothing",
          "[app][automation]") {
    LoadedFixture f;
    const std::string original = saved(f.doc);
    QString error;
    CHECK_FALSE(edits::writeAutomation(f.doc, {{{"fx-1", "amout", 0}, {{0, 5, {{0, 1.0}}}}}},
                                       "Record automation", &error));
    CHECK(error.contains("amout"));
    CHECK_FALSE(edits::writeAutomation(f.doc, {{kAmount, {{10, 5, {{10, 1.0}}}}}},
                                       "Record automation", &error));
    CHECK_FALSE(edits::writeAutomation(f.doc, {{kAmount, {{0, 5, {{7, 1.0}}}}}},
                                       "Record automation", &error));
    CHECK(saved(f.doc) == original);
}
