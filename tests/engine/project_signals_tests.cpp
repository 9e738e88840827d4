// The signal part of the project format (format 2): round trip, migration
// from format 1, and refusals that name the field (docs/project-format.md).
#include <catch2/catch.hpp>

#include "entropic/engine/error.h"
#include "entropic/engine/project/project.h"
#include "project_checks.h"
#include "signal_test_projects.h"

using namespace entropic;
using nlohmann::json;
using test::expectProjectRefused;

TEST_CASE("signals, tempo and performance lanes survive a save and a load", "[project][signals]") {
    json doc = test::modulatedProjectJson(40);
    doc["tempo"] = 96.5;
    doc["performance"] = {{{"id", "pads"},
                           {"name", "Pads"},
                           {"events", {{{"on", 3}, {"off", 9}, {"velocity", 0.5}}}}}};
    doc["signals"]["sources"].push_back({{"id", "hits"}, {"kind", "gate"}, {"media", "pads"}});
    const engine::Project p = engine::parseProject(doc, "");
    REQUIRE(p.signalGraph);
    CHECK(p.tempoBpm == 96.5);
    REQUIRE(p.performance.size() == 1);
    CHECK(p.performance[0].events[0].offFrame == 9);
    CHECK(p.signals.routes.size() == 3);
    CHECK(p.signals.lanes.size() == 1);

    const json saved = engine::projectToJson(p);
    CHECK(saved["version"] == engine::kProjectFormatVersion);
    const engine::Project again = engine::parseProject(saved, "");
    CHECK(again.signals == p.signals);
    CHECK(again.tempoBpm == p.tempoBpm);
    CHECK(engine::projectToJson(again) == saved);
}

TEST_CASE("a format-1 project loads as the current format with nothing moving",
          "[project][signals]") {
    json doc = test::clipProjectJson("clip.mp4", 10, json::array());
    REQUIRE(doc["version"] == 1);
    // A key format 1 never read is not given a meaning now.
    doc["signals"] = {{"routes", {{{"id", "x"}}}}};
    const engine::Project p = engine::parseProject(doc, "");
    CHECK(p.formatVersion == engine::kProjectFormatVersion);
    CHECK(p.signals == sig::SignalGraphSpec{});
    CHECK(p.tempoBpm == 120);
    CHECK(engine::projectToJson(p)["version"] == engine::kProjectFormatVersion);
    CHECK_FALSE(engine::projectToJson(p).contains("signals"));
}

TEST_CASE("a bad signal graph refuses the project and names the field", "[project][signals]") {
    json doc = test::modulatedProjectJson(20);
    auto& s = doc["signals"];
    SECTION("a cycle names its nodes and never hangs") {
        s["operators"].push_back({{"id", "a"}, {"op", "op.math"}, {"inputs", {"b"}}});
        s["operators"].push_back({{"id", "b"}, {"op", "op.math"}, {"inputs", {"a"}}});
        expectProjectRefused(doc, "project_invalid", "cycle");
        expectProjectRefused(doc, "project_invalid", "\"a\"");
    }
    SECTION("an unknown signal") {
        s["routes"][0]["signal"] = "wobbel";
        expectProjectRefused(doc, "project_invalid",
                             "signals.routes[0] \"r-noise\".signal: unknown signal \"wobbel\"");
    }
    SECTION("an unknown parameter") {
        s["routes"][1]["param"] = "decy";
        expectProjectRefused(doc, "project_invalid", "signals.routes[1] \"r-fb\"");
        expectProjectRefused(doc, "project_invalid", "\"decy\"");
    }
    SECTION("an unknown effect instance") {
        s["automation"][0]["effect"] = "nobody";
        expectProjectRefused(doc, "project_invalid", "nobody");
    }
    SECTION("a depth out of range") {
        s["routes"][2]["depth"] = 1.5;
        expectProjectRefused(doc, "project_invalid", "signals.routes[2] \"r-split\".depth");
    }
    SECTION("a malformed field") {
        s["routes"][0]["depth"] = "deep";
        expectProjectRefused(doc, "project_invalid", "signals.routes[0].depth");
    }
    SECTION("a source measuring a clip the project lacks") {
        s["sources"][0]["media"] = "c9";
        expectProjectRefused(doc, "project_invalid",
                             "signals.sources[0] \"bright\".media: no clip \"c9\"");
    }
    SECTION("a video source on a sound-only clip") {
        doc["tracks"].push_back(
            {{"id", "A1"},
             {"kind", "audio"},
             {"clips", {{{"id", "a1"}, {"source", "x.m4a"}, {"start", 0}, {"out", 5}}}}});
        s["sources"][0]["media"] = "a1";
        expectProjectRefused(doc, "project_invalid", "has no picture");
    }
    SECTION("a gate on a performance lane the project lacks") {
        s["sources"].push_back({{"id", "hits"}, {"kind", "gate"}, {"media", "pads"}});
        expectProjectRefused(doc, "project_invalid", "no performance lane \"pads\"");
    }
    SECTION("a performance event that ends before it starts") {
        doc["performance"] = {{{"id", "pads"}, {"events", {{{"on", 5}, {"off", 5}}}}}};
        // A range, like a clip's out before its in.
        expectProjectRefused(doc, "out_of_range", "performance[0].events[0].off");
    }
}
