// Cue pads (docs/performance.md, "Jump to a marker"): a pad with a cue frame
// moves the playhead there — at once while stopped, on the next quantize line
// while playing — saved with the project, set as one undo step; a pad held
// across the jump is recorded as two hits, never one running backwards.
#include <catch2/catch.hpp>

#include <QTest>

#include "commands/performance_edits.h"
#include "performance/live_performance.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

// The clock the test moves; a jump moves it as the transport would.
struct CueRig {
    bool playing = false;
    double frame = 0;
    double wall = 0;
    std::vector<qint64> jumps;
    LivePerformance live;

    explicit CueRig(ProjectDocument& doc)
        : live(doc, {[this] { return playing; }, [this] { return frame; }}) {
        live.setWallClock([this] { return wall; });
        QObject::connect(&live, &LivePerformance::cueRequested, [this](qint64 to) {
            jumps.push_back(to);
            frame = static_cast<double>(to);
        });
    }
    void play(double from) {
        frame = from;
        playing = true;
        live.setPlaying(true);
    }
    void stop(double at) {
        frame = at;
        playing = false;
        live.setPlaying(false);
    }
    // A tap on a pad with the clock at `at`.
    void hit(double at, int pad = 0) {
        frame = at;
        live.press(pad);
        live.release(pad);
    }
    // The clock reaches `to` and the cue timer gets a chance to look.
    void runTo(double to) {
        frame = to;
        QTest::qWait(20);
    }
};

QString cuePad(LoadedFixture& f, std::int64_t cue, PadMode mode = PadMode::Gate) {
    QString lane;
    PadSettings settings;
    settings.key = "Q";
    settings.mode = mode;
    REQUIRE(edits::addPad(f.doc, "Drop", settings, nullptr, &lane));
    settings = f.doc.editorState().pads.front();
    settings.cueFrame = cue;
    REQUIRE(edits::setPadSettings(f.doc, settings));
    return lane;
}

} // namespace

TEST_CASE("a cue pad's frame is one undo step and saved with the project",
          "[app][performance][cue]") {
    LoadedFixture f;
    const QString lane = cuePad(f, 90);
    CHECK(f.doc.editorState().pads.front().cueFrame == 90);
    const auto saved = f.doc.toJson();
    CHECK(saved["editor"]["pads"][0]["cue_frame"] == 90);
    const auto back = PadSettings::fromJson(saved["editor"]["pads"][0]);
    REQUIRE(back);
    CHECK(back->cueFrame == 90);
    f.doc.undoStack()->undo();
    CHECK(f.doc.editorState().pads.front().cueFrame == -1);
    CHECK_FALSE(f.doc.toJson()["editor"]["pads"][0].contains("cue_frame"));

    PadSettings bad = f.doc.editorState().pads.front();
    bad.cueFrame = -5;
    QString error;
    CHECK_FALSE(edits::setPadSettings(f.doc, bad, &error));
    CHECK(error.contains("frame 0 or later"));
    // A malformed entry loads as no jump.
    auto malformed = saved["editor"]["pads"][0];
    malformed["cue_frame"] = "soon";
    CHECK(PadSettings::fromJson(malformed)->cueFrame == -1);
}

TEST_CASE("stopped, a cue pad moves the playhead at once", "[app][performance][cue]") {
    LoadedFixture f;
    cuePad(f, 90);
    CueRig rig(f.doc);
    rig.frame = 12;
    rig.live.press(0);
    CHECK(rig.jumps == std::vector<qint64>{90});
    CHECK(rig.live.isOn(0)); // the gate plays too
    rig.live.release(0);
    // A pad without a cue never moves the playhead.
    auto settings = f.doc.editorState().pads.front();
    settings.cueFrame = -1;
    REQUIRE(edits::setPadSettings(f.doc, settings));
    rig.live.press(0);
    CHECK(rig.jumps.size() == 1);
}

TEST_CASE("playing, a cue waits for the next quantize line, and the last hit wins",
          "[app][performance][cue]") {
    LoadedFixture f; // 30 fps at 120 BPM: a beat is 15 frames
    cuePad(f, 90);
    CueRig rig(f.doc);
    rig.live.setQuantizeBeats(1);
    rig.play(0);
    rig.hit(20.4);
    CHECK(rig.jumps.empty());
    CHECK(rig.live.pendingCueLaunch() == 30);
    rig.runTo(29.5);
    CHECK(rig.jumps.empty());
    rig.runTo(30.1);
    CHECK(rig.jumps == std::vector<qint64>{90});
    CHECK_FALSE(rig.live.pendingCueLaunch());

    // A hit exactly on a line goes at once.
    rig.hit(105);
    CHECK(rig.jumps == std::vector<qint64>{90, 90});

    // A second cue pad hit while one waits: the last hit is the jump.
    PadSettings other;
    other.key = "W";
    other.cueFrame = 150;
    REQUIRE(edits::addPad(f.doc, "Verse", other));
    rig.hit(110);
    rig.hit(112, 1);
    CHECK(rig.live.pendingCueLaunch() == 120);
    rig.runTo(120.2);
    CHECK(rig.jumps == std::vector<qint64>{90, 90, 150});

    // Quantize off: at once while playing too.
    rig.live.setQuantizeBeats(0);
    rig.hit(160.3);
    CHECK(rig.jumps == std::vector<qint64>{90, 90, 150, 90});
    rig.stop(95);
}

TEST_CASE("a waiting cue goes when the clock wraps past its hit, and a stop drops it",
          "[app][performance][cue]") {
    LoadedFixture f;
    cuePad(f, 90);
    CueRig rig(f.doc);
    rig.live.setQuantizeBeats(1);
    rig.play(0);
    rig.hit(40);
    CHECK(rig.live.pendingCueLaunch() == 45);
    rig.runTo(3); // a loop went back to its start: line 45 will not come
    CHECK(rig.jumps == std::vector<qint64>{90});

    rig.hit(100);
    REQUIRE(rig.live.pendingCueLaunch() == 105);
    rig.stop(102);
    CHECK_FALSE(rig.live.pendingCueLaunch());
    rig.runTo(110);
    CHECK(rig.jumps.size() == 1);
}

TEST_CASE("a pad held across its jump is recorded as two hits", "[app][performance][cue]") {
    LoadedFixture f;
    const QString lane = cuePad(f, 90);
    CueRig rig(f.doc);
    rig.live.setArmed(true);
    rig.live.setQuantizeBeats(1);
    rig.play(0);
    rig.frame = 20;
    rig.live.press(0);
    rig.runTo(30.2); // the jump to 90
    REQUIRE(rig.jumps == std::vector<qint64>{90});
    rig.frame = 100;
    rig.live.release(0);
    rig.stop(110);
    const engine::PerformanceLane* recorded = nullptr;
    for (const auto& l : f.doc.project().performance)
        if (l.id == lane.toStdString()) recorded = &l;
    REQUIRE(recorded);
    REQUIRE(recorded->events.size() == 2);
    // The take is quantized to the same beat: the hit on 20 starts on 15,
    // keeping its ten frames.
    CHECK(recorded->events[0].onFrame == 15);
    CHECK(recorded->events[0].offFrame == 25);
    CHECK(recorded->events[1].onFrame == 90);
    CHECK(recorded->events[1].offFrame == 100);
}
