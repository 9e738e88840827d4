#include "test_support.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

extern char** environ;

namespace entropic::test {

using nlohmann::json;

json clipProjectJson(const std::string& source, std::int64_t frames, const json& effects, int width,
                     int height) {
    return {{"format", "entropic-project"},
            {"version", 1},
            {"id", "test-project"},
            {"seed", 99},
            {"frame_rate", {{"num", 30}, {"den", 1}}},
            {"width", width},
            {"height", height},
            {"tracks",
             {{{"id", "V1"},
               {"kind", "video"},
               {"clips",
                {{{"id", "c1"},
                  {"source", source},
                  {"start", 0},
                  {"in", 0},
                  {"out", frames},
                  {"effects", effects}}}}}}}};
}

json sampleProjectJson(const std::string& source) {
    json doc = clipProjectJson(
        source, 30,
        {{{"id", "e1"}, {"effect", "util.levels"}, {"version", 1}, {"params", {{"gamma", 1.5}}}},
         {{"id", "e2"},
          {"effect", "fx.channelshift"},
          {"mix", 0.5},
          {"seed", 3},
          {"mask", {{"shape", "ellipse"}, {"x", 0.1}, {"y", 0.1}, {"w", 0.8}, {"h", 0.8}}},
          {"params", {{"red_x", 12}}}}});
    doc["tracks"][0]["clips"][0]["start"] = 10;
    doc["tracks"].push_back(
        {{"id", "A1"},
         {"kind", "audio"},
         {"volume_db", -3.0},
         {"clips", {{{"id", "a1"}, {"source", source}, {"start", 0}, {"out", 20}}}}});
    return doc;
}

std::filesystem::path scratchDir(const std::string& name) {
    const auto dir = std::filesystem::path(ENTROPIC_BINARY_DIR) / "test-scratch" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string testMedia(const std::string& name) {
    return (std::filesystem::path(ENTROPIC_TEST_MEDIA_DIR) / name).string();
}

std::string builtProgram(const std::string& relative) {
    return (std::filesystem::path(ENTROPIC_BINARY_DIR) / relative).string();
}

ProcessResult runProgram(const std::vector<std::string>& argv) {
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    ProcessResult result;
    if (rc != 0) {
        ::close(pipeFds[0]);
        throw std::runtime_error("cannot start " + argv[0]);
    }
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0)
        result.out.append(buffer, static_cast<std::size_t>(n));
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

EngineProcess::EngineProcess(const std::vector<std::string>& extraArgs) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    std::vector<std::string> argv = {builtProgram("engine/entropic-engine")};
    argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
    std::vector<char*> args;
    for (auto& a : argv)
        args.push_back(a.data());
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        throw std::runtime_error("cannot start " + argv[0]);
    }
    pid_ = pid;
    std::string line;
    char c = 0;
    while (::read(fds[0], &c, 1) == 1 && c != '\n')
        line += c;
    ::close(fds[0]);
    announcement_ = json::parse(line, nullptr, false);
}

EngineProcess::~EngineProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
}

int EngineProcess::waitExit() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace entropic::test
