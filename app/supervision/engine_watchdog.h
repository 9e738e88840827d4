#pragma once
// Pings one engine every interval from its own thread ("engine-watchdog") and
// its own socket, so a long render or a full request queue never delays a
// ping, and a frozen engine is noticed even while a request waits on it.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "supervision/worker_thread.h"

namespace entropic::app {

struct WatchdogReport {
    enum class Kind { Alive, Missed, Lost };
    Kind kind = Kind::Alive;
    bool busy = false;  // Alive: the engine said it is rendering or exporting
    int missed = 0;     // missed replies in a row so far
    std::string detail; // Missed/Lost: why the last ping failed
};

class EngineWatchdog {
  public:
    // Called on the watchdog thread after every ping. After `missesAllowed`
    // misses in a row it reports Lost once and stops pinging.
    using Sink = std::function<void(const WatchdogReport&)>;

    EngineWatchdog(std::string endpoint, std::chrono::milliseconds interval, int missesAllowed,
                   Sink sink);
    ~EngineWatchdog(); // stop(0)
    EngineWatchdog(const EngineWatchdog&) = delete;
    EngineWatchdog& operator=(const EngineWatchdog&) = delete;

    void stop(std::chrono::milliseconds wait);

  private:
    struct Shared;
    std::shared_ptr<Shared> shared_;
    std::unique_ptr<WorkerThread> thread_;
};

} // namespace entropic::app
