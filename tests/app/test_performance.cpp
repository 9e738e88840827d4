// The performance track's model and logic (docs/performance.md): pads made,
// set and deleted as one undo step each and saved with the project; the pad
// logic (gate, toggle, one-shot, choke); takes recorded in overdub and
// replace; retro-capture's window and its undo; what the engine is sent
// while a pad is held.
#include <catch2/catch.hpp>

#include "commands/edit_command.h"
#include "commands/edits.h"
#include "commands/performance_command.h"
#include "commands/performance_edits.h"
#include "model/history_policy.h"
#include "performance/live_performance.h"
#include "performance/pad_player.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

PadSettings keyed(const char* key) {
    PadSettings p;
    p.key = key;
    return p;
}

const engine::PerformanceLane* laneOf(const ProjectDocument& doc, const QString& id) {
    for (const auto& l : doc.project().performance)
        if (l.id == id.toStdString()) return &l;
    return nullptr;
}

// A clock the test moves: playing or not, at a frame; and a wall clock.
struct FakeClock {
    bool playing = false;
    double frame = 0;
    double wall = 0;
    LivePerformance::Clock clock() {
        return {[this] { return playing; }, [this] { return frame; }};
    }
};

} // namespace

TEST_CASE("a pad is a lane, a gate source and its settings, made and deleted in one step",
          "[app][performance]") {
    LoadedFixture f;
    const int entries = f.doc.undoStack()->count();
    QString error, lane;
    REQUIRE(edits::addPad(f.doc, "Kick", keyed("Q"), &error, &lane));
    CHECK(lane == "pad-1");
    CHECK(f.doc.undoStack()->count() == entries + 1);
    REQUIRE(laneOf(f.doc, lane));
    CHECK(laneOf(f.doc, lane)->name == "Kick");
    const QString source = edits::padSource(f.doc, lane);
    REQUIRE_FALSE(source.isEmpty());
    REQUIRE(f.doc.editorState().pads.size() == 1);
    CHECK(f.doc.editorState().pads[0].key == "Q");

    // Settings: one step each, refused when wrong.
    PadSettings s = f.doc.editorState().pads[0];
    s.mode = PadMode::OneShot;
    s.length = 2;
    s.unit = PadLengthUnit::Beats;
    s.choke = 3;
    s.colour = "#112233";
    REQUIRE(edits::setPadSettings(f.doc, s, &error));
    CHECK(f.doc.editorState().pads[0] == s);
    QString second;
    REQUIRE(edits::addPad(f.doc, "Snare", keyed("W"), &error, &second));
    PadSettings clash = f.doc.editorState().pads[1];
    clash.key = "Q";
    CHECK_FALSE(edits::setPadSettings(f.doc, clash, &error));
    CHECK(error == "Key Q already plays pad Kick");
    clash.key = "W";
    clash.choke = 99;
    CHECK_FALSE(edits::setPadSettings(f.doc, clash, &error));
    REQUIRE(edits::renamePad(f.doc, lane, "Boom", &error));
    CHECK(laneOf(f.doc, lane)->name == "Boom");

    // Saved and read back; the engine's parser takes the file as it is.
    const auto file = f.doc.toJson();
    CHECK(file["editor"]["pads"].size() == 2);
    CHECK(file["editor"]["pads"][0]["mode"] == "one_shot");
    ProjectDocument other;
    other.applySnapshot(file);
    CHECK(other.editorState().pads == f.doc.editorState().pads);
    CHECK(engine::parseProject(f.doc.toEngineJson(), "").performance.size() == 2);

    // A route from the pad goes with the pad, in the same step.
    sig::RouteSpec route;
    route.signal = source.toStdString();
    route.target = {"fx-1", "amount", 0};
    route.depth = 0.5;
    route.processing.adsr = sig::AdsrSettings{};
    REQUIRE(edits::addRoute(f.doc, route, &error));
    const int before = f.doc.undoStack()->count();
    REQUIRE(edits::removePad(f.doc, lane, &error));
    CHECK(f.doc.undoStack()->count() == before + 1);
    CHECK_FALSE(laneOf(f.doc, lane));
    CHECK(f.doc.project().signals.routes.empty());
    CHECK(edits::padSource(f.doc, lane).isEmpty());
    f.doc.undoStack()->undo();
    CHECK(laneOf(f.doc, lane));
    CHECK(f.doc.project().signals.routes.size() == 1);
    CHECK(f.doc.editorState().pads.size() == 2);

    // Everything undoes back to the file as it was.
    while (f.doc.undoStack()->canUndo())
        f.doc.undoStack()->undo();
    CHECK(saved(f.doc) == f.original);
}

TEST_CASE("a project without pads loads and saves as before", "[app][performance]") {
    LoadedFixture f;
    CHECK(f.doc.editorState().pads.empty());
    CHECK_FALSE(f.doc.toJson()["editor"].contains("pads"));
    // Malformed pad entries are dropped, never fatal (it is editor state).
    auto doc = f.doc.toJson();
    doc["editor"]["pads"] = nlohmann::json::array(
        {1, {{"key", "Q"}}, {{"lane", "p"}, {"mode", "bogus"}, {"choke", 400}}});
    const auto state = EditorState::fromJson(doc["editor"]);
    REQUIRE(state.pads.size() == 1);
    CHECK(state.pads[0].mode == PadMode::Gate);
    CHECK(state.pads[0].choke == 0);
}

TEST_CASE("pad logic: gate, toggle, one-shot and choke", "[app][performance]") {
    PadPlayer player;
    player.setPads(
        {{PadMode::Gate, 0.25, 0}, {PadMode::Toggle, 0.25, 0}, {PadMode::OneShot, 0.5, 0}}, 0);

    // Gate: on while held; a repeat while held is nothing.
    auto changes = player.press(0, 1.0, 1.0);
    REQUIRE(changes.size() == 1);
    CHECK((changes[0].on && changes[0].pad == 0 && changes[0].time == 1.0 &&
           changes[0].velocity == 1.0));
    CHECK(player.press(0, 1.0, 1.1).empty());
    changes = player.release(0, 1.5);
    REQUIRE(changes.size() == 1);
    CHECK_FALSE(changes[0].on);
    CHECK_FALSE(player.isOn(0));

    // Toggle: press on, release nothing, press off.
    CHECK(player.press(1, 0.7, 2).size() == 1);
    CHECK(player.release(1, 2.1).empty());
    CHECK(player.isOn(1));
    changes = player.press(1, 1, 3);
    REQUIRE(changes.size() == 1);
    CHECK_FALSE(changes[0].on);

    // One-shot: off at its length, stamped when it ended; a release does nothing.
    player.press(2, 1, 4);
    CHECK(player.release(2, 4.1).empty());
    CHECK(player.advance(4.3).empty());
    changes = player.advance(4.9);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].time == Approx(4.5));
    CHECK_FALSE(player.isOn(2));
    // Hit again while on: starts over.
    player.press(2, 1, 5);
    changes = player.press(2, 1, 5.2);
    REQUIRE(changes.size() == 2);
    CHECK((!changes[0].on && changes[1].on));
    CHECK(player.advance(5.6).empty());
    CHECK(player.advance(5.7).size() == 1);

    // Choke: a hit silences the others of its group only.
    PadPlayer choke;
    choke.setPads({{PadMode::Toggle, 0, 1}, {PadMode::Gate, 0, 1}, {PadMode::Toggle, 0, 2}}, 0);
    choke.press(0, 1, 0);
    choke.press(2, 1, 0);
    changes = choke.press(1, 1, 1);
    REQUIRE(changes.size() == 2);
    CHECK((changes[0].pad == 0 && !changes[0].on));
    CHECK((changes[1].pad == 1 && changes[1].on));
    CHECK(choke.isOn(2));
    CHECK_FALSE(choke.isOn(0));
    CHECK(choke.releaseAll(2).size() == 2);
}

TEST_CASE("a held pad reaches the engine: at the playhead stopped, from the clock's frame playing",
          "[app][performance]") {
    LoadedFixture f;
    QString lane;
    REQUIRE(edits::addPad(f.doc, "Kick", keyed("Q"), nullptr, &lane));
    FakeClock clock;
    clock.frame = 50;
    LivePerformance live(f.doc, clock.clock());
    live.setWallClock([&] { return clock.wall; });
    int liveChanges = 0;
    QObject::connect(&f.doc, &ProjectDocument::liveChanged, [&] { ++liveChanges; });

    live.press(0);
    CHECK(live.isOn(0));
    auto sent = f.doc.toLiveEngineJson();
    REQUIRE(sent["performance"][0]["events"].size() == 1);
    CHECK(sent["performance"][0]["events"][0]["on"].get<int>() <= 50);
    CHECK(sent["performance"][0]["events"][0]["off"] == 51);
    CHECK(liveChanges == 1);
    CHECK(f.doc.toEngineJson()["performance"][0]["events"].empty()); // never saved
    live.release(0);
    CHECK(f.doc.toLiveEngineJson()["performance"][0]["events"].empty());
    CHECK(f.doc.undoStack()->count() == 1); // playing live is not an edit

    // Playing: on from the clock's frame to the end while held.
    clock.playing = true;
    live.setPlaying(true);
    clock.frame = 20.4;
    live.press(0);
    sent = f.doc.toLiveEngineJson();
    CHECK(sent["performance"][0]["events"][0]["on"] == 20);
    CHECK(sent["performance"][0]["events"][0]["off"] == f.doc.project().frameCount());
    clock.frame = 31;
    live.release(0);
    sent = f.doc.toLiveEngineJson();
    CHECK(sent["performance"][0]["events"][0]["off"] == 31);
    clock.playing = false;
    live.setPlaying(false); // not armed: nothing written
    CHECK(f.doc.undoStack()->count() == 1);
    CHECK(laneOf(f.doc, lane)->events.empty());
}

TEST_CASE("an armed take is written at stop, overdubbed or replacing, as one undo step",
          "[app][performance]") {
    LoadedFixture f;
    QString lane;
    REQUIRE(edits::addPad(f.doc, "Kick", keyed("Q"), nullptr, &lane));
    FakeClock clock;
    LivePerformance live(f.doc, clock.clock());
    live.setWallClock([&] { return clock.wall; });
    const auto take = [&](std::int64_t start, std::vector<std::pair<double, double>> hits,
                          std::int64_t stop) {
        clock.frame = static_cast<double>(start);
        clock.playing = true;
        live.setPlaying(true);
        for (auto [on, off] : hits) {
            clock.frame = on;
            live.press(0);
            clock.frame = off;
            live.release(0);
        }
        clock.frame = static_cast<double>(stop);
        clock.playing = false;
        live.setPlaying(false);
    };

    live.setArmed(true);
    const int before = f.doc.undoStack()->count();
    take(0, {{10, 20}, {40, 45}}, 60);
    CHECK(f.doc.undoStack()->count() == before + 1);
    REQUIRE(laneOf(f.doc, lane)->events.size() == 2);
    CHECK(laneOf(f.doc, lane)->events[0].onFrame == 10);
    CHECK(laneOf(f.doc, lane)->events[0].offFrame == 20);
    CHECK(laneOf(f.doc, lane)->events[1].onFrame == 40);

    // Overdub adds.
    take(0, {{30, 32}}, 50);
    CHECK(laneOf(f.doc, lane)->events.size() == 3);
    // Replace clears the played range [5, 50) first: only the new hit and
    // nothing of what it played over.
    live.setTakeMode(edits::TakeMode::Replace);
    take(5, {{12, 14}}, 50);
    const auto& events = laneOf(f.doc, lane)->events;
    REQUIRE(events.size() == 1);
    CHECK(events[0].onFrame == 12);
    CHECK(events[0].offFrame == 14);
    f.doc.undoStack()->undo();
    CHECK(laneOf(f.doc, lane)->events.size() == 3);

    // A tap shorter than a frame still lasts one.
    live.setTakeMode(edits::TakeMode::Overdub);
    take(0, {{70.2, 70.6}}, 80);
    CHECK(laneOf(f.doc, lane)->events.back().offFrame == 71);
    // The saved project carries the take for the engine.
    const auto parsed = engine::parseProject(f.doc.toEngineJson(), "");
    CHECK(parsed.performance.front().events.size() == 4);
}

TEST_CASE("retro-capture keeps the last N seconds of hits and writes them as one undo step",
          "[app][performance]") {
    LoadedFixture f;
    QString a, b;
    REQUIRE(edits::addPad(f.doc, "A", keyed("Q"), nullptr, &a));
    REQUIRE(edits::addPad(f.doc, "B", keyed("W"), nullptr, &b));
    FakeClock clock;
    LivePerformance live(f.doc, clock.clock());
    live.setWallClock([&] { return clock.wall; });
    live.setRetroSeconds(10);
    QString error;
    CHECK_FALSE(live.captureLast(&error));
    CHECK(error == "Nothing was played in the last 10 s");

    clock.playing = true;
    live.setPlaying(true); // not armed
    const auto hit = [&](int pad, double frame, double wall) {
        clock.frame = frame;
        clock.wall = wall;
        live.press(pad);
        clock.frame = frame + 3;
        clock.wall = wall + 0.1;
        live.release(pad);
    };
    hit(0, 5, 0); // ends at wall 0.1: out of the window by the time of capture
    hit(1, 20, 8);
    hit(0, 40, 12);
    clock.frame = 60;
    clock.wall = 15;
    clock.playing = false;
    live.setPlaying(false);
    CHECK(laneOf(f.doc, a)->events.empty()); // stopping unarmed writes nothing

    const int before = f.doc.undoStack()->count();
    REQUIRE(live.captureLast(&error));
    CHECK(f.doc.undoStack()->count() == before + 1);
    CHECK(f.doc.undoStack()->undoText() == "Capture last performance");
    REQUIRE(laneOf(f.doc, a)->events.size() == 1);
    CHECK(laneOf(f.doc, a)->events[0].onFrame == 40);
    CHECK(laneOf(f.doc, a)->events[0].offFrame == 43);
    REQUIRE(laneOf(f.doc, b)->events.size() == 1);
    CHECK(laneOf(f.doc, b)->events[0].onFrame == 20);
    // Captured once: the buffer starts afresh.
    CHECK_FALSE(live.captureLast(&error));
    f.doc.undoStack()->undo();
    CHECK(laneOf(f.doc, a)->events.empty());
    CHECK(laneOf(f.doc, b)->events.empty());
    f.doc.undoStack()->redo();
    CHECK(laneOf(f.doc, a)->events.size() == 1);
}

TEST_CASE("performance edits survive the history's spill to disk", "[app][performance]") {
    LoadedFixture f;
    QString lane, error;
    REQUIRE(edits::addPad(f.doc, "Kick", keyed("Q"), &error, &lane));
    REQUIRE(edits::writePerformance(f.doc, {{lane, {{3, 9, 0.5}}}}, 0, 0, edits::TakeMode::Overdub,
                                    "Record take", &error));
    PerformanceCommand copy("x", PerformancePart::of(f.doc), PerformancePart::of(f.doc));
    const auto back = commandFromJson(commandToJson(copy), f.doc);
    REQUIRE(back);
    CHECK(back->kind() == std::string("performance"));
    CHECK(commandToJson(*back) == commandToJson(copy));
    CHECK_FALSE(edits::writePerformance(f.doc, {{lane, {{9, 3, 1}}}}, 0, 0,
                                        edits::TakeMode::Overdub, "x", &error));
    CHECK_FALSE(edits::writePerformance(f.doc, {{"nope", {}}}, 0, 0, edits::TakeMode::Overdub, "x",
                                        &error));
}
