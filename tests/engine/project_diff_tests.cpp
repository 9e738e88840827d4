// What an edit invalidates: exactly the frames whose picture it can change.
#include <catch2/catch.hpp>

#include <chrono>
#include <limits>
#include <ostream>

#include "entropic/engine/project/project.h"
#include "entropic/engine/render/project_diff.h"

using namespace entropic;
using engine::changedFrames;
using engine::FrameRange;
using nlohmann::json;

namespace entropic::engine {
inline std::ostream& operator<<(std::ostream& out, const FrameRange& r) {
    return out << "[" << r.first << ", " << r.end << ")";
}
} // namespace entropic::engine

namespace {

using Ranges = std::vector<FrameRange>;

// V1: clip A [0, 50) with noise; V2: clip B [20, 80) with levels then noise
// (the second bypassed); A1: music [0, 100).
json baseDoc() {
    return {
        {"format", "entropic-project"},
        {"version", 1},
        {"id", "diff-test"},
        {"seed", 3},
        {"frame_rate", {{"num", 30}, {"den", 1}}},
        {"width", 320},
        {"height", 240},
        {"tracks",
         {{{"id", "V1"},
           {"kind", "video"},
           {"clips",
            {{{"id", "A"},
              {"source", "/media/a.mp4"},
              {"start", 0},
              {"in", 10},
              {"out", 60},
              {"effects",
               {{{"id", "a-noise"}, {"effect", "fx.noise"}, {"params", {{"amount", 0.2}}}}}}}}}},
          {{"id", "V2"},
           {"kind", "video"},
           {"opacity", 0.5},
           {"clips",
            {{{"id", "B"},
              {"source", "/media/b.mp4"},
              {"start", 20},
              {"out", 60},
              {"effects",
               {{{"id", "b-levels"}, {"effect", "util.levels"}, {"params", {{"gamma", 1.2}}}},
                {{"id", "b-noise"},
                 {"effect", "fx.noise"},
                 {"enabled", false},
                 {"params", {{"amount", 0.5}}}}}}}}}},
          {{"id", "A1"},
           {"kind", "audio"},
           {"clips",
            {{{"id", "music"}, {"source", "/media/music.m4a"}, {"start", 0}, {"out", 100}}}}}}}};
}

engine::Project parse(const json& doc) {
    return engine::parseProject(doc, "/project");
}

Ranges diff(const json& before, const json& after) {
    return changedFrames(parse(before), parse(after));
}

json& clipA(json& doc) {
    return doc["tracks"][0]["clips"][0];
}
json& clipB(json& doc) {
    return doc["tracks"][1]["clips"][0];
}

const Ranges kA{{0, 50}};
const Ranges kB{{20, 80}};
const Ranges kAll{engine::kAllFrames};

} // namespace

TEST_CASE("an unchanged project invalidates nothing", "[diff]") {
    CHECK(diff(baseDoc(), baseDoc()).empty());
}

TEST_CASE("a change inside a clip invalidates that clip's range", "[diff]") {
    json after = baseDoc();
    SECTION("a parameter") {
        clipB(after)["effects"][0]["params"]["gamma"] = 1.3;
    }
    SECTION("an effect's seed") {
        clipB(after)["effects"][0]["seed"] = 9;
    }
    SECTION("an effect's mix") {
        clipB(after)["effects"][0]["mix"] = 0.7;
    }
    SECTION("an effect's blend mode") {
        clipB(after)["effects"][0]["blend"] = "difference";
    }
    SECTION("an effect's mask") {
        clipB(after)["effects"][0]["mask"] = {{"shape", "ellipse"}};
    }
    SECTION("bypassing an effect") {
        clipB(after)["effects"][0]["enabled"] = false;
    }
    SECTION("enabling a bypassed one") {
        clipB(after)["effects"][1]["enabled"] = true;
    }
    SECTION("an effect added") {
        clipB(after)["effects"].push_back({{"id", "b-more"}, {"effect", "fx.channelshift"}});
    }
    SECTION("effects reordered") {
        clipB(after)["effects"][1]["enabled"] = true;
        auto before = baseDoc();
        clipB(before)["effects"][1]["enabled"] = true;
        std::swap(clipB(after)["effects"][0], clipB(after)["effects"][1]);
        CHECK(diff(before, after) == kB);
        return;
    }
    SECTION("the source") {
        clipB(after)["source"] = "/media/c.mp4";
    }
    SECTION("a slip (in and out together)") {
        clipB(after)["in"] = 5;
        clipB(after)["out"] = 65;
    }
    CHECK(diff(baseDoc(), after) == kB);
}

TEST_CASE("an edit that changes no picture invalidates nothing", "[diff]") {
    json after = baseDoc();
    SECTION("a clip's gain") {
        clipA(after)["gain_db"] = -6;
    }
    SECTION("a video track's volume") {
        after["tracks"][1]["volume_db"] = -12;
    }
    SECTION("an audio track muted") {
        after["tracks"][2]["muted"] = true;
    }
    SECTION("an audio clip moved") {
        after["tracks"][2]["clips"][0]["start"] = 30;
    }
    SECTION("an audio clip added") {
        after["tracks"][2]["clips"].push_back(
            {{"id", "sfx"}, {"source", "/media/sfx.wav"}, {"start", 200}, {"out", 10}});
    }
    SECTION("an audio track added") {
        after["tracks"].push_back({{"id", "A2"}, {"kind", "audio"}, {"clips", json::array()}});
    }
    SECTION("the sample rate") {
        after["sample_rate"] = 44100;
    }
    SECTION("a bypassed effect's parameter") {
        clipB(after)["effects"][1]["params"]["amount"] = 0.9;
    }
    SECTION("a track's name") {
        after["tracks"][0]["name"] = "Base";
    }
    SECTION("a clip's id") {
        clipA(after)["id"] = "A-renamed";
    }
    CHECK(diff(baseDoc(), after).empty());
}

TEST_CASE("moving a clip invalidates its old and its new range", "[diff]") {
    json after = baseDoc();
    SECTION("apart") {
        clipA(after)["start"] = 100;
        CHECK(diff(baseDoc(), after) == Ranges{{0, 50}, {100, 150}});
    }
    SECTION("overlapping itself") {
        clipA(after)["start"] = 30;
        CHECK(diff(baseDoc(), after) == Ranges{{0, 80}});
    }
    SECTION("to another track") {
        json a = clipA(after);
        a["start"] = 80; // onto V2, after B, under V2's opacity
        after["tracks"][0]["clips"] = json::array();
        after["tracks"][1]["clips"].push_back(a);
        CHECK(diff(baseDoc(), after) == Ranges{{0, 50}, {80, 130}});
    }
}

TEST_CASE("trimming a clip invalidates what it changes", "[diff]") {
    json after = baseDoc();
    SECTION("the out point: only the frames gained or lost") {
        clipA(after)["out"] = 40; // A now ends at 30
        CHECK(diff(baseDoc(), after) == Ranges{{30, 50}});
        CHECK(diff(after, baseDoc()) == Ranges{{30, 50}});
    }
    SECTION("the in point: the whole clip (every frame's clip-local index moves)") {
        clipA(after)["in"] = 15;
        clipA(after)["start"] = 5;
        CHECK(diff(baseDoc(), after) == kA);
    }
}

TEST_CASE("adding or removing a clip invalidates its range", "[diff]") {
    json after = baseDoc();
    after["tracks"][0]["clips"].push_back(
        {{"id", "C"}, {"source", "/media/c.mp4"}, {"start", 120}, {"out", 15}});
    CHECK(diff(baseDoc(), after) == Ranges{{120, 135}});
    CHECK(diff(after, baseDoc()) == Ranges{{120, 135}});
    CHECK(diff(baseDoc(), [] {
              auto d = baseDoc();
              d["tracks"][1]["clips"] = json::array();
              return d;
          }()) == kB);
}

TEST_CASE("a video track's visibility invalidates its clips", "[diff]") {
    json after = baseDoc();
    SECTION("opacity") {
        after["tracks"][1]["opacity"] = 0.75;
        CHECK(diff(baseDoc(), after) == kB);
    }
    SECTION("blend mode") {
        after["tracks"][1]["blend"] = "multiply";
        CHECK(diff(baseDoc(), after) == kB);
    }
    SECTION("muted") {
        after["tracks"][0]["muted"] = true;
        CHECK(diff(baseDoc(), after) == kA);
    }
    SECTION("opacity 0 is as good as muted") {
        after["tracks"][0]["opacity"] = 0.0;
        json muted = baseDoc();
        muted["tracks"][0]["muted"] = true;
        CHECK(diff(muted, after).empty());
        muted["tracks"][0]["opacity"] = 0.3; // a muted track's opacity shows nowhere
        CHECK(diff(muted, after).empty());
    }
    SECTION("a track added") {
        after["tracks"].push_back(
            {{"id", "V3"},
             {"kind", "video"},
             {"clips",
              {{{"id", "T"}, {"source", "/media/t.png"}, {"start", 70}, {"out", 40}},
               {{"id", "U"}, {"source", "/media/t.png"}, {"start", 200}, {"out", 10}}}}});
        CHECK(diff(baseDoc(), after) == Ranges{{70, 110}, {200, 210}});
    }
    SECTION("a track removed") {
        after["tracks"].erase(after["tracks"].begin());
        CHECK(diff(baseDoc(), after) == kA);
    }
}

TEST_CASE("reordering video tracks invalidates where their clips overlap", "[diff]") {
    json after = baseDoc();
    std::swap(after["tracks"][0], after["tracks"][1]);
    CHECK(diff(baseDoc(), after) == Ranges{{20, 50}});
    SECTION("audio tracks moving among them change nothing more") {
        std::swap(after["tracks"][1], after["tracks"][2]);
        CHECK(diff(baseDoc(), after) == Ranges{{20, 50}});
    }
}

TEST_CASE("project-wide fields invalidate everything", "[diff]") {
    json after = baseDoc();
    SECTION("frame rate") {
        after["frame_rate"] = {{"num", 25}, {"den", 1}};
    }
    SECTION("width") {
        after["width"] = 640;
    }
    SECTION("height") {
        after["height"] = 480;
    }
    SECTION("seed") {
        after["seed"] = 4;
    }
    SECTION("id") {
        after["id"] = "another";
    }
    CHECK(diff(baseDoc(), after) == kAll);
    CHECK(kAll.front().first == 0);
    CHECK(kAll.front().end == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("several edits at once give merged ranges", "[diff]") {
    json after = baseDoc();
    clipA(after)["effects"][0]["params"]["amount"] = 0.3; // [0, 50)
    clipB(after)["start"] = 60;                           // [20, 80) and [60, 120)
    CHECK(diff(baseDoc(), after) == Ranges{{0, 120}});
}

TEST_CASE("a long timeline is compared in well under a command's budget", "[diff]") {
    // 4 video tracks of 500 clips each, with a chain on every clip: a knob drag
    // sends load_project at up to 60 Hz, and the diff runs on the command thread.
    json doc = baseDoc();
    doc["tracks"] = json::array();
    for (int t = 0; t < 4; ++t) {
        json clips = json::array();
        for (int c = 0; c < 500; ++c)
            clips.push_back({{"id", "c" + std::to_string(t) + "-" + std::to_string(c)},
                             {"source", "/media/a.mp4"},
                             {"start", c * 30 + t * 7},
                             {"out", 25},
                             {"effects",
                              {{{"id", "l" + std::to_string(t) + "-" + std::to_string(c)},
                                {"effect", "util.levels"}},
                               {{"id", "n" + std::to_string(t) + "-" + std::to_string(c)},
                                {"effect", "fx.noise"}}}}});
        doc["tracks"].push_back({{"id", "V" + std::to_string(t)},
                                 {"kind", "video"},
                                 {"opacity", 0.8},
                                 {"clips", clips}});
    }
    json edited = doc;
    edited["tracks"][2]["clips"][250]["effects"][1]["params"]["amount"] = 0.5;
    const auto before = parse(doc), after = parse(edited);
    const auto started = std::chrono::steady_clock::now();
    const auto changed = changedFrames(before, after);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    CHECK(changed == Ranges{{250 * 30 + 14, 250 * 30 + 14 + 25}});
    CHECK(ms < 50); // a few ms here; the bound only catches a quadratic slip
}
