#pragma once
// The request path to one engine: one thread ("engine-requests") owning one
// EngineClient, taking jobs in order. EngineClient is single-threaded and
// blocking; keeping it on its own thread is what lets the UI thread never wait
// on the engine. Jobs run strictly in the order posted, so a load_project sent
// before a render_frame is applied before it.
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "supervision/worker_thread.h"

namespace entropic::app {

struct RequestJob {
    std::uint64_t id = 0;
    nlohmann::json request;
    int timeoutMs = 5000;
};

class EngineRequestThread {
  public:
    // Called on the request thread with the engine's reply, or with an
    // engine_unavailable reply when the request timed out or could not be sent.
    using Deliver = std::function<void(std::uint64_t id, nlohmann::json reply)>;

    EngineRequestThread(std::string endpoint, Deliver deliver);
    ~EngineRequestThread(); // stop(0)
    EngineRequestThread(const EngineRequestThread&) = delete;
    EngineRequestThread& operator=(const EngineRequestThread&) = delete;

    void post(RequestJob job);
    // Jobs not yet started are dropped (their owner answers them); the one
    // running finishes at its timeout at the latest. Waits up to `wait`.
    void stop(std::chrono::milliseconds wait);

  private:
    struct Shared;
    std::shared_ptr<Shared> shared_;
    std::unique_ptr<WorkerThread> thread_;
};

} // namespace entropic::app
