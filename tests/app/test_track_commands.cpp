// Tracks: add, delete (critical), rename, mute, lock, solo, opacity/volume,
// each with undo and redo.
#include <catch2/catch.hpp>

#include "commands/edits.h"
#include "model/history_policy.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

TEST_CASE("a new project is 1920x1080 at 30 fps with tracks V1 and A1", "[app][document]") {
    ProjectDocument doc;
    const auto& p = doc.project();
    CHECK(p.width == 1920);
    CHECK(p.height == 1080);
    CHECK(p.frameRate.num == 30);
    CHECK(p.frameRate.den == 1);
    CHECK(p.seed == 0);
    CHECK_FALSE(p.id.empty());
    REQUIRE(p.tracks.size() == 2);
    CHECK(p.tracks[0].id == "V1");
    CHECK(p.tracks[0].kind == engine::TrackKind::Video);
    CHECK(p.tracks[1].id == "A1");
    CHECK(p.tracks[1].kind == engine::TrackKind::Audio);
    CHECK_FALSE(doc.isModified());
    CHECK(doc.displayName() == "Untitled");
    CHECK(doc.undoStack()->count() == 0);
    ProjectDocument other;
    CHECK(other.project().id != p.id);
}

TEST_CASE("add and delete tracks, undo and redo", "[app][tracks]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    const std::string original = saved(doc);

    QString id;
    REQUIRE(edits::addTrack(doc, engine::TrackKind::Video, nullptr, &id));
    CHECK(id == "V3");
    CHECK(doc.project().tracks.back().id == "V3");
    CHECK(doc.undoStack()->text(0) == "Add track V3");
    CHECK(doc.isModified());
    CHECK(doc.displayName() == "fixture.entropic*");
    doc.undoStack()->undo();
    CHECK(saved(doc) == original);
    doc.undoStack()->redo();
    CHECK(track(doc, "V3") != nullptr);

    REQUIRE(edits::addTrack(doc, engine::TrackKind::Audio, nullptr, &id));
    CHECK(id == "A2");

    // Deleting a track with clips, locked/solo state and all, is critical.
    REQUIRE(edits::setTrackSolo(doc, "V1", true));
    const std::string beforeDelete = saved(doc);
    REQUIRE(edits::removeTrack(doc, "V1"));
    CHECK(track(doc, "V1") == nullptr);
    CHECK(clip(doc, "a") == nullptr);
    CHECK(doc.editorState().soloTracks.empty());
    const int last = doc.undoStack()->count() - 1;
    CHECK(doc.undoStack()->text(last) == "Delete track V1");
    CHECK(doc.history().isCritical(last));
    CHECK_FALSE(doc.history().isCritical(0));
    doc.undoStack()->undo();
    CHECK(saved(doc) == beforeDelete);
    CHECK(doc.project().tracks.front().id == "V1");
    doc.undoStack()->setIndex(0);
    CHECK(saved(doc) == original);

    QString error;
    CHECK_FALSE(edits::removeTrack(doc, "V9", &error));
    CHECK(error.contains("V9"));
}

TEST_CASE("rename, mute, lock and solo a track", "[app][tracks]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    const std::string original = saved(doc);

    REQUIRE(edits::renameTrack(doc, "V1", "  Picture "));
    CHECK(track(doc, "V1")->name == "Picture");
    QString error;
    CHECK_FALSE(edits::renameTrack(doc, "V1", "   ", &error));
    CHECK(error == "A track needs a name");
    REQUIRE(edits::setTrackMuted(doc, "A1", true));
    CHECK(track(doc, "A1")->muted);
    CHECK(doc.undoStack()->text(1) == "Mute track A1");
    REQUIRE(edits::setTrackLocked(doc, "V2", true));
    CHECK(doc.editorState().lockedTracks == std::vector<std::string>{"V2"});
    REQUIRE(edits::setTrackSolo(doc, "V1", true));
    CHECK(doc.editorState().soloTracks == std::vector<std::string>{"V1"});
    const int count = doc.undoStack()->count();
    REQUIRE(edits::setTrackSolo(doc, "V1", true)); // already: nothing recorded
    CHECK(doc.undoStack()->count() == count);

    // A locked track refuses edits of its clips and its deletion.
    CHECK_FALSE(edits::moveClip(doc, "d", "V2", 200, &error));
    CHECK(error == "Track V2 is locked");
    CHECK_FALSE(edits::addClip(doc, "V2", "x.mp4", 300, 0, 10, &error));
    CHECK_FALSE(edits::moveClip(doc, "c", "V2", 300, &error));
    CHECK_FALSE(edits::removeTrack(doc, "V2", &error));
    CHECK(doc.undoStack()->count() == count);

    const std::string edited = saved(doc);
    doc.undoStack()->setIndex(0);
    CHECK(saved(doc) == original);
    doc.undoStack()->setIndex(count);
    CHECK(saved(doc) == edited);
}

TEST_CASE("solo reaches the engine as the tracks' solo flag", "[app][tracks]") {
    // The editor keeps solo in its own state; the engine's export and the
    // playback mixer read the project's per-track flag. They must agree.
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    auto soloIn = [](const nlohmann::json& project) {
        std::vector<std::string> ids;
        for (const auto& t : project["tracks"])
            if (t.value("solo", false)) ids.push_back(t["id"].get<std::string>());
        return ids;
    };
    CHECK(soloIn(doc.toEngineJson()).empty());
    REQUIRE(edits::setTrackSolo(doc, "A1", true));
    CHECK(soloIn(doc.toEngineJson()) == std::vector<std::string>{"A1"});
    CHECK(soloIn(doc.toJson()) ==
          std::vector<std::string>{"A1"}); // entropic-render of the file agrees
    const auto engineSide = engine::parseProject(doc.toEngineJson(), "");
    CHECK(engineSide.tracks[2].solo);
    CHECK_FALSE(engineSide.tracks[0].solo);
    doc.undoStack()->undo();
    CHECK(soloIn(doc.toEngineJson()).empty());

    // A file whose tracks carry the flag (hand-written, or for entropic-render)
    // opens with those tracks soloed in the editor; saving keeps it.
    auto flagged = fixtureJson();
    flagged["tracks"][1]["solo"] = true;
    ProjectDocument other;
    loadJson(other, flagged, dir, QStringLiteral("flagged.entropic"));
    CHECK(other.editorState().soloTracks == std::vector<std::string>{"V2"});
    CHECK_FALSE(track(other, "V2")->solo); // one owner: the editor state
    CHECK(soloIn(other.toEngineJson()) == std::vector<std::string>{"V2"});
    REQUIRE(edits::setTrackSolo(other, "V2", false));
    CHECK(soloIn(other.toJson()).empty());
}

TEST_CASE("a volume fader drag is one history entry", "[app][tracks]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    const int gesture = edits::newGestureId();
    for (int i = 1; i <= 20; ++i)
        REQUIRE(edits::setTrackVolume(doc, "A1", -i * 0.5, nullptr, gesture));
    CHECK(doc.undoStack()->count() == 1);
    CHECK(track(doc, "A1")->volumeDb == -10.0);
    doc.undoStack()->undo();
    CHECK(track(doc, "A1")->volumeDb == 0.0);
    QString error;
    CHECK_FALSE(edits::setTrackVolume(doc, "A1", 30, &error));
    CHECK_FALSE(edits::setTrackOpacity(doc, "A1", 0.5, &error));
    REQUIRE(edits::setTrackOpacity(doc, "V1", 0.5));
    CHECK(track(doc, "V1")->opacity == 0.5);
}

TEST_CASE("a video track's blend mode is an undoable edit that reaches the engine",
          "[app][tracks][blend]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    REQUIRE(edits::setTrackBlend(doc, "V1", fx::BlendMode::Difference));
    CHECK(track(doc, "V1")->blend == fx::BlendMode::Difference);
    CHECK(doc.undoStack()->text(0) == "Blend track V1: Difference");
    CHECK(doc.toEngineJson()["tracks"][0]["blend"] == "difference");
    REQUIRE(edits::setTrackBlend(doc, "V1", fx::BlendMode::Difference)); // no change, no entry
    CHECK(doc.undoStack()->count() == 1);
    doc.undoStack()->undo();
    CHECK(track(doc, "V1")->blend == fx::BlendMode::Normal);
    CHECK_FALSE(doc.toEngineJson()["tracks"][0].contains("blend"));
    QString error;
    CHECK_FALSE(edits::setTrackBlend(doc, "A1", fx::BlendMode::Screen, &error));
    CHECK(error == "Track A1 is an audio track");
    CHECK(doc.undoStack()->count() == 1);
}
