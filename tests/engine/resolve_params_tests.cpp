// resolve_params over the protocol: the values the renderer uses, the signals
// behind them, and errors for what the project lacks (docs/protocol.md).
#include <catch2/catch.hpp>

#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/signal_runtime.h"
#include "reply_checks.h"
#include "running_engine.h"
#include "signal_test_projects.h"

using namespace entropic;
using nlohmann::json;
using test::errorCode;

namespace {} // namespace

TEST_CASE("resolve_params returns the values frames are rendered with",
          "[protocol][signals][media]") {
    test::RunningEngine engine;
    CHECK(errorCode(engine.call({{"cmd", "resolve_params"}, {"first", 0}, {"end", 5}})) ==
          "no_project");
    const json doc = test::modulatedProjectJson(60);
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", doc}})["ok"] == true);

    const json reply = engine.call({{"cmd", "resolve_params"},
                                    {"first", 10},
                                    {"end", 40},
                                    {"params",
                                     {{{"effect", "noise-1"}, {"param", "amount"}},
                                      {{"effect", "split-1"}, {"param", "centre"}},
                                      {{"effect", "fb-1"}, {"param", "zoom"}}}},
                                    {"signals", {"wobble", "tone"}}});
    REQUIRE(reply["ok"] == true);
    CHECK(reply["first"] == 10);
    CHECK(reply["end"] == 40);
    REQUIRE(reply["params"].size() == 3);
    REQUIRE(reply["signals"].size() == 2);

    // The same values a renderer's runtime resolves.
    const auto project = std::make_shared<const engine::Project>(engine::parseProject(doc, ""));
    engine::SignalRuntime runtime(project, engine::AnalysisStore::shared());
    const auto noise = *runtime.movedEffect("noise-1");
    const auto& amount = reply["params"][0];
    CHECK(amount["base"] == 0.1);
    REQUIRE(amount["values"].size() == 30);
    for (std::int64_t n = 10; n < 40; ++n) {
        fx::ParamValues values = project->tracks[0].clips[0].effects[0].params;
        runtime.resolve(noise, n, values);
        CHECK(amount["values"][static_cast<std::size_t>(n - 10)].get<double>() ==
              values.number("amount"));
    }
    // A point: components per frame, the automated x sweeping from 0.2.
    const auto& centre = reply["params"][1]["values"];
    REQUIRE(centre[0].is_array());
    CHECK(centre[0].size() == 2);
    CHECK(centre[0][0].get<double>() == Approx(0.2 + 0.6 * 10 / 60));
    CHECK(centre[0][1].get<double>() == 0.5);
    // Nothing moves the zoom: its base on every frame.
    for (const auto& v : reply["params"][2]["values"])
        CHECK(v == reply["params"][2]["base"]);
    // Signals: the LFO and the clip's mono 440 Hz tone (amplitude 1/8), decoded
    // to stereo at −3 dB a channel: RMS 0.0625.
    const auto& wobble = reply["signals"][0]["values"];
    CHECK(reply["signals"][0]["id"] == "wobble");
    CHECK(wobble.size() == 30);
    CHECK(runtime.evaluator().node(*runtime.graph()->findNode("wobble"), 10) ==
          wobble[0].get<double>());
    CHECK(reply["signals"][1]["values"][15].get<double>() == Approx(0.0625).epsilon(0.1));
}

TEST_CASE("resolve_params refuses what the project lacks and keeps serving",
          "[protocol][signals]") {
    test::RunningEngine engine;
    REQUIRE(engine.call({{"cmd", "load_project"},
                         {"project", test::modulatedProjectJson(20)}})["ok"] == true);
    auto ask = [&](json extra) {
        json request = {{"cmd", "resolve_params"}, {"first", 0}, {"end", 5}};
        request.update(extra);
        return engine.call(request);
    };
    const json noEffect = ask({{"params", {{{"effect", "ghost"}, {"param", "amount"}}}}});
    CHECK(errorCode(noEffect) == "not_found");
    CHECK_THAT(noEffect["error"]["message"].get<std::string>(),
               Catch::Contains("params[0].effect"));
    const json noParam = ask({{"params", {{{"effect", "noise-1"}, {"param", "amout"}}}}});
    CHECK(errorCode(noParam) == "not_found");
    CHECK_THAT(noParam["error"]["message"].get<std::string>(), Catch::Contains("\"amout\""));
    const json noSignal = ask({{"signals", {"wobbel"}}});
    CHECK(errorCode(noSignal) == "not_found");
    CHECK_THAT(noSignal["error"]["message"].get<std::string>(), Catch::Contains("signals[0]"));
    CHECK(errorCode(ask({{"signals", {3}}})) == "wrong_type");
    CHECK(errorCode(ask({{"params", {{{"effect", "noise-1"}}}}})) == "missing_field");
    CHECK(errorCode(ask({{"first", 5}, {"end", 5}})) == "out_of_range");
    CHECK(errorCode(ask({{"end", 10001}})) == "out_of_range");
    CHECK(errorCode(engine.call({{"cmd", "resolve_params"}, {"end", 5}})) == "missing_field");
    CHECK(engine.call({{"cmd", "ping"}})["ok"] == true);
}
