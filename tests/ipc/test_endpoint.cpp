// Endpoints are private: a runtime directory only we can enter, never TCP.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "entropic/ipc/endpoint.h"

using namespace entropic;

namespace {

// Points XDG_RUNTIME_DIR at a fresh private folder for one test, then restores it.
class ScopedRuntimeDir {
  public:
    ScopedRuntimeDir() {
        if (const char* old = std::getenv("XDG_RUNTIME_DIR")) old_ = old;
        char pattern[] = "/tmp/entropic-ipc-test-XXXXXX";
        REQUIRE(mkdtemp(pattern));
        base_ = pattern;
        setenv("XDG_RUNTIME_DIR", base_.c_str(), 1);
    }
    ~ScopedRuntimeDir() {
        if (old_)
            setenv("XDG_RUNTIME_DIR", old_->c_str(), 1);
        else
            unsetenv("XDG_RUNTIME_DIR");
        std::error_code ignored;
        std::filesystem::remove_all(base_, ignored);
    }
    const std::string& base() const { return base_; }

  private:
    std::optional<std::string> old_;
    std::string base_;
};

mode_t modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

} // namespace

TEST_CASE("Endpoint: the runtime directory is created 0700 and ours", "[ipc][endpoint]") {
    ScopedRuntimeDir runtime;
    const std::string dir = ipc::privateRuntimeDir();
    CHECK(dir == runtime.base() + "/entropic");
    CHECK(modeOf(dir) == 0700);
    CHECK(ipc::privateRuntimeDir() == dir); // idempotent

    SECTION("a too-open directory of ours is tightened") {
        REQUIRE(chmod(dir.c_str(), 0755) == 0);
        CHECK(ipc::privateRuntimeDir() == dir);
        CHECK(modeOf(dir) == 0700);
    }
    SECTION("a symlink in its place is refused") {
        REQUIRE(rmdir(dir.c_str()) == 0);
        const std::string elsewhere = runtime.base() + "/elsewhere";
        REQUIRE(mkdir(elsewhere.c_str(), 0700) == 0);
        REQUIRE(symlink(elsewhere.c_str(), dir.c_str()) == 0);
        CHECK_THROWS_WITH(ipc::privateRuntimeDir(), Catch::Contains("refusing"));
    }
    SECTION("a file in its place is refused") {
        REQUIRE(rmdir(dir.c_str()) == 0);
        FILE* file = fopen(dir.c_str(), "w");
        REQUIRE(file);
        fclose(file);
        CHECK_THROWS_WITH(ipc::privateRuntimeDir(), Catch::Contains("refusing"));
    }
}

TEST_CASE("Endpoint: without XDG_RUNTIME_DIR it falls back to /tmp/entropic-<uid>",
          "[ipc][endpoint]") {
    ScopedRuntimeDir runtime; // restores the variable afterwards
    unsetenv("XDG_RUNTIME_DIR");
    const std::string dir = ipc::privateRuntimeDir();
    CHECK(dir == "/tmp/entropic-" + std::to_string(geteuid()));
    CHECK(modeOf(dir) == 0700);
}

TEST_CASE("Endpoint: new endpoints are unique ipc paths that pass the check", "[ipc][endpoint]") {
    ScopedRuntimeDir runtime;
    const std::string a = ipc::newEngineEndpoint();
    const std::string b = ipc::newEngineEndpoint();
    CHECK(a != b);
    CHECK(a.rfind("ipc://" + runtime.base() + "/entropic/engine-" + std::to_string(getpid()) + "-",
                  0) == 0);
    CHECK(a.substr(a.size() - 5) == ".sock");
    CHECK(ipc::checkEndpoint(a) == "");
}

TEST_CASE("Endpoint: only private ipc and inproc endpoints are accepted", "[ipc][endpoint]") {
    ScopedRuntimeDir runtime;
    const std::string dir = ipc::privateRuntimeDir();

    CHECK(ipc::checkEndpoint("inproc://engine") == "");
    CHECK(ipc::checkEndpoint("ipc://" + dir + "/engine.sock") == "");

    CHECK_THAT(ipc::checkEndpoint("tcp://127.0.0.1:5555"), Catch::Contains("TCP"));
    CHECK_THAT(ipc::checkEndpoint("tcp://*:5555"), Catch::Contains("TCP"));
    CHECK_THAT(ipc::checkEndpoint("udp://127.0.0.1:5555"), Catch::Contains("unsupported"));
    CHECK_THAT(ipc::checkEndpoint(""), Catch::Contains("unsupported"));
    CHECK_THAT(ipc::checkEndpoint("inproc://"), Catch::Contains("no name"));
    CHECK_THAT(ipc::checkEndpoint("ipc://@entropic"), Catch::Contains("abstract"));
    CHECK_THAT(ipc::checkEndpoint("ipc://engine.sock"), Catch::Contains("absolute"));
    // /tmp is open to everyone: any user could connect to a socket there.
    CHECK_THAT(ipc::checkEndpoint("ipc:///tmp/engine.sock"), Catch::Contains("not private"));
    CHECK_THAT(ipc::checkEndpoint("ipc://" + dir + "/missing/engine.sock"),
               Catch::Contains("cannot resolve"));
    CHECK_THAT(ipc::checkEndpoint("ipc://" + dir + "/../entropic/engine.sock"),
               Catch::Contains("canonical"));
    CHECK_THAT(ipc::checkEndpoint("ipc://" + dir + "/" + std::string(120, 'x')),
               Catch::Contains("longer than"));

    const std::string open = runtime.base() + "/open";
    REQUIRE(mkdir(open.c_str(), 0700) == 0);
    REQUIRE(chmod(open.c_str(), 0750) == 0);
    CHECK_THAT(ipc::checkEndpoint("ipc://" + open + "/engine.sock"),
               Catch::Contains("not private"));
}

TEST_CASE("Endpoint: socket files of dead engines are removed, live ones kept", "[ipc][endpoint]") {
    ScopedRuntimeDir runtime;
    const std::string dir = ipc::privateRuntimeDir();
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) _exit(0);
    REQUIRE(waitpid(child, nullptr, 0) == child); // now certainly dead
    auto touch = [&](const std::string& name) {
        FILE* file = fopen((dir + "/" + name).c_str(), "w");
        REQUIRE(file);
        fclose(file);
        return dir + "/" + name;
    };
    const std::string dead = touch("engine-" + std::to_string(child) + "-0123abcd.sock");
    const std::string live = touch("engine-" + std::to_string(getpid()) + "-0123abcd.sock");
    const std::string other = touch("notes-" + std::to_string(child) + "-x.sock");

    CHECK(ipc::removeStaleEndpoints() == 1);
    CHECK(access(dead.c_str(), F_OK) != 0);
    CHECK(access(live.c_str(), F_OK) == 0);
    CHECK(access(other.c_str(), F_OK) == 0);
}
