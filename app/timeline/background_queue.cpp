#include "timeline/background_queue.h"

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <QThread>

namespace entropic::app {

BackgroundQueue::BackgroundQueue(const QString& threadName, std::size_t maxPending)
    : maxPending_(maxPending) {
    thread_ = QThread::create([this] {
        // Thumbnails and waveforms are nice to have; a frame the user is
        // waiting for is not. SCHED_IDLE runs this thread (and the decoder
        // threads it starts, which inherit it) only on a core nothing else
        // wants, so it never slows the engine's render of a knob change or
        // playback. (QThread priorities do nothing under SCHED_OTHER.)
        sched_param none{};
        if (::sched_setscheduler(0, SCHED_IDLE, &none) != 0)
            ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
        loop();
    });
    thread_->setObjectName(threadName); // becomes the OS thread name
    thread_->start();
}

BackgroundQueue::~BackgroundQueue() {
    stopping_ = true;
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        jobs_.clear();
    }
    wake_.notify_all();
    thread_->wait();
    delete thread_;
}

void BackgroundQueue::push(std::function<void()> job, std::function<void()> onDropped) {
    std::function<void()> dropped;
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back({std::move(job), std::move(onDropped)});
        if (jobs_.size() > maxPending_) {
            dropped = std::move(jobs_.front().onDropped);
            jobs_.pop_front();
        }
    }
    wake_.notify_one();
    if (dropped) dropped();
}

std::size_t BackgroundQueue::pending() const {
    std::lock_guard lock(mutex_);
    return jobs_.size();
}

void BackgroundQueue::loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
            if (stop_) return;
            job = std::move(jobs_.back());
            jobs_.pop_back();
        }
        job.run();
    }
}

} // namespace entropic::app
