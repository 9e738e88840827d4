#pragma once
// Shared by the engine tests: sample projects, scratch folders, test media,
// and child processes.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace entropic::test {

// A valid project: V1 with one 30-frame clip of `source` (levels + a masked
// channel shift at mix 0.5) at frame 10, and an audio track A1.
nlohmann::json sampleProjectJson(const std::string& source);

// A project of one clip of `source` (length frames from in 0) carrying `effects`.
nlohmann::json clipProjectJson(const std::string& source, std::int64_t frames,
                               const nlohmann::json& effects, int width = 320, int height = 240);

// A fresh, empty folder under the build tree for this test.
std::filesystem::path scratchDir(const std::string& name);

// A file made by tests/media/make-test-media.sh.
std::string testMedia(const std::string& name);

// Path of a program built in this tree (e.g. "engine/entropic-render").
std::string builtProgram(const std::string& relative);

struct ProcessResult {
    int exitCode = -1; // -1: killed by a signal
    std::string out;   // stdout and stderr together
};
// Runs a program to completion (argv[0] is the program path); no shell.
ProcessResult runProgram(const std::vector<std::string>& argv);

// entropic-engine started as a child process; killed (SIGKILL) on destruction
// unless it was waited for. `announcement` is the JSON line it prints when
// ready (discarded JSON if it exited first).
class EngineProcess {
  public:
    explicit EngineProcess(const std::vector<std::string>& extraArgs = {});
    ~EngineProcess();
    EngineProcess(const EngineProcess&) = delete;
    EngineProcess& operator=(const EngineProcess&) = delete;

    int pid() const { return pid_; }
    const nlohmann::json& announcement() const { return announcement_; }
    std::string endpoint() const { return announcement_.value("endpoint", ""); }
    std::string ring() const { return announcement_.value("ring", ""); }
    // Waits for exit; the exit code, or -1 if a signal ended it.
    int waitExit();

  private:
    int pid_ = -1;
    nlohmann::json announcement_;
};

} // namespace entropic::test
