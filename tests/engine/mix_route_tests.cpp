// Every effect's dry/wet is a parameter the signal engine moves (fx::mixParam):
// a pad's gate routed into it bypasses the effect while held, or, inverted,
// enables it only while held, and the frames say so byte for byte.
#include <catch2/catch.hpp>

#include "entropic/effects/container.h"
#include "entropic/effects/registry.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "signal_test_projects.h"

using namespace entropic;
using nlohmann::json;

namespace {

constexpr std::int64_t kFrames = 30;

json noiseEffect() {
    return {{"id", "noise-1"}, {"effect", "fx.noise"}, {"seed", 4}, {"params", {{"amount", 0.4}}}};
}

// A clip with noise, and a pad lane held over frames [10, 20) routed into the
// noise's mix: depth -1 behind a threshold, inverted for "enable".
json padProject(bool enable, double velocity = 1.0) {
    json route = {{"id", "r1"},     {"signal", "hits"}, {"effect", "noise-1"},
                  {"param", "mix"}, {"depth", -1},      {"processing", {{"threshold", 0.001}}}};
    if (enable) route["processing"]["invert"] = true;
    json doc =
        test::withSignals(test::clipProjectJson(test::testMedia("bframes.mp4"), kFrames,
                                                json::array({noiseEffect()}), 160, 120),
                          {{"sources", {{{"id", "hits"}, {"kind", "gate"}, {"media", "pad-1"}}}},
                           {"operators", json::array()},
                           {"routes", {route}},
                           {"automation", json::array()}});
    doc["performance"] = {
        {{"id", "pad-1"}, {"events", {{{"on", 10}, {"off", 20}, {"velocity", velocity}}}}}};
    return doc;
}

std::string hashOf(const json& doc, std::int64_t frame) {
    engine::TimelineRenderer r(
        std::make_shared<const engine::Project>(engine::parseProject(doc, "")), 1);
    return fx::hashToHex(fx::frameHash(r.render(frame).view()));
}

} // namespace

TEST_CASE("no effect has a parameter of its own named mix", "[signals][mix]") {
    for (const auto* d : fx::EffectRegistry::builtin().all())
        for (const auto& p : d->params) {
            INFO(d->id);
            CHECK(p.key != fx::mixParam().key);
        }
    CHECK(fx::mixParam().def[0] == 1.0);
}

TEST_CASE("a gate routed into an effect's mix bypasses it while held", "[signals][mix][media]") {
    const json dry =
        test::clipProjectJson(test::testMedia("bframes.mp4"), kFrames, json::array(), 160, 120);
    const json wet = test::clipProjectJson(test::testMedia("bframes.mp4"), kFrames,
                                           json::array({noiseEffect()}), 160, 120);
    for (std::int64_t frame : {5, 12, 19, 25}) {
        INFO("frame " << frame);
        const bool held = frame >= 10 && frame < 20;
        // The effect really changes the picture.
        REQUIRE(hashOf(dry, frame) != hashOf(wet, frame));
        CHECK(hashOf(padProject(false), frame) == (held ? hashOf(dry, frame) : hashOf(wet, frame)));
        CHECK(hashOf(padProject(true), frame) == (held ? hashOf(wet, frame) : hashOf(dry, frame)));
    }
    // A soft MIDI note switches as fully as a key.
    CHECK(hashOf(padProject(false, 1.0 / 127), 12) == hashOf(dry, 12));
}
