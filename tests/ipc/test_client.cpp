// The REQ client: round trips, timeouts that never wedge the socket, and
// replies that are not what the protocol promises.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/engine_client.h"
#include "fake_server.h"

using namespace entropic;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Answers like the engine: ok, the echoed id, and the command it saw.
std::optional<std::string> engineLike(const std::string& body, int) {
    const json request = json::parse(body, nullptr, false);
    if (request.is_discarded())
        return json{{"ok", false}, {"error", {{"code", "malformed"}, {"message", "not JSON"}}}}
            .dump();
    return json{{"ok", true}, {"id", request["id"]}, {"cmd", request["cmd"]}}.dump();
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

TEST_CASE("Client: requests carry increasing ids and get their replies", "[ipc][client]") {
    const std::string endpoint = ipc::newEngineEndpoint();
    test::FakeServer server(endpoint, engineLike);
    ipc::EngineClient client(endpoint, 5000);
    CHECK(client.endpoint() == endpoint);

    const json first = client.request({{"cmd", "hello"}});
    CHECK(first["ok"] == true);
    CHECK(first["cmd"] == "hello");
    CHECK(first["id"] == 1);
    const json second = client.request({{"cmd", "ping"}});
    CHECK(second["id"] == 2);
    CHECK(second["cmd"] == "ping");

    // Raw bytes reach the server untouched, and its answer comes back raw.
    const json raw = json::parse(client.requestRaw("{not json"));
    CHECK(raw["ok"] == false);
    CHECK(raw["error"]["code"] == "malformed");

    CHECK_THROWS_AS(client.request(json::array({1, 2})), std::invalid_argument);
}

TEST_CASE("Client: a lost reply times out, and the next request still works", "[ipc][client]") {
    const std::string endpoint = ipc::newEngineEndpoint();
    // Never answers the first request: a plain REQ socket would be stuck now.
    test::FakeServer server(endpoint, [](const std::string& body, int index) {
        return index == 0 ? std::nullopt : engineLike(body, index);
    });
    ipc::EngineClient client(endpoint, 5000);

    const auto start = Clock::now();
    try {
        client.request({{"cmd", "render_frame"}}, 200);
        FAIL("expected a timeout");
    } catch (const ipc::ClientTimeout& e) {
        const std::string what = e.what();
        CHECK_THAT(what, Catch::Contains(endpoint));
        CHECK_THAT(what, Catch::Contains("render_frame"));
        CHECK_THAT(what, Catch::Contains("200 ms"));
    }
    CHECK(secondsSince(start) < 5.0); // "quickly", with room for a loaded machine

    const json reply = client.request({{"cmd", "ping"}});
    CHECK(reply["ok"] == true);
    CHECK(reply["cmd"] == "ping");
    CHECK(reply["id"] == 2);
    CHECK(server.requests() == 2);
}

TEST_CASE("Client: a late reply to a timed-out request is never taken for the next one",
          "[ipc][client]") {
    const std::string endpoint = ipc::newEngineEndpoint();
    test::FakeServer server(endpoint, [](const std::string& body, int index) {
        if (index == 0) std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return engineLike(body, index);
    });
    ipc::EngineClient client(endpoint, 5000);
    CHECK_THROWS_AS(client.request({{"cmd", "slow"}}, 100), ipc::ClientTimeout);
    const json reply = client.request({{"cmd", "fast"}});
    CHECK(reply["cmd"] == "fast");
    CHECK(reply["id"] == 2);
}

TEST_CASE("Client: with no engine yet it times out, then works once one listens", "[ipc][client]") {
    const std::string endpoint = ipc::newEngineEndpoint();
    ipc::EngineClient client(endpoint, 5000);
    CHECK_THROWS_AS(client.request({{"cmd", "hello"}}, 150), ipc::ClientTimeout);
    CHECK_THROWS_AS(client.request({{"cmd", "hello"}}, 150), ipc::ClientTimeout);

    test::FakeServer server(endpoint, engineLike); // the engine (re)starts
    const json reply = client.request({{"cmd", "hello"}}, 10000);
    CHECK(reply["ok"] == true);
    CHECK(reply["cmd"] == "hello");
}

TEST_CASE("Client: replies that break the protocol are errors, not hangs", "[ipc][client]") {
    const std::string endpoint = ipc::newEngineEndpoint();
    test::FakeServer server(endpoint,
                            [](const std::string& body, int index) -> std::optional<std::string> {
                                switch (index) {
                                case 0:
                                    return std::string("{\"ok\": tru");
                                case 1:
                                    return std::string("[1, 2, 3]");
                                case 2:
                                    return json{{"ok", true}, {"id", 999}}.dump();
                                default:
                                    return engineLike(body, index);
                                }
                            });
    ipc::EngineClient client(endpoint, 5000);
    CHECK_THROWS_WITH(client.request({{"cmd", "hello"}}), Catch::Contains("invalid JSON"));
    CHECK_THROWS_WITH(client.request({{"cmd", "hello"}}), Catch::Contains("not an object"));
    CHECK_THROWS_WITH(client.request({{"cmd", "hello"}}), Catch::Contains("with id 999"));
    // None of these was a ClientTimeout, and the socket is still usable.
    const json reply = client.request({{"cmd", "ping"}});
    CHECK(reply["ok"] == true);
    CHECK(reply["id"] == 4);
}
