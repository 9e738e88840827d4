// The engine's command protocol, end to end over ZeroMQ: every reply is
// {"ok": …}, every error path has its code, and the engine keeps serving.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "entropic/effects/frame.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "entropic/engine/server/command_server.h"
#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/engine_client.h"
#include "entropic/ipc/frame_ring.h"
#include "entropic/ipc/jpeg_codec.h"
#include "reply_checks.h"
#include "running_engine.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;
using test::errorCode;
using test::errorMessage;

namespace {

using test::RunningEngine;

json clipProject(int frames = 45) {
    return test::clipProjectJson(
        test::testMedia("bframes.mp4"), frames,
        {{{"id", "n1"}, {"effect", "fx.noise"}}, {{"id", "f1"}, {"effect", "fx.feedback"}}});
}

} // namespace

TEST_CASE("hello names the protocol and the ring", "[protocol]") {
    RunningEngine engine;
    const json reply = engine.call({{"cmd", "hello"}});
    CHECK(reply["ok"] == true);
    CHECK(reply["protocol"] == engine::kProtocolVersion);
    CHECK(reply["ring"].get<std::string>().rfind("/entropic-ring-", 0) == 0);
    CHECK(reply["commands"].size() >= 10);
    const json ping = engine.call({{"cmd", "ping"}});
    CHECK(ping["status"] == "alive");
    CHECK(ping["uptime_s"].get<double>() >= 0);
}

TEST_CASE("malformed requests get errors and the engine keeps serving", "[protocol]") {
    RunningEngine engine;
    auto raw = [&](const std::string& bytes) {
        return json::parse(engine.client->requestRaw(bytes));
    };
    CHECK(errorCode(raw("{not json")) == "bad_request");
    CHECK(errorCode(raw("[1, 2, 3]")) == "bad_request");
    CHECK(errorCode(raw("{\"id\": 4}")) == "bad_request");
    CHECK(errorCode(raw("{\"cmd\": 12}")) == "bad_request");
    CHECK(errorCode(raw("")) == "bad_request");
    const json unknown = engine.call({{"cmd", "make_coffee"}});
    CHECK(errorCode(unknown) == "unknown_command");
    CHECK_THAT(unknown["error"]["message"].get<std::string>(), Catch::Contains("make_coffee"));
    // Replies echo the request's id, whatever its type.
    const json echoed = raw(R"({"cmd": "ping", "id": "abc-7"})");
    CHECK(echoed["id"] == "abc-7");
    CHECK(engine.call({{"cmd", "ping"}})["ok"] == true);
}

TEST_CASE("wrong types, missing fields and out-of-range values are told apart", "[protocol]") {
    RunningEngine engine;
    CHECK(errorCode(engine.call({{"cmd", "render_frame"}, {"frame", 0}})) == "no_project");
    CHECK(errorCode(engine.call({{"cmd", "load_project"}})) == "missing_field");
    CHECK(errorCode(engine.call({{"cmd", "load_project"}, {"project", 5}})) == "wrong_type");

    json bad = clipProject();
    bad["tracks"][0]["clips"][0]["effects"][0]["params"]["amount"] = 99;
    const json refused = engine.call({{"cmd", "load_project"}, {"project", bad}});
    CHECK(errorCode(refused) == "out_of_range");
    CHECK_THAT(refused["error"]["message"].get<std::string>(),
               Catch::Contains("tracks[0].clips[0].effects[0].params.amount"));

    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", clipProject()}})["ok"] == true);
    CHECK(errorCode(engine.call({{"cmd", "render_frame"}, {"frame", "ten"}})) == "wrong_type");
    CHECK(errorCode(engine.call({{"cmd", "render_frame"}, {"frame", -1}})) == "out_of_range");
    CHECK(errorCode(engine.call({{"cmd", "render_frame"}, {"frame", 100000}})) == "out_of_range");
    CHECK(errorCode(engine.call({{"cmd", "render_frame"}, {"frame", 1}, {"scale", 3}})) ==
          "out_of_range");
    CHECK(errorCode(engine.call({{"cmd", "render_frame"}})) == "missing_field");
    CHECK(errorCode(engine.call({{"cmd", "probe_media"}, {"path", 7}})) == "wrong_type");
    CHECK(errorCode(engine.call({{"cmd", "export_start"}, {"path", "/tmp/x.avi"}})) ==
          "out_of_range");
    CHECK(errorCode(engine.call({{"cmd", "export_start"}, {"path", "/nonexistent/dir/x.mp4"}})) ==
          "io_error");
    CHECK(engine.call({{"cmd", "ping"}})["ok"] == true);
}

TEST_CASE("load_project reports missing media without refusing the project", "[protocol]") {
    RunningEngine engine;
    json doc = test::clipProjectJson("gone/missing.mp4", 10, json::array());
    const json reply =
        engine.call({{"cmd", "load_project"}, {"project", doc}, {"base_dir", "/nowhere"}});
    REQUIRE(reply["ok"] == true);
    REQUIRE(reply["missing_media"].size() == 1);
    CHECK(reply["missing_media"][0]["path"] == "/nowhere/gone/missing.mp4");
    const json render = engine.call({{"cmd", "render_frame"}, {"frame", 0}});
    CHECK(errorCode(render) == "media_open_failed");
    CHECK_THAT(render["error"]["message"].get<std::string>(),
               Catch::Contains("/nowhere/gone/missing.mp4"));
}

TEST_CASE("probe_media describes a file and names a bad one", "[protocol][media]") {
    RunningEngine engine;
    const json ok = engine.call({{"cmd", "probe_media"}, {"path", test::testMedia("bframes.mp4")}});
    REQUIRE(ok["ok"] == true);
    CHECK(ok["media"]["video"]["codec"] == "h264");
    const json bad =
        engine.call({{"cmd", "probe_media"}, {"path", test::testMedia("not-media.mp4")}});
    CHECK(bad["ok"] == false);
    CHECK_THAT(bad["error"]["message"].get<std::string>(), Catch::Contains("not-media.mp4"));
}

TEST_CASE("every error reply names its command once, sent at once or later by a worker",
          "[protocol][media]") {
    RunningEngine engine;
    // Refused on the command loop.
    const json early =
        engine.call({{"cmd", "play"}, {"session", 1}, {"time", {{"num", 0}, {"den", 1}}}});
    CHECK(errorCode(early) == "no_project");
    CHECK(errorMessage(early) == "play: no project loaded yet (send load_project)");
    // Refused by the media task, after the command loop has moved on.
    const json probe =
        engine.call({{"cmd", "probe_media"}, {"path", test::testMedia("not-media.mp4")}});
    CHECK(errorCode(probe) != "failed");
    CHECK_THAT(errorMessage(probe),
               Catch::StartsWith("probe_media: ") && Catch::Contains("not-media.mp4"));
    // Refused by the render worker.
    json doc = test::clipProjectJson("gone/missing.mp4", 10, json::array());
    REQUIRE(
        engine.call({{"cmd", "load_project"}, {"project", doc}, {"base_dir", "/nowhere"}})["ok"] ==
        true);
    const json render = engine.call({{"cmd", "render_frame"}, {"frame", 0}});
    CHECK(errorCode(render) == "media_open_failed");
    CHECK_THAT(errorMessage(render),
               Catch::StartsWith("render_frame: ") && Catch::Contains("/nowhere/gone/missing.mp4"));
    // Before its command is known, a refusal has nothing to name.
    CHECK(errorMessage(engine.call({{"cmd", 3}})) == "\"cmd\" must be a string");
}

TEST_CASE("render_frame puts the frame in the ring with the hash of its pixels",
          "[protocol][media]") {
    RunningEngine engine;
    const json project = clipProject();
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", project}})["ok"] == true);
    const json hello = engine.call({{"cmd", "hello"}});
    ipc::FrameRingReader ring(hello["ring"].get<std::string>());

    engine::TimelineRenderer local(
        std::make_shared<const engine::Project>(engine::parseProject(project, "")), 1);
    for (std::int64_t frame : {0, 7, 3, 20}) {
        const json reply = engine.call({{"cmd", "render_frame"}, {"frame", frame}});
        REQUIRE(reply["ok"] == true);
        CHECK(reply["frame"] == frame);
        CHECK(reply["width"] == 320);
        CHECK(reply["height"] == 240);
        CHECK(reply["hash"] == fx::hashToHex(fx::frameHash(local.render(frame).view())));

        ipc::RingFrameInfo info;
        std::vector<std::uint8_t> jpeg;
        REQUIRE(ring.read(reply["slot"].get<std::uint32_t>(),
                          reply["sequence"].get<std::uint64_t>(), info, jpeg));
        CHECK(info.frameIndex == frame);
        CHECK(fx::hashToHex(info.rgbaHash) == reply["hash"]);
        fx::Frame decoded;
        ipc::JpegDecoder decoder;
        REQUIRE(decoder.decode(jpeg.data(), jpeg.size(), decoded));
        CHECK(decoded.width() == 320);
        CHECK(decoded.height() == 240);
    }
    // A rational time picks the frame on screen then: 11/30 s is frame 11.
    const json byTime =
        engine.call({{"cmd", "render_frame"}, {"time", {{"num", 11}, {"den", 30}}}});
    CHECK(byTime["frame"] == 11);
}

TEST_CASE("ping is answered while an export runs, and the export can finish or be cancelled",
          "[protocol][media]") {
    RunningEngine engine;
    const auto dir = test::scratchDir("protocol-export");
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", clipProject(90)}})["ok"] == true);

    SECTION("to the end") {
        const std::string out = (dir / "done.mp4").string();
        REQUIRE(engine.call({{"cmd", "export_start"}, {"path", out}})["ok"] == true);
        CHECK(errorCode(engine.call({{"cmd", "export_start"}, {"path", out}})) == "busy");
        bool sawBusy = false;
        json status;
        for (int i = 0; i < 6000; ++i) {
            const json ping = engine.client->request({{"cmd", "ping"}}, 1000);
            REQUIRE(ping["ok"] == true);
            sawBusy = sawBusy || ping["status"] == "busy";
            status = engine.call({{"cmd", "export_status"}})["export"];
            if (status["state"] != "running") break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        CHECK(sawBusy);
        REQUIRE(status["state"] == "done");
        CHECK(status["frames_done"] == 90);
        CHECK(std::filesystem::file_size(out) > 1000);
    }
    SECTION("cancelled, leaving nothing behind") {
        const std::string out = (dir / "cancelled.mp4").string();
        REQUIRE(engine.call({{"cmd", "export_start"}, {"path", out}})["ok"] == true);
        CHECK(engine.call({{"cmd", "export_cancel"}})["ok"] == true);
        json status;
        for (int i = 0; i < 6000; ++i) {
            status = engine.call({{"cmd", "export_status"}})["export"];
            if (status["state"] != "running") break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        CHECK(status["state"] == "cancelled");
        CHECK(std::filesystem::is_empty(dir));
    }
}

TEST_CASE("shutdown answers, then the engine stops", "[protocol]") {
    engine::ServerOptions options;
    options.endpoint = ipc::newEngineEndpoint();
    auto server = std::make_unique<engine::CommandServer>(options);
    std::thread thread([&] { server->run(); });
    ipc::EngineClient client(options.endpoint, 5000);
    CHECK(client.request({{"cmd", "shutdown"}})["ok"] == true);
    thread.join(); // returns only because the loop ended
    const std::string ring = server->ringName();
    server.reset();
    CHECK_FALSE(std::filesystem::exists("/dev/shm" + ring));
    CHECK_FALSE(std::filesystem::exists(options.endpoint.substr(6)));
}

TEST_CASE("a second engine cannot steal a live endpoint", "[protocol]") {
    RunningEngine first;
    engine::ServerOptions options;
    options.endpoint = first.server->endpoint();
    CHECK_THROWS_WITH(engine::CommandServer(options), Catch::Contains("another engine"));
    CHECK(first.call({{"cmd", "ping"}})["ok"] == true);
}

TEST_CASE("tcp endpoints are refused", "[protocol]") {
    engine::ServerOptions options;
    options.endpoint = "tcp://127.0.0.1:5555";
    CHECK_THROWS(engine::CommandServer(options));
}
