// An export running when its engine dies reports that it failed, and never
// leaves a half-written file under the name the user chose.
#include <catch2/catch.hpp>

#include <signal.h>

#include <filesystem>
#include <fstream>

#include "editor_rig.h"
#include "entropic/engine/render/export_job.h"
#include "supervision/engine_reply.h"
#include "test_support.h"

using namespace entropic;
namespace fs = std::filesystem;

TEST_CASE(
    "an export killed with its engine reports failure and leaves no file under its final name") {
    // 1080p with a slow preset: long enough to be caught in the middle.
    test::EditorRig rig(test::testProject(1920, 1080, 120));
    std::vector<std::pair<QString, QString>> interrupted;
    QObject::connect(&rig.engine, &app::EngineSupervisor::exportInterrupted,
                     [&](const QString& path, const QString& message) {
                         interrupted.emplace_back(path, message);
                     });
    rig.start();
    REQUIRE(rig.waitReady());

    const fs::path dir = test::scratchDir("supervision-export-crash");
    const std::string out = (dir / "glitched.mp4").string();
    const auto started = test::requestAndWait(
        rig.engine,
        {{"cmd", "export_start"}, {"path", out}, {"preset", "slower"}, {"audio", false}});
    REQUIRE(app::replyOk(started));

    // Wait until it has really begun writing.
    nlohmann::json status;
    REQUIRE(test::spinUntil(
        [&] {
            status = test::requestAndWait(rig.engine, {{"cmd", "export_status"}});
            return status["export"].value("frames_done", 0) > 0 ||
                   status["export"].value("state", "") != "running";
        },
        30000));
    REQUIRE(status["export"]["state"] == "running");
    // The watchdog's pings say so too: the status bar reads "Engine busy".
    CHECK(test::spinUntil([&] { return rig.engine.state() == app::EngineSupervisor::State::Busy; },
                          5000));
    CHECK(test::requestAndWait(rig.engine, {{"cmd", "export_status"}})["export"]["state"] ==
          "running");
    const qint64 pid = rig.engine.enginePid();
    REQUIRE(::kill(static_cast<pid_t>(pid), SIGKILL) == 0);

    REQUIRE(test::spinUntil([&] { return !interrupted.empty(); }, 5000));
    CHECK(interrupted.front().first == QString::fromStdString(out));
    REQUIRE(rig.waitReady());

    // Whoever polls the export (the dialog) hears that it failed.
    const auto after = test::requestAndWait(rig.engine, {{"cmd", "export_status"}});
    REQUIRE(app::replyOk(after));
    CHECK(after["export"]["state"] == "failed");
    CHECK(after["export"]["error"]["code"] == "engine_unavailable");
    CHECK(after["export"]["path"] == out);

    CHECK_FALSE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(dir))
        FAIL("left behind: " << entry.path());
    CHECK(rig.failures.empty());
}

TEST_CASE("an image sequence killed with its engine leaves neither frames nor a partial folder") {
    // PNG at 1080p is slow to encode: long enough to be caught in the middle.
    test::EditorRig rig(test::testProject(1920, 1080, 120));
    std::vector<QString> interrupted;
    QObject::connect(&rig.engine, &app::EngineSupervisor::exportInterrupted,
                     [&](const QString& path, const QString&) { interrupted.push_back(path); });
    rig.start();
    REQUIRE(rig.waitReady());

    const fs::path dir = test::scratchDir("supervision-export-crash-frames");
    std::string out;
    fs::path userFolder; // what must stay as it was
    SECTION("a new folder of frames") {
        out = (dir / "frames").string() + "/";
    }
    SECTION("a pattern into the user's folder") {
        userFolder = dir / "shots";
        fs::create_directories(userFolder);
        std::ofstream(userFolder / "notes.txt") << "the user's";
        out = (userFolder / "shot_%04d.png").string();
    }
    const auto started = test::requestAndWait(
        rig.engine, {{"cmd", "export_start"}, {"path", out}, {"format", "png_sequence"}});
    REQUIRE(app::replyOk(started));
    CHECK(started["export"]["format"] == "png_sequence");

    // Wait until frames are on disk in the partial folder (the encoder may
    // hold a few back, so frames_done runs ahead of the files).
    const qint64 pid = rig.engine.enginePid();
    const auto partial = engine::partialOutputFor(out, "png_sequence", pid);
    REQUIRE(partial.folder);
    nlohmann::json status;
    REQUIRE(test::spinUntil(
        [&] {
            status = test::requestAndWait(rig.engine, {{"cmd", "export_status"}});
            std::error_code ec;
            return !fs::is_empty(partial.path, ec) ||
                   status["export"].value("state", "") != "running";
        },
        30000));
    REQUIRE(status["export"]["state"] == "running");
    REQUIRE(::kill(static_cast<pid_t>(pid), SIGKILL) == 0);
    REQUIRE(fs::is_directory(partial.path)); // what the dead engine left

    REQUIRE(test::spinUntil([&] { return !interrupted.empty(); }, 5000));
    CHECK(interrupted.front() == QString::fromStdString(out));
    REQUIRE(rig.waitReady());
    CHECK(test::requestAndWait(rig.engine, {{"cmd", "export_status"}})["export"]["state"] ==
          "failed");

    CHECK_FALSE(fs::exists(partial.path));
    std::vector<fs::path> left;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        left.push_back(entry.path());
    if (userFolder.empty()) {
        CHECK(left.empty());
    } else {
        CHECK(left == std::vector<fs::path>{userFolder, userFolder / "notes.txt"});
    }
    CHECK(rig.failures.empty());
}
