// The parts of supervision that need no engine: finding the program, the
// restart policy, the decode scale, export bookkeeping across a death.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <QDir>
#include <QFile>

#include "entropic/effects/registry.h"
#include "entropic/engine/project/project.h"
#include "supervision/crash_culprit.h"
#include "supervision/engine_locator.h"
#include "supervision/engine_reply.h"
#include "supervision/export_watch.h"
#include "supervision/frame_feed.h"
#include "supervision/restart_policy.h"
#include "test_support.h"

using namespace entropic;
using app::EngineLocator;
namespace fs = std::filesystem;

namespace {

QString makeProgram(const fs::path& path, bool executable = true) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "#!/bin/sh\n";
    fs::permissions(path, executable ? fs::perms::owner_all
                                     : fs::perms::owner_read | fs::perms::owner_write);
    return QString::fromStdString(path.string());
}

QString str(const fs::path& p) {
    return QString::fromStdString(p.string());
}

} // namespace

TEST_CASE(
    "the engine is found by $ENTROPIC_ENGINE, beside the editor, in the build tree, on PATH") {
    const fs::path root = test::scratchDir("supervision-locator");
    const fs::path app = root / "build" / "app";
    fs::create_directories(app);
    EngineLocator::Places places;
    places.appDir = str(app);

    SECTION("nothing anywhere: the error names every place looked at and the variable to set") {
        places.searchPath = {str(root / "bin")};
        const auto location = EngineLocator::locate(places);
        CHECK_FALSE(location.found());
        CHECK(location.error.contains(str(app / "entropic-engine")));
        CHECK(location.error.contains(str(root / "bin" / "entropic-engine")));
        CHECK(location.error.contains(QStringLiteral("ENTROPIC_ENGINE")));
    }
    SECTION("the build tree, then beside the editor, which wins") {
        const QString inTree = makeProgram(root / "build" / "engine" / "entropic-engine");
        CHECK(EngineLocator::locate(places).path == QFileInfo(inTree).canonicalFilePath());
        const QString beside = makeProgram(app / "entropic-engine");
        CHECK(EngineLocator::locate(places).path == QFileInfo(beside).canonicalFilePath());
    }
    SECTION("the install bindir, then PATH; a file that is not executable does not count") {
        makeProgram(root / "usr" / "bin" / "entropic-engine", /*executable=*/false);
        const QString onPath = makeProgram(root / "path" / "entropic-engine");
        places.installBinDir = str(root / "usr" / "bin");
        places.searchPath = {str(root / "nothing"), str(root / "path")};
        CHECK(EngineLocator::locate(places).path == QFileInfo(onPath).canonicalFilePath());
        const QString installed = makeProgram(root / "usr" / "bin" / "entropic-engine");
        CHECK(EngineLocator::locate(places).path == QFileInfo(installed).canonicalFilePath());
    }
    SECTION("$ENTROPIC_ENGINE wins, and a wrong one is an error, not a silent fallback") {
        makeProgram(app / "entropic-engine");
        const QString chosen = makeProgram(root / "mine" / "engine-build");
        places.envValue = chosen;
        CHECK(EngineLocator::locate(places).path == chosen);
        places.envValue = str(root / "mine" / "missing");
        const auto location = EngineLocator::locate(places);
        CHECK_FALSE(location.found());
        CHECK(location.error.contains(QStringLiteral("ENTROPIC_ENGINE")));
        CHECK(location.error.contains(places.envValue));
    }
}

TEST_CASE("the restart policy allows 3 deaths a minute and gives up at the 4th") {
    using namespace std::chrono;
    app::RestartPolicy policy(3, seconds(60));
    const auto t0 = app::RestartPolicy::Clock::now();
    CHECK(policy.allowRestart(t0));
    CHECK(policy.allowRestart(t0 + seconds(10)));
    CHECK(policy.allowRestart(t0 + seconds(20)));
    CHECK_FALSE(policy.allowRestart(t0 + seconds(30)));

    SECTION("deaths older than the window are forgotten") {
        app::RestartPolicy spread(3, seconds(60));
        CHECK(spread.allowRestart(t0));
        CHECK(spread.allowRestart(t0 + seconds(30)));
        CHECK(spread.allowRestart(t0 + seconds(50)));
        CHECK(spread.allowRestart(t0 + seconds(61))); // the first one has left the window
        CHECK(spread.deathsInWindow() == 3);
    }
    SECTION("a retry forgets everything") {
        policy.reset();
        CHECK(policy.allowRestart(t0 + seconds(31)));
    }
}

TEST_CASE("a view at most half or a quarter of the frame gets a scaled decode") {
    using app::FrameFeed;
    CHECK(FrameFeed::scaleDenomFor({1920, 1080}, {1920, 1080}) == 1);
    CHECK(FrameFeed::scaleDenomFor({1920, 1080}, {1000, 500}) == 1);
    CHECK(FrameFeed::scaleDenomFor({1920, 1080}, {960, 540}) == 2);
    CHECK(FrameFeed::scaleDenomFor({1920, 1080}, {900, 300}) == 2);
    CHECK(FrameFeed::scaleDenomFor({1920, 1080}, {480, 270}) == 4);
    CHECK(FrameFeed::scaleDenomFor({1920, 1080}, {100, 50}) == 4);
    CHECK(FrameFeed::scaleDenomFor({1920, 1080}, {}) == 1);
}

TEST_CASE("an export lost with its engine reads as failed, and its partial file is removed") {
    const fs::path dir = test::scratchDir("supervision-export-watch");
    const std::string finalPath = (dir / "cut.mp4").string();
    const fs::path partial = dir / ".cut.entropic-partial-4242.mp4";
    std::ofstream(partial) << "half a movie";

    app::ExportWatch watch;
    nlohmann::json started = {{"ok", true},
                              {"export", {{"state", "running"}, {"path", finalPath}}}};
    watch.noteReply("export_start", started);
    CHECK(watch.exportRunning());

    const auto lost = watch.engineDied(4242);
    REQUIRE(lost);
    CHECK(lost->path == QString::fromStdString(finalPath));
    CHECK(lost->message.contains(QString::fromStdString(finalPath)));
    CHECK_FALSE(fs::exists(partial));
    CHECK_FALSE(watch.engineDied(4243)); // reported once

    nlohmann::json idle = {{"ok", true}, {"export", {{"state", "idle"}}}};
    watch.noteReply("export_status", idle);
    CHECK(idle["export"]["state"] == "failed");
    CHECK(idle["export"]["path"] == finalPath);
    CHECK(idle["export"]["error"]["code"] == app::kEngineUnavailable);

    SECTION("a new export clears it") {
        nlohmann::json again = {{"ok", true},
                                {"export", {{"state", "running"}, {"path", finalPath}}}};
        watch.noteReply("export_start", again);
        nlohmann::json done = {{"ok", true}, {"export", {{"state", "done"}, {"path", finalPath}}}};
        watch.noteReply("export_status", done);
        CHECK(done["export"]["state"] == "done");
        CHECK_FALSE(watch.engineDied(4242));
    }
}

TEST_CASE("an image sequence lost with its engine has its partial folder removed, and only that") {
    const fs::path dir = test::scratchDir("supervision-export-watch-frames");
    auto halfFolder = [](const fs::path& folder) {
        fs::create_directories(folder);
        std::ofstream(folder / "frames_00000.png") << "a frame";
        std::ofstream(folder / "frames_00001.png") << "half a frame";
    };
    std::string finalPath, format;
    fs::path partial;
    SECTION("a new folder") {
        finalPath = (dir / "frames").string() + "/";
        format = "png_sequence";
        partial = dir / ".frames.entropic-partial-4242";
    }
    SECTION("a pattern into an existing folder, from an engine that named no format") {
        fs::create_directories(dir / "shots");
        std::ofstream(dir / "shots" / "keep.txt") << "the user's";
        finalPath = (dir / "shots" / "shot_%03d.png").string();
        partial = dir / "shots" / ".sequence-shot__03d.entropic-partial-4242";
    }
    SECTION("a folder named like a picture") {
        finalPath = (dir / "stills.png").string();
        format = "png_sequence";
        partial = dir / ".stills.entropic-partial-4242.png";
    }
    halfFolder(partial);
    // Another engine's export beside it is not this one's to remove.
    const fs::path other =
        fs::path(partial.string().replace(partial.string().rfind("4242"), 4, "4243"));
    halfFolder(other);

    app::ExportWatch watch;
    nlohmann::json started = {{"ok", true},
                              {"export", {{"state", "running"}, {"path", finalPath}}}};
    if (!format.empty()) started["export"]["format"] = format;
    watch.noteReply("export_start", started);
    REQUIRE(watch.engineDied(4242));
    CHECK_FALSE(fs::exists(partial));
    CHECK(fs::exists(other / "frames_00001.png"));
    CHECK_FALSE(fs::exists(fs::path(finalPath)));
    if (fs::exists(dir / "shots")) CHECK(fs::exists(dir / "shots" / "keep.txt"));
}

TEST_CASE("replies are read the same way whoever wrote them") {
    const auto reply = app::engineUnavailableReply("gone");
    CHECK_FALSE(app::replyOk(reply));
    CHECK(app::replyErrorCode(reply) == QStringLiteral("engine_unavailable"));
    CHECK(app::replyErrorMessage(reply) == QStringLiteral("gone"));
    CHECK(app::replyOk({{"ok", true}}));
    CHECK(app::replyErrorCode({{"ok", true}}).isEmpty());
    CHECK(app::replyErrorCode(nlohmann::json::array()).isEmpty());
}

TEST_CASE("the engine's give-up message states the supervisor's own limits and names the effect "
          "changed last") {
    using namespace std::chrono_literals;
    entropic::engine::Project project;
    entropic::engine::Track track;
    track.id = "V1";
    track.kind = entropic::engine::TrackKind::Video;
    entropic::engine::Clip clip;
    clip.id = "clip-1";
    clip.source = "a.mp4";
    clip.out = 10;
    track.clips.push_back(clip);
    project.tracks.push_back(track);

    entropic::app::CrashCulprit culprit;
    culprit.noteChainChange(project, "clip-1");
    CHECK_FALSE(culprit.known()); // an empty chain has no suspect

    entropic::fx::EffectInstance noise;
    noise.descriptor = entropic::fx::EffectRegistry::builtin().find("fx.noise");
    REQUIRE(noise.descriptor);
    noise.params = entropic::fx::ParamValues(noise.descriptor->params);
    noise.instanceId = "fx-3";
    project.tracks[0].clips[0].effects.push_back(noise);
    culprit.noteChainChange(project, "clip-1");
    REQUIRE(culprit.known());
    CHECK(culprit.clipId() == "clip-1");
    CHECK(culprit.effectInstance() == "fx-3");

    const QString standard = culprit.gaveUpText(entropic::app::RestartPolicy(), "boom");
    CHECK(standard.contains("stopped 4 times in a minute")); // gives up at the 4th death in 60 s
    CHECK(standard.contains("boom"));
    CHECK(standard.contains("was Noise on clip a.mp4")); // words, not ids
    const QString custom = culprit.gaveUpText(entropic::app::RestartPolicy(5, 120s), "boom");
    CHECK(custom.contains("stopped 6 times in 2 minutes"));
}
