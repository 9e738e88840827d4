#include "supervision/worker_thread.h"

#include <pthread.h>

namespace entropic::app {

WorkerThread::WorkerThread(std::string name, std::function<void()> body)
    : done_(std::make_shared<Done>()) {
    thread_ = std::thread([done = done_, name = std::move(name), body = std::move(body)] {
        ::pthread_setname_np(::pthread_self(), name.substr(0, 15).c_str());
        body();
        const std::lock_guard lock(done->mutex);
        done->done = true;
        done->cv.notify_all();
    });
}

WorkerThread::~WorkerThread() {
    finish(std::chrono::milliseconds(0));
}

bool WorkerThread::finish(std::chrono::milliseconds wait) {
    if (!thread_.joinable()) return true;
    bool done = false;
    {
        std::unique_lock lock(done_->mutex);
        done = done_->cv.wait_for(lock, wait, [&] { return done_->done; });
    }
    if (done) {
        thread_.join();
        return true;
    }
    thread_.detach();
    return false;
}

} // namespace entropic::app
