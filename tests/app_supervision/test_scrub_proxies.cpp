// A dragged playhead with scrub proxies on: proxy frames while it moves, the
// exact frame as soon as it rests — the paused viewer never keeps a proxy.
#include <catch2/catch.hpp>

#include "editor_rig.h"
#include "test_support.h"

using namespace entropic;

namespace {

// Asks the engine until every scrub proxy of the project is made.
bool proxiesMade(test::EditorRig& rig, int timeoutMs = 60000) {
    bool made = false, waiting = false;
    return test::spinUntil(
        [&] {
            if (!waiting) {
                waiting = true;
                rig.engine.request({{"cmd", "proxy_status"}}, [&](const nlohmann::json& reply) {
                    waiting = false;
                    const auto sources = reply.value("sources", nlohmann::json::array());
                    made = !sources.empty();
                    for (const auto& s : sources)
                        made = made && s.value("state", "") == "ready";
                });
            }
            return made;
        },
        timeoutMs);
}

} // namespace

TEST_CASE("a dragged playhead shows scrub proxy frames and comes to rest on the exact frame") {
    test::EditorRig rig;
    rig.feed.setScrubProxies(true);
    rig.start();
    REQUIRE(rig.waitReady());
    // No frame cache: a cached exact frame would be served instead of a proxy.
    bool configured = false;
    rig.engine.request({{"cmd", "cache_config"}, {"budget_mb", 0}},
                       [&](const nlohmann::json&) { configured = true; });
    REQUIRE(test::spinUntil([&] { return configured; }));
    const QString exact = rig.fetch(77); // before the proxies exist: the exact frame
    REQUIRE_FALSE(exact.isEmpty());
    REQUIRE(proxiesMade(rig));

    // A drag: the pointer moves a frame or two every 20 ms.
    const std::size_t before = rig.shown.size();
    for (qint64 f = 10; f <= 77; f += 2) {
        rig.feed.requestFrame(f, {});
        test::spinFor(20);
    }
    rig.feed.requestFrame(77, {});
    REQUIRE(test::spinUntil([&] { return rig.feed.idle(); }));
    test::spinFor(app::FrameFeed::kSettleMs + 100); // nothing else may arrive
    // A stream of proxy frames followed the pointer, frame 77's among them…
    CHECK(rig.feed.proxyFramesShown() >= 5);
    CHECK(rig.shown.size() - before >= 5);
    bool proxy77 = false;
    for (std::size_t i = before; i < rig.shown.size(); ++i)
        proxy77 = proxy77 || (rig.shown[i].frame == 77 && rig.shown[i].hash != exact);
    CHECK(proxy77);
    // … and the viewer rests on the exact frame.
    CHECK(rig.shown.back().frame == 77);
    CHECK(rig.shown.back().hash == exact);
    CHECK(rig.failures.empty());
}
