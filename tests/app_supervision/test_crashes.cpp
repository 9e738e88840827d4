// Crash = no data loss (docs/architecture.md): an engine killed or frozen while
// the editor shows frames is replaced without anyone clicking anything; the
// project is sent again and the same frame comes back with the same hash.
#include <catch2/catch.hpp>

#include <signal.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include <QFile>
#include <QTimer>

#include "editor_rig.h"
#include "supervision/engine_reply.h"
#include "test_support.h"

using namespace entropic;
using app::EngineSupervisor;
using State = EngineSupervisor::State;

TEST_CASE("SIGKILL while frames are fetched: restarting, ready again, project re-sent, same frame "
          "and hash") {
    test::EditorRig rig;
    std::vector<State> states;
    QObject::connect(&rig.engine, &EngineSupervisor::stateChanged,
                     [&](State s) { states.push_back(s); });
    rig.start();
    REQUIRE(rig.waitReady());
    const QString before = rig.fetch(30);
    REQUIRE_FALSE(before.isEmpty());
    const qint64 firstPid = rig.engine.enginePid();
    const QString firstRing = rig.engine.ringName();
    const QString firstSocket = rig.engine.endpoint().mid(int(std::strlen("ipc://")));
    const int loadsBefore = rig.sync.loadsSent();

    // Playback-like traffic: a new frame asked for every 15 ms.
    QTimer playhead;
    qint64 next = 0;
    QObject::connect(&playhead, &QTimer::timeout, [&] { rig.feed.requestFrame(next++ % 120, {}); });
    playhead.start(15);
    test::spinFor(300);
    playhead.stop();
    rig.feed.requestFrame(77, {}); // in flight when the engine dies
    REQUIRE(::kill(static_cast<pid_t>(firstPid), SIGKILL) == 0);

    // The test does nothing else: the supervisor notices, restarts, resends,
    // and the frame last asked for is shown, rendered by the new engine.
    REQUIRE(test::spinUntil([&] { return !rig.restartReasons.empty(); }, 5000));
    REQUIRE(test::spinUntil([&] { return rig.engine.isReady() && rig.sync.inSync(); }, 20000));
    REQUIRE(test::spinUntil([&] {
        return !rig.shown.empty() && rig.shown.back().frame == 77 &&
               rig.shown.back().enginePid == rig.engine.enginePid();
    }));
    CHECK(std::find(states.begin(), states.end(), State::Restarting) != states.end());
    CHECK(rig.engine.enginePid() != firstPid);
    CHECK(rig.engine.restartCount() == 1);
    CHECK(rig.readyCount == 2);
    CHECK(rig.sync.loadsSent() > loadsBefore); // the project went to the new engine
    CHECK(rig.sync.lastLoad()["frames"] == 120);

    const QString after = rig.fetch(30);
    CHECK(after == before);
    CHECK(rig.shown.back().enginePid == rig.engine.enginePid());
    CHECK(rig.failures.empty()); // nothing shown to the user but the restart toast
    CHECK(test::spinUntil([&] { return test::processGone(firstPid); }, 5000));
    // What the killed engine could not clean up, the editor did.
    CHECK_FALSE(test::ringExists(firstRing));
    CHECK_FALSE(QFile::exists(firstSocket));
}

TEST_CASE("SIGSTOP: the watchdog misses 3 pings and restarts the frozen engine") {
    test::EditorRig rig;
    rig.start();
    REQUIRE(rig.waitReady());
    const QString before = rig.fetch(12);
    REQUIRE_FALSE(before.isEmpty());
    const qint64 frozenPid = rig.engine.enginePid();

    REQUIRE(::kill(static_cast<pid_t>(frozenPid), SIGSTOP) == 0);
    rig.feed.requestFrame(13, {}); // waits on the frozen engine
    // 3 pings a second apart, each with ~0.9 s to answer.
    REQUIRE(test::spinUntil([&] { return !rig.restartReasons.empty(); }, 10000));
    CHECK(rig.restartReasons.front().contains(QStringLiteral("3 pings")));
    REQUIRE(test::spinUntil([&] { return rig.engine.isReady() && rig.sync.inSync(); }, 20000));
    CHECK(rig.engine.enginePid() != frozenPid);
    // The supervisor SIGKILLed the stopped process; make sure, then check it is gone.
    ::kill(static_cast<pid_t>(frozenPid), SIGCONT);
    CHECK(test::spinUntil([&] { return test::processGone(frozenPid); }, 5000));
    if (!test::processGone(frozenPid)) ::kill(static_cast<pid_t>(frozenPid), SIGKILL);

    CHECK(rig.fetch(12) == before);
    CHECK(rig.failures.empty());
}

TEST_CASE("an engine that keeps dying: 4 deaths within a minute give up, and restart() recovers") {
    test::EditorRig rig;
    rig.start();
    REQUIRE(rig.waitReady());
    for (int death = 1; death <= 4; ++death) {
        const qint64 pid = rig.engine.enginePid();
        REQUIRE(pid > 0);
        REQUIRE(::kill(static_cast<pid_t>(pid), SIGKILL) == 0);
        REQUIRE(test::spinUntil([&] { return rig.engine.enginePid() != pid; }, 5000));
        if (death < 4) {
            REQUIRE(rig.engine.state() != State::Failed);
            REQUIRE(rig.waitReady());
        }
    }
    REQUIRE(test::spinUntil([&] { return rig.engine.state() == State::Failed; }, 5000));
    REQUIRE(rig.gaveUpReasons.size() == 1);
    CHECK(rig.gaveUpReasons.front().contains(QStringLiteral("4 times")));
    CHECK(rig.engine.stateText().startsWith(QStringLiteral("Engine stopped: ")));
    CHECK(rig.restartReasons.size() == 3);
    CHECK(rig.engine.enginePid() == 0);

    // Nothing hangs while Failed: requests are answered, with the reason.
    const auto refused = test::requestAndWait(rig.engine, {{"cmd", "ping"}});
    CHECK(app::replyErrorCode(refused) == QStringLiteral("engine_unavailable"));

    // The user bypasses the culprit and retries.
    rig.engine.restart();
    CHECK(rig.engine.state() == State::Starting);
    REQUIRE(rig.waitReady());
    CHECK(app::replyOk(test::requestAndWait(rig.engine, {{"cmd", "ping"}})));
    CHECK_FALSE(rig.fetch(5).isEmpty());
    CHECK(rig.failures.empty());
}

TEST_CASE("an engine that never comes up is given up on, and what it left running is killed") {
    const auto dir = test::scratchDir("supervision-silent-engine");
    const auto script = dir / "silent-engine";
    std::ofstream(script) << "#!/bin/sh\necho $$ >> \"$(dirname \"$0\")/pids\"\nexec sleep 30\n";
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);

    auto options = test::engineOptions();
    options.program = QString::fromStdString(script.string());
    options.startTimeout = std::chrono::milliseconds(300);
    test::EditorRig rig(test::testProject(), options);
    std::optional<nlohmann::json> early;
    rig.engine.request({{"cmd", "ping"}}, [&](const nlohmann::json& r) { early = r; });
    rig.start();
    REQUIRE(test::spinUntil([&] { return rig.engine.state() == State::Failed; }, 10000));
    CHECK(rig.restartReasons.size() == 3);
    REQUIRE(rig.gaveUpReasons.size() == 1);
    CHECK(rig.gaveUpReasons.front().contains(QStringLiteral("did not become ready")));
    // The request made before it started is answered, not left hanging.
    REQUIRE(test::spinUntil([&] { return early.has_value(); }, 1000));
    CHECK(app::replyErrorCode(*early) == QStringLiteral("engine_unavailable"));

    std::ifstream pids(dir / "pids");
    int count = 0;
    for (qint64 pid; pids >> pid; ++count)
        CHECK(test::spinUntil([&] { return test::processGone(pid); }, 5000));
    CHECK(count == 4);
}

TEST_CASE("a program that cannot be started is given up on with its path in the reason") {
    auto options = test::engineOptions();
    options.program = QStringLiteral("/nonexistent/entropic-engine");
    test::EditorRig rig(test::testProject(), options);
    rig.start();
    REQUIRE(test::spinUntil([&] { return rig.engine.state() == State::Failed; }, 10000));
    REQUIRE(rig.gaveUpReasons.size() == 1);
    CHECK(rig.gaveUpReasons.front().contains(QStringLiteral("/nonexistent/entropic-engine")));
}
