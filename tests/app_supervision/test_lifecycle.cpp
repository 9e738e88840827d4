// An engine's life with the editor: started on a private endpoint, hello
// checked, requests queued while it starts, and gone (with its ring) when the
// editor quits or is killed.
#include <catch2/catch.hpp>

#include <signal.h>

#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>

#include "supervision/engine_reply.h"
#include "supervision/engine_supervisor.h"
#include "supervision_support.h"

using namespace entropic;
using app::EngineSupervisor;
using State = EngineSupervisor::State;

TEST_CASE("the supervisor starts its own engine and reaches Ready, and requests made while "
          "Starting are answered") {
    EngineSupervisor engine(test::engineOptions());
    std::vector<State> states;
    int readyCount = 0;
    QObject::connect(&engine, &EngineSupervisor::stateChanged,
                     [&](State s) { states.push_back(s); });
    QObject::connect(&engine, &EngineSupervisor::engineReady, [&] { ++readyCount; });

    engine.start();
    CHECK(engine.state() == State::Starting);
    CHECK(engine.stateText() == QString::fromUtf8("Engine starting…"));

    // Asked before the engine is up: no error, the answer comes once it is.
    std::optional<nlohmann::json> hello, ping;
    std::optional<State> stateAtReply;
    engine.request({{"cmd", "hello"}}, [&](const nlohmann::json& r) {
        hello = r;
        stateAtReply = engine.state();
    });
    engine.request({{"cmd", "ping"}}, [&](const nlohmann::json& r) { ping = r; });
    CHECK_FALSE(hello); // never answered from inside request()

    REQUIRE(test::spinUntil([&] { return hello && ping; }));
    CHECK(app::replyOk(*hello));
    CHECK((*hello)["protocol"] == 1);
    CHECK(app::replyOk(*ping));
    CHECK((stateAtReply == State::Ready || stateAtReply == State::Busy));
    CHECK(engine.isReady());
    CHECK(engine.stateText() == QStringLiteral("Engine ready"));
    CHECK(readyCount == 1);
    CHECK(states.front() == State::Ready);
    CHECK((*hello)["pid"] == engine.enginePid());
    CHECK(engine.endpoint().startsWith(QStringLiteral("ipc://")));
    CHECK(test::ringExists(engine.ringName()));

    SECTION("engine errors come back as they are, and the engine keeps serving") {
        const auto reply = test::requestAndWait(engine, {{"cmd", "render_frame"}, {"frame", 0}});
        CHECK(app::replyErrorCode(reply) == QStringLiteral("no_project"));
        CHECK(app::replyOk(test::requestAndWait(engine, {{"cmd", "ping"}})));
    }
    SECTION("a request whose context is gone is not answered") {
        auto context = std::make_unique<QObject>();
        bool called = false;
        engine.request(
            {{"cmd", "ping"}}, [&](const nlohmann::json&) { called = true; }, 5000, context.get());
        context.reset();
        CHECK(app::replyOk(test::requestAndWait(engine, {{"cmd", "ping"}})));
        CHECK_FALSE(called);
    }
}

TEST_CASE("destroying the supervisor (the editor quits) ends the engine and removes its ring and "
          "socket") {
    auto engine = std::make_unique<EngineSupervisor>(test::engineOptions());
    engine->start();
    REQUIRE(test::spinUntil([&] { return engine->isReady(); }));
    const qint64 pid = engine->enginePid();
    const QString ring = engine->ringName();
    const QString socket = engine->endpoint().mid(int(std::strlen("ipc://")));
    REQUIRE(test::ringExists(ring));
    REQUIRE(QFile::exists(socket));

    engine.reset(); // sends shutdown, waits up to 2 s, then SIGKILL

    CHECK(test::spinUntil([&] { return test::processGone(pid); }, 5000));
    CHECK(test::spinUntil([&] { return !test::ringExists(ring); }, 5000));
    CHECK_FALSE(QFile::exists(socket));
}

TEST_CASE("when the editor is killed, its engine exits within a few seconds and leaves no ring") {
    // This test binary in --editor-child mode plays the editor.
    QProcess editor;
    editor.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--editor-child")});
    REQUIRE(editor.waitForStarted(5000));
    REQUIRE(test::spinUntil([&] { return editor.canReadLine(); }, 20000));
    const auto line = nlohmann::json::parse(editor.readLine().toStdString());
    const qint64 enginePid = line["pid"].get<qint64>();
    const QString ring = QString::fromStdString(line["ring"].get<std::string>());
    REQUIRE(enginePid > 0);
    REQUIRE(test::ringExists(ring));

    ::kill(static_cast<pid_t>(editor.processId()), SIGKILL); // no chance to clean up
    REQUIRE(editor.waitForFinished(5000));

    CHECK(test::spinUntil([&] { return test::processGone(enginePid); }, 5000));
    CHECK(test::spinUntil([&] { return !test::ringExists(ring); }, 5000));
}
