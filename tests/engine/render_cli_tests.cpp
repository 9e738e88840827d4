// entropic-render as a user meets it: clear errors, non-zero exits, no
// half-written files, and the same frames as every other path.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "entropic/engine/media/media_info.h"
#include "test_support.h"

using namespace entropic;
namespace fs = std::filesystem;

namespace {

test::ProcessResult render(std::vector<std::string> args) {
    args.insert(args.begin(), test::builtProgram("engine/entropic-render"));
    return test::runProgram(args);
}

std::map<std::int64_t, std::string> readHashes(const fs::path& path) {
    std::map<std::int64_t, std::string> out;
    std::ifstream in(path);
    std::int64_t i = 0;
    std::string h;
    while (in >> i >> h)
        out[i] = h;
    return out;
}

} // namespace

TEST_CASE("the effect list describes every effect", "[cli]") {
    const auto text = render({"--list-effects"});
    CHECK(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("fx.noise") && Catch::Contains("util.levels"));
    const auto json = render({"--list-effects", "--json"});
    REQUIRE(json.exitCode == 0);
    const auto doc = nlohmann::json::parse(json.out);
    REQUIRE(doc.is_array());
    CHECK(doc.size() >= 4);
    CHECK(doc[0].contains("params"));
}

TEST_CASE("the effect list says when a parameter applies", "[cli][applies]") {
    const auto text = render({"--list-effects"});
    CHECK_THAT(text.out, Catch::Contains("[applies when Direction is Angle]"));
    const auto doc = nlohmann::json::parse(render({"--list-effects", "--json"}).out);
    const nlohmann::json* sort = nullptr;
    for (const auto& d : doc)
        if (d["id"] == "fx.pixelsort") sort = &d;
    REQUIRE(sort);
    for (const auto& p : (*sort)["params"]) {
        INFO(p["key"]);
        if (p["key"] == "angle") {
            REQUIRE(p.contains("applies_when"));
            CHECK(p["applies_when"]["text"] == "Direction is Angle");
            REQUIRE(p["applies_when"]["all"].size() == 1);
            CHECK(p["applies_when"]["all"][0]["param"] == "direction");
            CHECK(p["applies_when"]["all"][0]["choices"] == nlohmann::json::array({"Angle"}));
        } else {
            CHECK_FALSE(p.contains("applies_when")); // the others always apply
        }
    }
}

TEST_CASE("bad inputs fail clearly and write nothing", "[cli][media]") {
    const auto dir = test::scratchDir("cli-bad");
    const std::string out = (dir / "out.mp4").string();
    for (const std::string name :
         {"zero-bytes.mp4", "truncated.mp4", "not-media.mp4", "missing-file.mp4"}) {
        DYNAMIC_SECTION(name) {
            const auto result = render({test::testMedia(name), "-o", out});
            CHECK(result.exitCode == 1);
            CHECK_THAT(result.out, Catch::Contains(name));
            CHECK(fs::is_empty(dir));
        }
    }
    SECTION("an unknown effect") {
        const auto r = render({test::testMedia("bframes.mp4"), "-o", out, "--fx", "fx.sparkle"});
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.out, Catch::Contains("unknown effect \"fx.sparkle\""));
    }
    SECTION("a parameter out of range") {
        const auto r =
            render({test::testMedia("bframes.mp4"), "-o", out, "--fx", "fx.noise amount=7"});
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.out, Catch::Contains("amount"));
    }
    SECTION("a range past the end") {
        const auto r = render({test::testMedia("bframes.mp4"), "-o", out, "--range", "0:100000"});
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.out, Catch::Contains("range"));
    }
    SECTION("an unknown option") {
        const auto r = render({test::testMedia("bframes.mp4"), "-o", out, "--sparkle"});
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.out, Catch::Contains("--sparkle"));
    }
    SECTION("a broken project file") {
        const auto project = dir / "broken.entropic";
        std::ofstream(project) << R"({"format": "entropic-project", "version": 1, "id": 5})";
        const auto r = render({project.string(), "-o", out});
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.out, Catch::Contains("broken.entropic") && Catch::Contains("id"));
        fs::remove(project);
    }
    CHECK(fs::is_empty(dir));
}

TEST_CASE("a glitched media file renders, and --frame matches the export", "[cli][media]") {
    const auto dir = test::scratchDir("cli-render");
    const std::string input = test::testMedia("bframes.mp4");
    const std::vector<std::string> chain = {"--fx", "fx.feedback",
                                            "--fx", "fx.noise amount=0.2 mix=0.5",
                                            "--fx", "fx.channelshift red_x=12"};
    auto args = std::vector<std::string>{input,
                                         "-o",
                                         (dir / "whole.mp4").string(),
                                         "--frame-hashes",
                                         (dir / "whole.txt").string(),
                                         "--range",
                                         "0:40"};
    args.insert(args.end(), chain.begin(), chain.end());
    const auto whole = render(args);
    REQUIRE(whole.exitCode == 0);
    const auto info = engine::probeMedia((dir / "whole.mp4").string());
    REQUIRE(info.video);
    CHECK(info.video->frameCount == 40);
    const auto expected = readHashes(dir / "whole.txt");
    REQUIRE(expected.size() == 40);

    for (std::int64_t frame : {33, 2}) {
        auto one = std::vector<std::string>{input,
                                            "-o",
                                            (dir / "one.png").string(),
                                            "--frame",
                                            std::to_string(frame),
                                            "--frame-hashes",
                                            (dir / "one.txt").string()};
        one.insert(one.end(), chain.begin(), chain.end());
        const auto r = render(one);
        REQUIRE(r.exitCode == 0);
        CHECK(fs::file_size(dir / "one.png") > 100);
        CHECK(readHashes(dir / "one.txt").at(frame) == expected.at(frame));
    }
}
