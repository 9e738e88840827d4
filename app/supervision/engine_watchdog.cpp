#include "supervision/engine_watchdog.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "entropic/ipc/engine_client.h"
#include "entropic/ipc/prompt_wakeups.h"

namespace entropic::app {

struct EngineWatchdog::Shared {
    std::mutex mutex; // guards stopping
    std::condition_variable cv;
    bool stopping = false;
    std::string endpoint;
    std::chrono::milliseconds interval{1000};
    int missesAllowed = 3;
    Sink sink;

    // Sleeps until `until`; false if told to stop meanwhile.
    bool sleepUntil(std::chrono::steady_clock::time_point until) {
        std::unique_lock lock(mutex);
        return !cv.wait_until(lock, until, [&] { return stopping; });
    }
    bool stopped() {
        const std::lock_guard lock(mutex);
        return stopping;
    }

    void run() {
        // A ping answers in well under a millisecond even while the engine
        // renders; most of the interval is left as its timeout so a missed
        // reply is a real miss, and the cadence stays one ping per interval.
        const int timeoutMs = std::max<int>(50, static_cast<int>(interval.count() * 9 / 10));
        ipc::preferPromptWakeups(); // before the client: its I/O thread inherits it
        std::unique_ptr<ipc::EngineClient> client;
        int missed = 0;
        while (!stopped()) {
            const auto started = std::chrono::steady_clock::now();
            WatchdogReport report;
            try {
                if (!client) client = std::make_unique<ipc::EngineClient>(endpoint, timeoutMs);
                const auto reply = client->request({{"cmd", "ping"}}, timeoutMs);
                missed = 0;
                report.busy = reply.value("status", std::string()) == "busy";
            } catch (const std::exception& e) {
                ++missed;
                report.kind = WatchdogReport::Kind::Missed;
                report.detail = e.what();
            }
            report.missed = missed;
            if (stopped()) return;
            if (missed >= missesAllowed) {
                report.kind = WatchdogReport::Kind::Lost;
                sink(report);
                return;
            }
            sink(report);
            if (!sleepUntil(started + interval)) return;
        }
    }
};

EngineWatchdog::EngineWatchdog(std::string endpoint, std::chrono::milliseconds interval,
                               int missesAllowed, Sink sink)
    : shared_(std::make_shared<Shared>()) {
    shared_->endpoint = std::move(endpoint);
    shared_->interval = interval;
    shared_->missesAllowed = missesAllowed;
    shared_->sink = std::move(sink);
    thread_ =
        std::make_unique<WorkerThread>("engine-watchdog", [shared = shared_] { shared->run(); });
}

EngineWatchdog::~EngineWatchdog() {
    stop(std::chrono::milliseconds(0));
}

void EngineWatchdog::stop(std::chrono::milliseconds wait) {
    if (!thread_) return;
    {
        const std::lock_guard lock(shared_->mutex);
        shared_->stopping = true;
        shared_->cv.notify_all();
    }
    thread_->finish(wait);
    thread_.reset();
}

} // namespace entropic::app
