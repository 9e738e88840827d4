// The project format: what loads, what is refused and how the refusal reads.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "entropic/engine/error.h"
#include "entropic/engine/project/project.h"
#include "project_checks.h"
#include "test_support.h"

using namespace entropic;
using engine::EngineError;
using nlohmann::json;
using test::expectProjectRefused;

TEST_CASE("a complete project loads with every field", "[project]") {
    const json doc = test::sampleProjectJson("clip.mp4");
    const engine::Project p = engine::parseProject(doc, "/media/projects");
    CHECK(p.id == "test-project");
    CHECK(p.seed == 99);
    CHECK(p.frameRate.num == 30);
    CHECK(p.width == 320);
    REQUIRE(p.tracks.size() == 2);
    const auto& clip = p.tracks[0].clips[0];
    CHECK(clip.sourcePath == "/media/projects/clip.mp4");
    CHECK(clip.length() == 30);
    REQUIRE(clip.effects.size() == 2);
    CHECK(clip.effects[0].descriptor->id == "util.levels");
    CHECK(clip.effects[1].mix == Approx(0.5));
    CHECK(clip.effects[1].mask.shape == fx::MaskShape::Ellipse);
    CHECK(p.frameCount() == 40);
    CHECK(p.tracks[1].kind == engine::TrackKind::Audio);
}

TEST_CASE("saving and loading gives the same document", "[project]") {
    const json doc = test::sampleProjectJson("clip.mp4");
    const json once = engine::projectToJson(engine::parseProject(doc, "/x"));
    const json twice = engine::projectToJson(engine::parseProject(once, "/x"));
    CHECK(once == twice);
    CHECK(once["tracks"][0]["clips"][0]["effects"][1]["mask"]["shape"] == "ellipse");
}

TEST_CASE("errors name the offending field", "[project]") {
    json doc = test::sampleProjectJson("clip.mp4");

    SECTION("a parameter out of range") {
        doc["tracks"][0]["clips"][0]["effects"][0]["params"]["gamma"] = 1000;
        expectProjectRefused(doc, "out_of_range", "tracks[0].clips[0].effects[0].params.gamma");
    }
    SECTION("a parameter of the wrong type") {
        doc["tracks"][0]["clips"][0]["effects"][0]["params"]["gamma"] = "bright";
        expectProjectRefused(doc, "project_invalid", "params.gamma: expected a number");
    }
    SECTION("a parameter the effect does not have") {
        doc["tracks"][0]["clips"][0]["effects"][0]["params"]["sparkle"] = 1;
        expectProjectRefused(doc, "project_invalid", "has no parameter \"sparkle\"");
    }
    SECTION("an unknown effect") {
        doc["tracks"][0]["clips"][0]["effects"][0]["effect"] = "fx.nonesuch";
        doc["tracks"][0]["clips"][0]["effects"][0].erase("version");
        expectProjectRefused(doc, "project_invalid", "unknown effect \"fx.nonesuch\"");
    }
    SECTION("an effect version this build does not have") {
        doc["tracks"][0]["clips"][0]["effects"][0]["version"] = 99;
        expectProjectRefused(doc, "project_invalid", "has no version 99");
    }
    SECTION("a missing field") {
        doc["tracks"][0]["clips"][0].erase("source");
        expectProjectRefused(doc, "project_invalid", "tracks[0].clips[0].source: missing");
    }
    SECTION("a clip whose out is not after its in") {
        doc["tracks"][0]["clips"][0]["out"] = 0;
        expectProjectRefused(doc, "out_of_range", "tracks[0].clips[0].out");
    }
    SECTION("overlapping clips on one track") {
        json second = doc["tracks"][0]["clips"][0];
        second["id"] = "second";
        second["start"] = 5;
        second["effects"] = json::array();
        doc["tracks"][0]["clips"].push_back(second);
        expectProjectRefused(doc, "project_invalid",
                             "tracks[0].clips: clip \"c1\" overlaps clip \"second\"");
    }
    SECTION("duplicate ids") {
        doc["tracks"][1]["id"] = "V1";
        expectProjectRefused(doc, "project_invalid",
                             "tracks[1].id: \"V1\" is used by another track");
    }
    SECTION("a bad mask shape") {
        doc["tracks"][0]["clips"][0]["effects"][1]["mask"]["shape"] = "star";
        expectProjectRefused(doc, "project_invalid", "effects[1].mask.shape");
    }
    SECTION("a frame rate out of range") {
        doc["frame_rate"] = {{"num", 1000}, {"den", 1}};
        expectProjectRefused(doc, "out_of_range", "frame_rate");
    }
    SECTION("not a project at all") {
        expectProjectRefused(json::array({1, 2}), "project_invalid", "expected an object");
        expectProjectRefused(json{{"hello", 1}}, "project_invalid", "format: missing");
    }
}

TEST_CASE("blend modes load by name, save only when not normal, and unknown ones are refused",
          "[project][blend]") {
    json doc = test::sampleProjectJson("clip.mp4");
    doc["tracks"][0]["blend"] = "screen";
    doc["tracks"][0]["clips"][0]["effects"][1]["blend"] = "xor";
    const engine::Project p = engine::parseProject(doc, "/x");
    CHECK(p.tracks[0].blend == fx::BlendMode::Screen);
    CHECK(p.tracks[0].clips[0].effects[1].blend == fx::BlendMode::Xor);
    CHECK(p.tracks[0].clips[0].effects[0].blend == fx::BlendMode::Normal);
    const json saved = engine::projectToJson(p);
    CHECK(saved["tracks"][0]["blend"] == "screen");
    CHECK(saved["tracks"][0]["clips"][0]["effects"][1]["blend"] == "xor");
    CHECK_FALSE(saved["tracks"][0]["clips"][0]["effects"][0].contains("blend"));
    CHECK_FALSE(saved["tracks"][1].contains("blend"));

    doc["tracks"][0]["blend"] = "glow";
    expectProjectRefused(doc, "project_invalid",
                         "tracks[0].blend: unknown blend mode \"glow\" (known: normal, add");
    doc["tracks"][0]["blend"] = 3;
    expectProjectRefused(doc, "project_invalid", "tracks[0].blend");
}

TEST_CASE("a project from a newer Entropic is refused, not misread", "[project]") {
    json doc = test::sampleProjectJson("clip.mp4");
    doc["version"] = engine::kProjectFormatVersion + 1;
    expectProjectRefused(doc, "project_invalid", "newer Entropic");
}

TEST_CASE("loading a file names the file in every error", "[project]") {
    const auto dir = test::scratchDir("project-file");
    const auto path = (dir / "broken.entropic").string();
    { std::ofstream(path) << "{ this is not json"; }
    try {
        engine::loadProjectFile(path);
        FAIL("accepted broken JSON");
    } catch (const EngineError& e) {
        CHECK_THAT(e.what(), Catch::Contains(path));
    }
    {
        json doc = test::sampleProjectJson("clip.mp4");
        doc["width"] = -5;
        std::ofstream(path) << doc.dump();
    }
    try {
        engine::loadProjectFile(path);
        FAIL("accepted a negative width");
    } catch (const EngineError& e) {
        CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains("width"));
    }
    CHECK_THROWS_AS(engine::loadProjectFile((dir / "absent.entropic").string()), EngineError);
}

TEST_CASE("relative sources resolve against the project's folder", "[project]") {
    CHECK(engine::resolveSourcePath("media/a.mp4", "/p/q") == "/p/q/media/a.mp4");
    CHECK(engine::resolveSourcePath("../a.mp4", "/p/q") == "/p/a.mp4");
    CHECK(engine::resolveSourcePath("/abs/a.mp4", "/p/q") == "/abs/a.mp4");
}
