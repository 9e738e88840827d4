// cache_status and cache_config through a real entropic-engine: the round
// trip, and bad budgets refused while the engine keeps serving.
#include <catch2/catch.hpp>

#include <algorithm>

#include "entropic/ipc/engine_client.h"
#include "reply_checks.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;
using test::errorCode;

namespace {

void checkStatusShape(const json& reply) {
    REQUIRE(reply["ok"] == true);
    CHECK(reply["budget_mb"].is_number_integer());
    CHECK(reply["used_mb"].is_number());
    CHECK(reply["frames"].is_number_integer());
    CHECK(reply["version"].is_number_integer());
    CHECK(reply["ranges"].is_array());
}

} // namespace

TEST_CASE("cache_status and cache_config round trip through the engine", "[protocol][cache]") {
    test::EngineProcess engine;
    REQUIRE(engine.announcement().is_object());
    ipc::EngineClient client(engine.endpoint(), 5000);

    const json hello = client.request({{"cmd", "hello"}});
    CHECK(std::find(hello["commands"].begin(), hello["commands"].end(), "cache_status") !=
          hello["commands"].end());
    CHECK(std::find(hello["commands"].begin(), hello["commands"].end(), "cache_config") !=
          hello["commands"].end());

    const json initial = client.request({{"cmd", "cache_status"}});
    checkStatusShape(initial);
    CHECK(initial["budget_mb"] == 2048);
    CHECK(initial["used_mb"] == 0);
    CHECK(initial["frames"] == 0);
    CHECK(initial["ranges"].empty());

    const json set = client.request({{"cmd", "cache_config"}, {"budget_mb", 512}});
    checkStatusShape(set);
    CHECK(set["budget_mb"] == 512);
    CHECK(client.request({{"cmd", "cache_status"}})["budget_mb"] == 512);

    // 0 disables caching; the largest budget is accepted.
    CHECK(client.request({{"cmd", "cache_config"}, {"budget_mb", 0}})["budget_mb"] == 0);
    CHECK(client.request({{"cmd", "cache_config"}, {"budget_mb", 65536}})["budget_mb"] == 65536);

    // A project loaded (and replaced) keeps the cache answering.
    const json doc = test::sampleProjectJson(test::testMedia("bframes.mp4"));
    REQUIRE(client.request({{"cmd", "load_project"}, {"project", doc}})["ok"] == true);
    REQUIRE(client.request({{"cmd", "load_project"}, {"project", doc}})["ok"] == true);
    const json loaded = client.request({{"cmd", "cache_status"}});
    checkStatusShape(loaded);
    CHECK(loaded["frames"] == 0);
    CHECK(loaded["budget_mb"] == 65536);
}

TEST_CASE("a bad cache budget is refused and the engine keeps serving", "[protocol][cache]") {
    test::EngineProcess engine;
    REQUIRE(engine.announcement().is_object());
    ipc::EngineClient client(engine.endpoint(), 5000);
    REQUIRE(client.request({{"cmd", "cache_config"}, {"budget_mb", 100}})["ok"] == true);

    const json negative = client.request({{"cmd", "cache_config"}, {"budget_mb", -1}});
    CHECK(errorCode(negative) == "out_of_range");
    CHECK_THAT(negative["error"]["message"].get<std::string>(), Catch::Contains("budget_mb"));
    CHECK(errorCode(client.request({{"cmd", "cache_config"}, {"budget_mb", 65537}})) ==
          "out_of_range");
    CHECK(errorCode(client.request({{"cmd", "cache_config"}, {"budget_mb", "lots"}})) ==
          "wrong_type");
    CHECK(errorCode(client.request({{"cmd", "cache_config"}, {"budget_mb", 1.5}})) == "wrong_type");
    CHECK(errorCode(client.request({{"cmd", "cache_config"}})) == "missing_field");

    // Nothing changed, and the engine still answers.
    CHECK(client.request({{"cmd", "ping"}})["ok"] == true);
    CHECK(client.request({{"cmd", "cache_status"}})["budget_mb"] == 100);
}
