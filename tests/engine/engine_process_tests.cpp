// entropic-engine as a process: it announces itself, serves, and a crash of
// one engine leaves nothing that stops the next.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/engine_client.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;

using test::EngineProcess;

TEST_CASE("the engine announces its endpoint and ring, and serves them", "[process]") {
    EngineProcess engine;
    REQUIRE(engine.announcement().is_object());
    const std::string endpoint = engine.endpoint();
    CHECK(endpoint.rfind("ipc://" + ipc::privateRuntimeDir(), 0) == 0);
    ipc::EngineClient client(endpoint, 5000);
    CHECK(client.request({{"cmd", "hello"}})["ring"] == engine.announcement()["ring"]);
    CHECK(client.request({{"cmd", "shutdown"}})["ok"] == true);
    CHECK(engine.waitExit() == 0);
    CHECK_FALSE(
        std::filesystem::exists("/dev/shm" + engine.announcement()["ring"].get<std::string>()));
}

TEST_CASE("a killed engine's leftovers are cleared by the next one", "[process]") {
    const std::string endpoint = ipc::newEngineEndpoint();
    std::string deadRing;
    {
        EngineProcess first({"--endpoint", endpoint});
        REQUIRE(first.announcement().is_object());
        deadRing = first.ring();
        CHECK(std::filesystem::exists("/dev/shm" + deadRing));
        // ~EngineProcess sends SIGKILL: no chance to clean up.
    }
    CHECK(std::filesystem::exists("/dev/shm" + deadRing));
    EngineProcess second({"--endpoint", endpoint}); // same endpoint: the stale socket is reclaimed
    REQUIRE(second.announcement().is_object());
    CHECK_FALSE(std::filesystem::exists("/dev/shm" + deadRing));
    ipc::EngineClient client(endpoint, 5000);
    CHECK(client.request({{"cmd", "ping"}})["ok"] == true);
}

TEST_CASE("SIGTERM stops the engine cleanly", "[process]") {
    EngineProcess engine;
    REQUIRE(engine.announcement().is_object());
    ::kill(engine.pid(), SIGTERM);
    CHECK(engine.waitExit() == 0);
    CHECK_FALSE(
        std::filesystem::exists("/dev/shm" + engine.announcement()["ring"].get<std::string>()));
    CHECK_FALSE(std::filesystem::exists(engine.endpoint().substr(6)));
}

TEST_CASE("the engine exits when the process that started it is gone", "[process]") {
    // A parent that has already exited: the engine must not linger.
    pid_t parent = ::fork();
    if (parent == 0) ::_exit(0);
    ::waitpid(parent, nullptr, 0);
    EngineProcess engine({"--parent-pid", std::to_string(parent)});
    CHECK(engine.waitExit() == 0);
}

TEST_CASE("bad arguments are refused", "[process]") {
    CHECK(test::runProgram(
              {test::builtProgram("engine/entropic-engine"), "--endpoint", "tcp://127.0.0.1:7000"})
              .exitCode == 1);
    CHECK(test::runProgram({test::builtProgram("engine/entropic-engine"), "--ring-slots", "zero"})
              .exitCode == 2);
}
