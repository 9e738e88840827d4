// The frame path into the viewer and the project path into the engine: both
// coalesced, so the newest state wins and nothing queues up behind it.
#include <catch2/catch.hpp>

#include "editor_rig.h"
#include "test_support.h"

using namespace entropic;

TEST_CASE("a burst of frame requests renders the first and the newest, not every one") {
    test::EditorRig rig;
    rig.start();
    REQUIRE(rig.waitReady());
    REQUIRE_FALSE(rig.fetch(0).isEmpty());
    const int sentBefore = rig.feed.rendersSent();
    const std::size_t shownBefore = rig.shown.size();

    for (qint64 f = 1; f <= 50; ++f)
        rig.feed.requestFrame(f, {}); // a fast scrub
    REQUIRE(test::spinUntil(
        [&] { return rig.feed.idle() && !rig.shown.empty() && rig.shown.back().frame == 50; }));
    test::spinFor(100); // anything stale would arrive now
    CHECK(rig.feed.rendersSent() - sentBefore == 2);
    CHECK(rig.shown.back().frame == 50);
    CHECK(rig.shown.size() - shownBefore <= 2);
    CHECK(rig.failures.empty());
}

TEST_CASE("the frame is full size, or decoded at 1/2 or 1/4 for a small view, with the same hash") {
    test::EditorRig rig;
    rig.start();
    REQUIRE(rig.waitReady());
    const QString full = rig.fetch(40);
    REQUIRE_FALSE(full.isEmpty());
    CHECK(rig.shown.back().size == QSize(320, 240));
    CHECK(rig.fetch(40, QSize(160, 120)) == full);
    CHECK(rig.shown.back().size == QSize(160, 120));
    CHECK(rig.fetch(40, QSize(70, 50)) == full);
    CHECK(rig.shown.back().size == QSize(80, 60));
    CHECK(rig.fetch(40, QSize(200, 200)) == full);
    CHECK(rig.shown.back().size == QSize(320, 240));
}

TEST_CASE("a render the engine refuses reaches the user with the engine's words") {
    test::EditorRig rig;
    rig.start();
    REQUIRE(rig.waitReady());
    rig.feed.requestFrame(500, {}); // past the end of a 120-frame project
    REQUIRE(test::spinUntil([&] { return !rig.failures.empty(); }));
    CHECK(rig.failures.front().startsWith(QStringLiteral("render: out_of_range: ")));
    CHECK(rig.failures.front().contains(QStringLiteral("frame")));
}

TEST_CASE("a missing media file is named when its frame is rendered") {
    nlohmann::json project =
        test::clipProjectJson("/nonexistent/lost-clip.mp4", 30, nlohmann::json::array());
    test::EditorRig rig(project);
    rig.start();
    REQUIRE(rig.waitReady());
    CHECK(rig.sync.lastLoad()["missing_media"].size() == 1);
    rig.feed.requestFrame(3, {});
    REQUIRE(test::spinUntil([&] { return !rig.failures.empty(); }));
    INFO(rig.failures.front().toStdString());
    CHECK(rig.failures.front().contains(QStringLiteral("lost-clip.mp4")));
}

TEST_CASE(
    "project changes are coalesced: the engine gets the newest one, and refusals are reported") {
    test::EditorRig rig;
    rig.start();
    REQUIRE(rig.waitReady());
    const int loadsBefore = rig.sync.loadsSent();

    for (int frames = 10; frames <= 100; frames += 10) {
        rig.project = test::testProject(320, 240, frames);
        rig.sync.projectChanged();
    }
    REQUIRE(test::spinUntil([&] { return rig.sync.inSync(); }));
    CHECK(rig.sync.loadsSent() - loadsBefore <= 2); // one in flight, then the newest
    CHECK(rig.sync.lastLoad()["frames"] == 100);

    rig.project["width"] = -5;
    rig.sync.projectChanged();
    REQUIRE(test::spinUntil([&] { return !rig.failures.empty(); }));
    CHECK(rig.failures.front().startsWith(QStringLiteral("sync: ")));
    CHECK(rig.failures.front().contains(QStringLiteral("width")));
}
