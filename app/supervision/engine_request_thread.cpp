#include "supervision/engine_request_thread.h"

#include <condition_variable>
#include <mutex>
#include <optional>

#include "entropic/ipc/engine_client.h"
#include "entropic/ipc/prompt_wakeups.h"
#include "supervision/engine_reply.h"

namespace entropic::app {

// Everything the thread touches: it may outlive the EngineRequestThread.
struct EngineRequestThread::Shared {
    std::mutex mutex; // guards jobs and stopping
    std::condition_variable cv;
    std::deque<RequestJob> jobs;
    bool stopping = false;
    std::string endpoint;
    Deliver deliver;

    std::optional<RequestJob> next() {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return stopping || !jobs.empty(); });
        if (stopping) return std::nullopt;
        RequestJob job = std::move(jobs.front());
        jobs.pop_front();
        return job;
    }

    void run() {
        // Replies wake this thread: it should not queue behind a decode.
        ipc::preferPromptWakeups(); // before the client: its I/O thread inherits it
        std::unique_ptr<ipc::EngineClient> client;
        std::string connectError;
        try {
            client = std::make_unique<ipc::EngineClient>(endpoint);
        } catch (const std::exception& e) {
            connectError = "cannot connect to the engine at " + endpoint + ": " + e.what();
        }
        while (auto job = next()) {
            if (!client) {
                deliver(job->id, engineUnavailableReply(connectError));
                continue;
            }
            nlohmann::json reply;
            try {
                reply = client->request(std::move(job->request), job->timeoutMs);
            } catch (const std::exception& e) {
                // A timeout (the socket is reset: the next request can go
                // through) or a reply that is not JSON.
                reply = engineUnavailableReply(e.what());
            }
            deliver(job->id, std::move(reply));
        }
    }
};

EngineRequestThread::EngineRequestThread(std::string endpoint, Deliver deliver)
    : shared_(std::make_shared<Shared>()) {
    shared_->endpoint = std::move(endpoint);
    shared_->deliver = std::move(deliver);
    thread_ =
        std::make_unique<WorkerThread>("engine-requests", [shared = shared_] { shared->run(); });
}

EngineRequestThread::~EngineRequestThread() {
    stop(std::chrono::milliseconds(0));
}

void EngineRequestThread::post(RequestJob job) {
    const std::lock_guard lock(shared_->mutex);
    shared_->jobs.push_back(std::move(job));
    shared_->cv.notify_one();
}

void EngineRequestThread::stop(std::chrono::milliseconds wait) {
    if (!thread_) return;
    {
        const std::lock_guard lock(shared_->mutex);
        shared_->stopping = true;
        shared_->jobs.clear();
        shared_->cv.notify_one();
    }
    thread_->finish(wait);
    thread_.reset();
}

} // namespace entropic::app
