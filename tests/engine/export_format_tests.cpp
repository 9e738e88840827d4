// Every export format writes what it claims: probed codec, pixel format, size,
// frame count and sound; sizes and rates change as asked; a failed or
// cancelled export leaves nothing under the final name.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "entropic/engine/error.h"
#include "entropic/engine/media/export_formats.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/export_job.h"
#include "entropic/engine/render/export_plan.h"
#include "test_support.h"

using namespace entropic;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kFrames = 12;

// 12 frames of 160x120 at 30 fps with the clip's sound on A1.
engine::ProjectSnapshot smallProject() {
    auto doc = test::clipProjectJson(test::testMedia("bframes.mp4"), kFrames,
                                     nlohmann::json::array(), 160, 120);
    doc["tracks"].push_back({{"id", "A1"},
                             {"kind", "audio"},
                             {"clips",
                              {{{"id", "a1"},
                                {"source", test::testMedia("bframes.mp4")},
                                {"start", 0},
                                {"out", kFrames}}}}});
    return std::make_shared<const engine::Project>(engine::parseProject(doc, ""));
}

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

struct Expected {
    const char* format;
    const char* file;
    const char* codec;
    const char* pixelFormat; // nullptr: not checked
    const char* audioCodec;  // nullptr: no audio stream
};

} // namespace

TEST_CASE("the format a path implies", "[export]") {
    CHECK(engine::formatIdForPath("a/b.mp4") == "h264");
    CHECK(engine::formatIdForPath("a/b.mov") == "prores422");
    CHECK(engine::formatIdForPath("a/b.webm") == "vp9");
    CHECK(engine::formatIdForPath("a/b.gif") == "gif");
    CHECK(engine::formatIdForPath("a/frames/") == "png_sequence");
    CHECK(engine::formatIdForPath("a/frames") == "png_sequence");
    CHECK(engine::formatIdForPath("a/f_%05d.png") == "png_sequence");
    CHECK(engine::formatIdForPath("a/b.avi").empty());
    for (const auto& f : engine::exportFormats())
        CHECK(engine::findExportFormat(f.id) == &f);
}

TEST_CASE("every movie format probes as declared", "[export]") {
    const auto project = smallProject();
    const auto dir = test::scratchDir("export-formats");
    const Expected cases[] = {
        {"h264", "a.mp4", "h264", "yuv420p", "aac"},
        {"h265", "b.mp4", "hevc", "yuv420p", "aac"},
        {"prores422", "c.mov", "prores", "yuv422p10le", "pcm_s16le"},
        {"prores4444", "d.mov", "prores", "yuva444p", "pcm_s16le"},
        {"vp9", "e.webm", "vp9", "yuv420p", "opus"},
        {"gif", "f.gif", "gif", nullptr, nullptr},
    };
    for (const auto& c : cases) {
        SECTION(c.format) {
            engine::ExportSettings s;
            s.path = (dir / c.file).string();
            s.format = c.format;
            s.crf = 30;
            s.preset = "ultrafast";
            REQUIRE(engine::runExport(project, s) == engine::ExportOutcome::Done);
            const auto info = engine::probeMedia(s.path);
            REQUIRE(info.video);
            CHECK(info.video->codec == c.codec);
            // FFmpeg's ProRes decoder reports 4444 as 12 bit (yuva444p12le); the
            // alpha plane is what matters.
            if (c.pixelFormat)
                CHECK_THAT(info.video->pixelFormat, Catch::StartsWith(c.pixelFormat));
            CHECK(info.video->width == 160);
            CHECK(info.video->height == 120);
            CHECK(info.video->frameCount == kFrames);
            if (c.audioCodec) {
                REQUIRE(info.audio.size() == 1);
                CHECK(info.audio[0].codec == c.audioCodec);
            } else {
                CHECK(info.audio.empty());
            }
        }
    }
}

TEST_CASE("a PNG sequence is a folder of numbered frames", "[export]") {
    const auto project = smallProject();
    const auto dir = test::scratchDir("export-png");
    engine::ExportSettings s;
    s.first = 2;
    s.end = 6;

    SECTION("a new folder") {
        s.path = (dir / "frames/").string();
        REQUIRE(engine::runExport(project, s) == engine::ExportOutcome::Done);
        const auto files = filesIn(dir / "frames");
        REQUIRE(files.size() == 4);
        CHECK(files[0].filename() == "frames_00000.png");
        const auto info = engine::probeMedia(files[3].string());
        REQUIRE(info.video);
        CHECK(info.video->codec == "png");
        CHECK(info.video->pixelFormat == "rgba");
        CHECK(info.video->width == 160);
        CHECK(filesIn(dir).size() == 1); // no temporary folder left
    }
    SECTION("a pattern into an existing folder, scaled") {
        s.path = (dir / "shot_%03d.png").string();
        s.width = 80;
        REQUIRE(engine::runExport(project, s) == engine::ExportOutcome::Done);
        const auto files = filesIn(dir);
        REQUIRE(files.size() == 4);
        CHECK(files[0].filename() == "shot_000.png");
        const auto info = engine::probeMedia(files[0].string());
        CHECK(info.video->width == 80);
        CHECK(info.video->height == 60);
    }
    SECTION("a folder that already holds files is refused before rendering") {
        fs::create_directories(dir / "busy");
        std::ofstream(dir / "busy" / "keep.txt") << "x";
        s.path = (dir / "busy").string();
        CHECK_THROWS_AS(engine::runExport(project, s), engine::EngineError);
        CHECK(filesIn(dir / "busy").size() == 1);
    }
}

TEST_CASE("an export changes size and frame rate as asked", "[export]") {
    const auto project = smallProject();
    const auto dir = test::scratchDir("export-size-rate");
    engine::ExportSettings s;
    s.preset = "ultrafast";

    SECTION("width alone keeps the aspect; an odd size becomes even") {
        s.path = (dir / "small.mp4").string();
        s.width = 97;
        REQUIRE(engine::runExport(project, s) == engine::ExportOutcome::Done);
        const auto info = engine::probeMedia(s.path);
        CHECK(info.video->width == 96);
        CHECK(info.video->height == 72);
        CHECK(info.video->frameCount == kFrames);
    }
    SECTION("half the rate drops every other frame, the length stays") {
        s.path = (dir / "half.webm").string();
        s.frameRate = {15, 1};
        REQUIRE(engine::runExport(project, s) == engine::ExportOutcome::Done);
        const auto info = engine::probeMedia(s.path);
        CHECK(info.video->frameCount == 6);
        CHECK(info.video->frameRate.toDouble() == Approx(15));
        REQUIRE(info.audio.size() == 1);
        CHECK(info.audio[0].durationSeconds == Approx(0.4).margin(0.03));
    }
    SECTION("24 fps from 30: frames map by time, rounded up") {
        s.path = (dir / "film.mov").string();
        s.frameRate = {24, 1};
        auto resolved = s;
        engine::resolveExportRange(*project, resolved);
        const auto plan = engine::planExport(*project, resolved);
        CHECK(plan.frames == 10);
        CHECK(engine::sourceFrameFor(*project, resolved, plan, 4) == 5);
        CHECK(engine::sourceFrameFor(*project, resolved, plan, 9) == 11);
        REQUIRE(engine::runExport(project, s) == engine::ExportOutcome::Done);
        CHECK(engine::probeMedia(s.path).video->frameCount == 10);
    }
    SECTION("a GIF is scaled down to its maximum width") {
        s.path = (dir / "small.gif").string();
        s.gifMaxWidth = 64;
        REQUIRE(engine::runExport(project, s) == engine::ExportOutcome::Done);
        const auto info = engine::probeMedia(s.path);
        CHECK(info.video->width == 64);
        CHECK(info.video->height == 48);
    }
}

TEST_CASE("a failed or cancelled export leaves nothing under the final name", "[export]") {
    const auto project = smallProject();
    const auto dir = test::scratchDir("export-failures");
    engine::ExportSettings s;

    SECTION("an option the format refuses names the path") {
        s.path = (dir / "bad.webm").string();
        s.crf = 64;
        CHECK_THROWS_WITH(engine::runExport(project, s),
                          Catch::Contains("bad.webm") && Catch::Contains("crf"));
    }
    SECTION("a name that does not fit the format") {
        s.path = (dir / "wrong.mp4").string();
        s.format = "prores4444";
        CHECK_THROWS_WITH(engine::runExport(project, s), Catch::Contains(".mov"));
    }
    SECTION("an unknown format") {
        s.path = (dir / "x.mp4").string();
        s.format = "divx";
        CHECK_THROWS_AS(engine::runExport(project, s), engine::EngineError);
    }
    SECTION("a cancelled image sequence") {
        s.path = (dir / "frames").string();
        std::atomic<bool> cancel{false};
        engine::ExportCallbacks cb;
        cb.cancel = &cancel;
        cb.progress = [&](std::int64_t done, std::int64_t) { cancel = done >= 3; };
        CHECK(engine::runExport(project, s, cb) == engine::ExportOutcome::Cancelled);
    }
    CHECK(filesIn(dir).empty());
}

TEST_CASE("an export writes where partialOutputFor says, which a supervisor removes", "[export]") {
    const auto project = smallProject();
    const auto dir = test::scratchDir("export-partial");
    engine::ExportSettings s;
    s.audio = false;
    bool folder = false;
    SECTION("a movie: a file beside the target") {
        s.path = (dir / "cut.mp4").string();
    }
    SECTION("a new folder of frames: a folder beside it") {
        s.path = (dir / "frames/").string();
        folder = true;
    }
    SECTION("a pattern: a folder inside the existing one") {
        fs::create_directories(dir / "shots");
        s.path = (dir / "shots" / "shot_%03d.png").string();
        folder = true;
    }
    SECTION("a folder named .png, format given") {
        s.path = (dir / "stills.png").string();
        s.format = "png_sequence";
        folder = true;
    }
    const auto partial = engine::partialOutputFor(s.path, s.format);
    CHECK(partial.folder == folder);
    CHECK(fs::path(partial.path)
              .filename()
              .string()
              .find(".entropic-partial-" + std::to_string(::getpid())) != std::string::npos);
    CHECK(fs::path(partial.path).filename().string().find('%') == std::string::npos);
    // Seen from outside with this process's pid, as a supervisor would name it.
    CHECK(engine::partialOutputFor(s.path, s.format, ::getpid()).path == partial.path);
    int there = 0, written = 0;
    engine::ExportCallbacks cb;
    cb.progress = [&](std::int64_t, std::int64_t) {
        there += folder ? fs::is_directory(partial.path) : fs::is_regular_file(partial.path);
        written += fs::exists(partial.path) &&
                   (folder ? !fs::is_empty(partial.path) : fs::file_size(partial.path) > 0);
    };
    REQUIRE(engine::runExport(project, s, cb) == engine::ExportOutcome::Done);
    CHECK(there == kFrames);
    CHECK(written > 0);
    CHECK_FALSE(fs::exists(partial.path));
}
