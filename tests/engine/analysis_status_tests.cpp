// analysis_status over the protocol: load_project starts the background pass
// over the project's signal sources, the status follows it to the end, a
// missing file is reported without stopping the engine, a new project
// replaces the sources, and an engine shut down mid-pass exits cleanly
// (docs/protocol.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "entropic/ipc/engine_client.h"
#include "reply_checks.h"
#include "running_engine.h"
#include "signal_test_projects.h"

using namespace entropic;
using nlohmann::json;
using test::errorCode;

namespace {

// analysis_status, asked until the pass is idle (two minutes at most: the
// pass is niced on a machine other builds share).
json statusWhenIdle(const std::function<json(json)>& call) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    for (;;) {
        json status = call({{"cmd", "analysis_status"}});
        REQUIRE(status["ok"] == true);
        if (!status["busy"].get<bool>() || std::chrono::steady_clock::now() > deadline)
            return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

json statusWhenIdle(test::RunningEngine& engine) {
    return statusWhenIdle([&](json r) { return engine.call(std::move(r)); });
}

json oneSource(const std::string& kind, const std::string& media) {
    return {{"sources", {{{"id", "s"}, {"kind", kind}, {"media", media}}}}};
}

} // namespace

TEST_CASE("analysis_status follows the background pass over the project's sources",
          "[protocol][analysis][media]") {
    test::RunningEngine engine;
    const json hello = engine.call({{"cmd", "hello"}});
    CHECK(std::find(hello["commands"].begin(), hello["commands"].end(), "analysis_status") !=
          hello["commands"].end());
    const json early = engine.call({{"cmd", "analysis_status"}});
    CHECK(errorCode(early) == "no_project");
    CHECK_THAT(early["error"]["message"].get<std::string>(), Catch::Contains("analysis_status"));

    REQUIRE(engine.call({{"cmd", "load_project"},
                         {"project", test::modulatedProjectJson(60)}})["ok"] == true);
    const json status = statusWhenIdle(engine);
    CHECK(status["busy"] == false);
    REQUIRE(status["sources"].size() == 3);
    const json& sources = status["sources"];
    CHECK(sources[0]["id"] == "bright");
    CHECK(sources[0]["kind"] == "video.luma");
    CHECK(sources[1]["id"] == "moving");
    CHECK(sources[1]["kind"] == "video.motion");
    CHECK(sources[2]["id"] == "tone");
    CHECK(sources[2]["kind"] == "audio.rms");
    for (const auto& s : sources) {
        INFO(s.dump());
        CHECK(s["clip"] == "c1");
        CHECK_THAT(s["media"].get<std::string>(), Catch::EndsWith("bframes.mp4"));
        CHECK(s["state"] == "done");
        CHECK(s["done"] == s["total"]);
        CHECK(s["total"].get<std::int64_t>() > 0);
        CHECK_FALSE(s.contains("error"));
    }
    CHECK(sources[0]["total"] == 120); // the whole file, not the 60 frames the clip uses
    // Luma and motion are one analysis: counted once in the totals.
    CHECK(status["total"] ==
          sources[0]["total"].get<std::int64_t>() + sources[2]["total"].get<std::int64_t>());
    CHECK(status["done"] == status["total"]);

    // The same sources after an edit elsewhere: still done, nothing redone.
    json edited = test::modulatedProjectJson(60);
    edited["signals"]["routes"][0]["depth"] = 0.2;
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", edited}})["ok"] == true);
    const json after = engine.call({{"cmd", "analysis_status"}});
    CHECK(after["busy"] == false);
    CHECK(after["done"] == status["done"]);
}

TEST_CASE("a project without signal sources has nothing to analyse",
          "[protocol][analysis][media]") {
    test::RunningEngine engine;
    REQUIRE(engine.call({{"cmd", "load_project"},
                         {"project",
                          test::sampleProjectJson(test::testMedia("bframes.mp4"))}})["ok"] == true);
    const json status = engine.call({{"cmd", "analysis_status"}});
    REQUIRE(status["ok"] == true);
    CHECK(status["busy"] == false);
    CHECK(status["sources"] == json::array());
    CHECK(status["done"] == 0);
    CHECK(status["total"] == 0);
}

TEST_CASE("a source on a missing file fails in analysis_status and the engine keeps serving",
          "[protocol][analysis][media]") {
    test::RunningEngine engine;
    const std::string missing = (test::scratchDir("status-missing") / "vanished.mp4").string();
    const json doc = test::withSignals(test::clipProjectJson(missing, 30, json::array()),
                                       oneSource("video.luma", "c1"));
    const json loaded = engine.call({{"cmd", "load_project"}, {"project", doc}});
    REQUIRE(loaded["ok"] == true);
    CHECK(loaded["missing_media"].size() == 1);
    const json status = statusWhenIdle(engine);
    REQUIRE(status["sources"].size() == 1);
    const json& s = status["sources"][0];
    CHECK(s["state"] == "failed");
    CHECK(s["error"]["code"] == "media_open_failed");
    CHECK_THAT(s["error"]["message"].get<std::string>(), Catch::Contains("vanished.mp4"));
    CHECK(s["media"] == missing);
    CHECK(engine.call({{"cmd", "ping"}})["ok"] == true);
    CHECK(engine.call({{"cmd", "analysis_status"}})["ok"] == true);
}

TEST_CASE("loading another project replaces the sources being analysed",
          "[protocol][analysis][media]") {
    test::RunningEngine engine;
    REQUIRE(engine.call({{"cmd", "load_project"},
                         {"project", test::modulatedProjectJson(60)}})["ok"] == true);
    const json other = test::withSignals(
        test::clipProjectJson(test::testMedia("audio44k.mp4"), 30, json::array(), 160, 120),
        oneSource("audio.peak", "c1"));
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", other}})["ok"] == true);
    const json status = statusWhenIdle(engine);
    REQUIRE(status["sources"].size() == 1);
    CHECK(status["sources"][0]["kind"] == "audio.peak");
    CHECK_THAT(status["sources"][0]["media"].get<std::string>(), Catch::EndsWith("audio44k.mp4"));
    CHECK(status["sources"][0]["state"] == "done");
    CHECK(status["sources"][0]["total"] == 90); // 3 s at 30 fps
    CHECK(status["total"] == 90);
}

TEST_CASE("an engine shut down while it analyses exits cleanly", "[protocol][analysis][process]") {
    // A cache of its own, empty: the engine has to measure, not read back.
    const auto cache = test::scratchDir("status-shutdown-cache");
    ::setenv("XDG_CACHE_HOME", cache.c_str(), 1);
    test::EngineProcess engine;
    REQUIRE(engine.announcement().is_object());
    ipc::EngineClient client(engine.endpoint(), 20000);
    REQUIRE(client.request({{"cmd", "load_project"},
                            {"project", test::modulatedProjectJson(60)}})["ok"] == true);
    CHECK(client.request({{"cmd", "analysis_status"}})["ok"] == true);
    CHECK(client.request({{"cmd", "shutdown"}})["ok"] == true);
    CHECK(engine.waitExit() == 0);
}
