#pragma once
// A named std::thread whose owner can let go of it without blocking the UI.
//
// Our worker threads spend their time inside EngineClient::request, which
// cannot be interrupted: when an engine dies mid-request, its thread is stuck
// until that request's timeout. The owner therefore waits for the body only
// as long as it can afford (often not at all) and otherwise detaches it. This
// is safe because a body touches nothing but state it shares through a
// shared_ptr and a closed UiMailbox: it ends on its own at its timeout.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace entropic::app {

class WorkerThread {
  public:
    // name: shown by top/gdb (at most 15 characters are kept).
    WorkerThread(std::string name, std::function<void()> body);
    ~WorkerThread(); // finish(0)
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    // The body must already have been told to stop. Waits up to `wait` for it
    // to return and joins; if it is still running, detaches it.
    // Returns true if it was joined.
    bool finish(std::chrono::milliseconds wait);

  private:
    struct Done {
        std::mutex mutex;
        std::condition_variable cv;
        bool done = false;
    };
    std::shared_ptr<Done> done_;
    std::thread thread_;
};

} // namespace entropic::app
