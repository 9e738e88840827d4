#pragma once
// One export at a time, on its own thread ("entropic-export"), with its own
// renderer and decoders, so previews keep working while it runs.
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "entropic/engine/project/project.h"
#include "entropic/engine/render/export_job.h"

namespace entropic::engine {

class ExportWorker {
  public:
    ~ExportWorker(); // cancels a running export and waits for it (its partial file is removed)

    // Starts an export; throws EngineError(busy) while one runs.
    void start(ProjectSnapshot project, ExportSettings settings);
    // {"state": idle|running|done|failed|cancelled, "path", "format", "frames_done",
    //  "frames_total", "progress", "fps", "elapsed_s", ["error": {code, message}]}
    // path and format are what a supervisor needs to find the partial output
    // (partialOutputFor) should this engine die mid-export.
    nlohmann::json status() const;
    bool cancel(); // true if an export was running
    bool running() const { return running_.load(); }

  private:
    void join();

    mutable std::mutex mutex_; // guards the fields below but the atomics
    std::string state_ = "idle";
    std::string path_;
    std::string format_; // the format id, resolved from the path when none was asked for
    std::string errorCode_, errorMessage_;
    std::chrono::steady_clock::time_point started_, finished_;
    std::atomic<std::int64_t> done_{0}, total_{0};
    std::atomic<bool> cancel_{false};
    std::atomic<bool> running_{false};
    std::thread thread_;
};

} // namespace entropic::engine
