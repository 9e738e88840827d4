#include "work_queue.h"

#include <pthread.h>

namespace entropic::engine {

WorkQueue::WorkQueue(const std::string& threadName) {
    thread_ = std::thread([this] {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
                if (stop_) return;
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();
        }
    });
    pthread_setname_np(thread_.native_handle(), threadName.substr(0, 15).c_str());
}

WorkQueue::~WorkQueue() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void WorkQueue::post(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

} // namespace entropic::engine
