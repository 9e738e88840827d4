// Recorded pad events edited after the fact (docs/performance.md): the rules
// that keep a lane valid (clamp, never merge: gate_event_rules.h), the edits
// on them as one undo entry each that undo and redo restore exactly, and
// quantize of takes to a beat grid at the project tempo, exact to the frame.
#include <catch2/catch.hpp>

#include "commands/performance_edits.h"
#include "commands/performance_event_edits.h"
#include "entropic/signal/json.h"
#include "performance/live_performance.h"
#include "performance/quantize.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

using Events = std::vector<sig::GateEvent>;

std::vector<engine::PerformanceLane> lanesOf(Events a, Events b = {}) {
    return {{"pad-1", "Kick", std::move(a)}, {"pad-2", "Snare", std::move(b)}};
}

const Events& kick(const ProjectDocument& doc) {
    return doc.project().performance.front().events;
}

// A document with two pads, Kick holding `events`.
struct PadsFixture : LoadedFixture {
    explicit PadsFixture(const Events& events) {
        REQUIRE(edits::addPad(doc, "Kick", {}));
        REQUIRE(edits::addPad(doc, "Snare", {}));
        REQUIRE(edits::writePerformance(doc, {{"pad-1", events}}, 0, 0, edits::TakeMode::Overdub,
                                        "Record take"));
    }
};

double step(double beats, double bpm, engine::Rational rate) {
    return quantizeStep(beats, bpm, rate);
}

} // namespace

TEST_CASE("a move takes the delta nearest the wanted one that overlaps nothing",
          "[app][performance]") {
    const auto lanes = lanesOf({{10, 20, 1}, {30, 40, 1}, {50, 52, 1}});
    const std::vector<gate::EventRef> first{{"pad-1", {10, 20, 1}}};
    CHECK(gate::moved(lanes, first, 5)->delta == 5);     // into the gap
    CHECK(gate::moved(lanes, first, 12)->delta == 10);   // stops against [30, 40)
    CHECK(gate::moved(lanes, first, 19)->delta == 10);   // nearer the near side than past it
    CHECK(gate::moved(lanes, first, 27)->delta == 30);   // past it: the gap [40, 50) fits 10
    CHECK(gate::moved(lanes, first, 38)->delta == 42);   // past [50, 52) too
    CHECK(gate::moved(lanes, first, -25)->delta == -10); // never before frame 0
    const auto edit = gate::moved(lanes, first, 27);
    CHECK(edit->lanes[0].events == Events{{30, 40, 1}, {40, 50, 1}, {50, 52, 1}}); // sorted
    CHECK(edit->refs == std::vector<gate::EventRef>{{"pad-1", {40, 50, 1}}});
    CHECK(edit->lanes[1].events.empty());

    // Events of other lanes never stand in the way.
    const auto two = lanesOf({{10, 20, 1}}, {{20, 30, 1}});
    CHECK(gate::moved(two, first, 10)->delta == 10);
    // Moved together, selected events never block each other.
    const std::vector<gate::EventRef> both{{"pad-1", {10, 20, 1}}, {"pad-1", {30, 40, 1}}};
    CHECK(gate::moved(lanes, both, 5)->delta == 5);
    CHECK(gate::moved(lanes, both, 11)->delta == 10); // the second stops against [50, 52)
    CHECK(gate::moved(lanes, both, 17)->delta == 22); // or jumps it, whichever is nearer
    // A ref to an event that is not there refuses.
    CHECK_FALSE(gate::moved(lanes, {{"pad-1", {11, 20, 1}}}, 5));
    CHECK_FALSE(gate::moved(lanes, {{"pad-9", {10, 20, 1}}}, 5));
}

TEST_CASE("a trim stops at its neighbours, at frame 0 and one frame short of the other end",
          "[app][performance]") {
    const auto lanes = lanesOf({{10, 20, 1}, {30, 40, 0.5}});
    const gate::EventRef first{"pad-1", {10, 20, 1}}, second{"pad-1", {30, 40, 0.5}};
    using gate::Edge;
    CHECK(gate::trimmed(lanes, first, Edge::Off, 25)->lanes[0].events[0] ==
          sig::GateEvent{10, 25, 1});
    CHECK(gate::trimmed(lanes, first, Edge::Off, 35)->lanes[0].events[0].offFrame == 30);
    CHECK(gate::trimmed(lanes, first, Edge::Off, 3)->lanes[0].events[0].offFrame == 11);
    CHECK(gate::trimmed(lanes, first, Edge::On, -4)->lanes[0].events[0].onFrame == 0);
    CHECK(gate::trimmed(lanes, second, Edge::On, 12)->lanes[0].events[1].onFrame == 20);
    CHECK(gate::trimmed(lanes, second, Edge::On, 45)->lanes[0].events[1].onFrame == 39);
    CHECK(gate::trimmed(lanes, second, Edge::Off, 1000)->lanes[0].events[1].offFrame == 1000);
    // A lane recorded overlapping (an overdub) shrinks but never grows further in.
    const auto overlapping = lanesOf({{10, 35, 1}, {30, 40, 1}});
    CHECK(gate::trimmed(overlapping, {"pad-1", {30, 40, 1}}, Edge::On, 25)
              ->lanes[0]
              .events[1]
              .onFrame == 30);
    CHECK(gate::trimmed(overlapping, {"pad-1", {30, 40, 1}}, Edge::On, 33)
              ->lanes[0]
              .events[1]
              .onFrame == 33);
}

TEST_CASE("event edits are one undo entry each, undo and redo restore the lanes exactly",
          "[app][performance]") {
    const Events start{{10, 20, 1}, {30, 34, 0.5}, {60, 64, 0.75}};
    PadsFixture f(start);
    const auto project = f.doc.project().performance;
    const auto pads = f.doc.editorState().pads;
    const auto signals = sig::toJson(f.doc.project().signals);
    const int entries = f.doc.undoStack()->count();

    std::vector<gate::EventRef> after;
    REQUIRE(edits::moveGateEvents(f.doc, {{"pad-1", {30, 34, 0.5}}}, -3, nullptr, &after));
    CHECK(after == std::vector<gate::EventRef>{{"pad-1", {27, 31, 0.5}}});
    REQUIRE(edits::trimGateEvent(f.doc, after.front(), gate::Edge::Off, 50, nullptr, &after));
    CHECK(after.front().event == sig::GateEvent{27, 50, 0.5});
    REQUIRE(edits::setGateVelocity(f.doc, {{"pad-1", {10, 20, 1}}, after.front()}, 1.5, nullptr,
                                   &after));
    CHECK(after.front().event.velocity == 1.0); // clamped
    REQUIRE(edits::deleteGateEvents(f.doc, {{"pad-1", {60, 64, 0.75}}}));
    CHECK(f.doc.undoStack()->count() == entries + 4);
    const Events edited{{10, 20, 1}, {27, 50, 1}};
    CHECK(kick(f.doc) == edited);

    for (int i = 0; i < 4; ++i)
        f.doc.undoStack()->undo();
    CHECK(kick(f.doc) == start);
    CHECK(f.doc.project().performance.size() == project.size());
    CHECK(f.doc.editorState().pads == pads);
    CHECK(sig::toJson(f.doc.project().signals) == signals);
    for (int i = 0; i < 4; ++i)
        f.doc.undoStack()->redo();
    CHECK(kick(f.doc) == edited);

    // Nothing to change: no entry. Gone: refused with a reason, nothing pushed.
    const int now = f.doc.undoStack()->count();
    CHECK(edits::moveGateEvents(f.doc, {{"pad-1", {10, 20, 1}}}, 0));
    QString error;
    CHECK_FALSE(edits::deleteGateEvents(f.doc, {{"pad-1", {60, 64, 0.75}}}, &error));
    CHECK(error == "That pad event is no longer on its lane");
    CHECK(f.doc.undoStack()->count() == now);
}

TEST_CASE("quantize snaps on frames to the beat grid at the project tempo, exactly",
          "[app][performance][quantize]") {
    const engine::Rational fps30{30, 1}, fps24{24, 1}, ntsc{30000, 1001}, fps60{60, 1};
    CHECK(step(1, 120, fps30) == 15);
    CHECK(step(0.25, 120, fps30) == 3.75);
    CHECK(step(1, 100, fps24) == Approx(14.4));
    CHECK(step(0, 120, fps30) == 0); // off
    CHECK(step(1, 0, fps30) == 0);

    auto ons = [](Events events, double s) {
        std::vector<std::int64_t> out;
        for (const auto& e : quantizeEvents(std::move(events), s))
            out.push_back(e.onFrame);
        return out;
    };
    // 1 beat at 120 BPM, 30 fps: lines every 15 frames.
    CHECK(ons({{7, 9, 1}, {8, 9, 1}, {22, 23, 1}, {23, 24, 1}}, step(1, 120, fps30)) ==
          std::vector<std::int64_t>{0, 15, 30});
    // 1/4 beat: lines at 0, 3.75, 7.5, 11.25…: the nearest frame to the nearest line.
    CHECK(ons({{5, 6, 1}}, step(0.25, 120, fps30)) == std::vector<std::int64_t>{4});
    CHECK(ons({{6, 7, 1}}, step(0.25, 120, fps30)) == std::vector<std::int64_t>{8});
    CHECK(ons({{10, 11, 1}}, step(0.25, 120, fps30)) == std::vector<std::int64_t>{11});
    // 100 BPM at 24 fps, a beat: 14.4 frames.
    CHECK(ons({{20, 21, 1}}, step(1, 100, fps24)) == std::vector<std::int64_t>{14});
    CHECK(ons({{22, 23, 1}}, step(1, 100, fps24)) == std::vector<std::int64_t>{29});
    // 1/8 beat at 90 BPM, 29.97 fps: 2.4975 frames.
    CHECK(ons({{101, 102, 1}}, step(0.125, 90, ntsc)) == std::vector<std::int64_t>{100});
    CHECK(ons({{1000, 1001, 1}}, step(0.125, 90, ntsc)) == std::vector<std::int64_t>{999});
    // 1/16 beat at 140 BPM, 60 fps: 1.607… frames.
    CHECK(ons({{10, 11, 1}}, step(1.0 / 16, 140, fps60)) == std::vector<std::int64_t>{10});
    CHECK(ons({{11, 12, 1}}, step(1.0 / 16, 140, fps60)) == std::vector<std::int64_t>{11});

    // Lengths are kept; off leaves events as they are.
    CHECK(quantizeEvents({{7, 19, 0.5}}, 15) == Events{{0, 12, 0.5}});
    CHECK(quantizeEvents({{7, 19, 0.5}}, 0) == Events{{7, 19, 0.5}});
    // Two hits snapped onto each other: the earlier ends where the later
    // starts; onto the same line they become one (later off, louder).
    CHECK(quantizeEvents({{1, 20, 0.5}, {14, 18, 1}}, 15) == Events{{0, 15, 0.5}, {15, 19, 1}});
    CHECK(quantizeEvents({{1, 4, 0.5}, {3, 9, 0.9}}, 15) == Events{{0, 6, 0.9}});

    // The combo's choices, one table.
    const auto choices = quantizeChoices();
    REQUIRE(choices.size() == 5);
    CHECK(std::string(choices[0].key) == "off");
    CHECK(choices[0].beats == 0);
    CHECK(choices[1].beats == 1.0 / 16);
    CHECK(choices[4].beats == 1);
}

TEST_CASE("a take and a capture are quantized when a grid is set", "[app][performance][quantize]") {
    LoadedFixture f;
    QString lane;
    REQUIRE(edits::addPad(f.doc, "Kick", {}, nullptr, &lane));
    bool playing = false;
    double frame = 0;
    LivePerformance live(f.doc, {[&] { return playing; }, [&] { return frame; }});
    double wall = 0;
    live.setWallClock([&] { return wall; });
    live.setArmed(true);
    live.setQuantizeBeats(1); // 15 frames at 120 BPM, 30 fps
    REQUIRE(f.doc.project().tempoBpm == 120);
    const auto take = [&](std::vector<std::pair<double, double>> hits) {
        frame = 0;
        playing = true;
        live.setPlaying(true);
        for (auto [on, off] : hits) {
            frame = on;
            live.press(0);
            frame = off;
            live.release(0);
        }
        frame = 100;
        playing = false;
        live.setPlaying(false);
    };
    take({{8, 12}, {44, 44.5}});
    CHECK(kick(f.doc) == Events{{15, 19, 1}, {45, 46, 1}});
    CHECK(f.doc.undoStack()->undoText() == "Record take");

    live.setQuantizeBeats(0.25); // 3.75 frames
    live.setArmed(false);
    frame = 0;
    playing = true;
    live.setPlaying(true);
    frame = 61; // 16.27 lines: the line at 60
    live.press(0);
    frame = 64;
    live.release(0);
    REQUIRE(live.captureLast());
    CHECK(kick(f.doc).back() == sig::GateEvent{60, 63, 1});
    playing = false;
    live.setPlaying(false);
}
