// Presets: every bundled recipe loads and changes the picture; broken preset
// files are refused with the field named; entropic-render lists and applies them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "entropic/effects/registry.h"
#include "entropic/engine/error.h"
#include "entropic/engine/project/preset.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kBundled = fs::path(ENTROPIC_SOURCE_DIR) / "resources" / "presets";

json minimal() {
    return {{"format", "entropic-preset"},
            {"version", 1},
            {"name", "Test"},
            {"effects", {{{"effect", "fx.noise"}, {"params", {{"amount", 0.3}}}}}}};
}

void expectRefused(const json& doc, const std::string& needle) {
    try {
        engine::parsePreset(doc, "test");
        FAIL("accepted: " << doc.dump());
    } catch (const engine::EngineError& e) {
        CHECK(e.code() == "project_invalid");
        CHECK_THAT(e.what(), Catch::Contains(needle));
    }
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

test::ProcessResult render(std::vector<std::string> args) {
    args.insert(args.begin(), test::builtProgram("engine/entropic-render"));
    return test::runProgram(args);
}

} // namespace

TEST_CASE("every bundled preset loads, with a name, a description and real effects", "[presets]") {
    std::vector<std::string> errors;
    const auto presets = engine::loadPresets(kBundled, &errors);
    CHECK(errors.empty());
    CHECK(presets.size() >= 20);
    for (const auto& p : presets) {
        INFO(p.id);
        CHECK_FALSE(p.name.empty());
        CHECK_FALSE(p.description.empty());
        REQUIRE_FALSE(p.effects.empty());
        for (std::size_t i = 0; i < p.effects.size(); ++i) {
            CHECK(p.effects[i].descriptor != nullptr);
            CHECK(p.effects[i].instanceId == p.id + "-" + std::to_string(i + 1));
        }
    }
    // The ones the issue names.
    for (const char* id :
         {"worn-tape", "destroyed-tape", "broadcast-signal", "melt", "pixel-rain", "nuclear"})
        CHECK(engine::findPreset(kBundled, id).id == id);
}

TEST_CASE("a preset keeps its values, blend and mask", "[presets]") {
    json doc = minimal();
    doc["effects"][0]["mix"] = 0.4;
    doc["effects"][0]["blend"] = "screen";
    doc["effects"][0]["mask"] = {{"shape", "ellipse"}};
    const auto p = engine::parsePreset(doc, "grain");
    REQUIRE(p.effects.size() == 1);
    CHECK(p.effects[0].params.number("amount") == 0.3);
    CHECK(p.effects[0].mix == 0.4);
    CHECK(p.effects[0].blend == fx::BlendMode::Screen);
    CHECK(p.effects[0].mask.shape == fx::MaskShape::Ellipse);
}

TEST_CASE("a broken preset is refused with the field named", "[presets]") {
    json doc = minimal();
    SECTION("not a preset") {
        doc["format"] = "entropic-project";
        expectRefused(doc, "format: expected \"entropic-preset\"");
    }
    SECTION("from a newer Entropic") {
        doc["version"] = 2;
        expectRefused(doc, "newer Entropic");
    }
    SECTION("no effects") {
        doc["effects"] = json::array();
        expectRefused(doc, "effects: a preset needs at least one effect");
    }
    SECTION("an unknown effect") {
        doc["effects"][0]["effect"] = "fx.sparkle";
        expectRefused(doc, "effects[0].effect: unknown effect \"fx.sparkle\"");
    }
    SECTION("a value out of range") {
        doc["effects"][0]["params"]["amount"] = 9;
        try {
            engine::parsePreset(doc, "test");
            FAIL("accepted");
        } catch (const engine::EngineError& e) {
            CHECK_THAT(e.what(), Catch::Contains("effects[0].params.amount"));
        }
    }
    SECTION("an instance id") {
        doc["effects"][0]["id"] = "x";
        expectRefused(doc, "effects[0].id: presets carry no instance ids");
    }
}

TEST_CASE("preset files: bad JSON names the file, one bad file hides no other", "[presets]") {
    const auto dir = test::scratchDir("presets");
    std::ofstream(dir / "good.json") << minimal().dump();
    std::ofstream(dir / "broken.json") << "{ not json";
    std::ofstream(dir / "notes.txt") << "ignored";
    std::vector<std::string> errors;
    const auto presets = engine::loadPresets(dir, &errors);
    REQUIRE(presets.size() == 1);
    CHECK(presets[0].id == "good");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors[0], Catch::Contains("broken.json: not JSON"));
    try {
        engine::findPreset(dir, "nope");
        FAIL("found");
    } catch (const engine::EngineError& e) {
        CHECK(e.code() == "not_found");
        CHECK_THAT(e.what(),
                   Catch::Contains("no preset \"nope\"") && Catch::Contains("presets: good"));
    }
}

TEST_CASE("entropic-render lists presets and glitches a file with one", "[presets][cli][media]") {
    const auto list = render({"--list-presets"});
    CHECK(list.exitCode == 0);
    CHECK_THAT(list.out, Catch::Contains("worn-tape  Worn tape") && Catch::Contains("fx.vhs"));
    const auto listJson = render({"--list-presets", "--json"});
    REQUIRE(listJson.exitCode == 0);
    CHECK(json::parse(listJson.out).size() >= 20);

    const auto dir = test::scratchDir("preset-cli");
    const std::string plain = (dir / "plain.png").string(), worn = (dir / "worn.png").string();
    REQUIRE(render({test::testMedia("bframes.mp4"), "-o", plain, "--frame", "3"}).exitCode == 0);
    REQUIRE(render({test::testMedia("bframes.mp4"), "-o", worn, "--frame", "3", "--preset",
                    "worn-tape"})
                .exitCode == 0);
    CHECK(readFile(plain) != readFile(worn));

    const auto unknown = render({test::testMedia("bframes.mp4"), "-o", (dir / "x.png").string(),
                                 "--frame", "3", "--preset", "sparkle"});
    CHECK(unknown.exitCode == 1);
    CHECK_THAT(unknown.out,
               Catch::Contains("no preset \"sparkle\"") && Catch::Contains("worn-tape"));
    CHECK_FALSE(fs::exists(dir / "x.png"));
}
