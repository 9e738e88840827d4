#pragma once
// One named worker thread running jobs newest first: what the thumbnail and
// waveform caches decode on, so the UI thread never waits on a decode. The
// newest request is for what is on screen now; when more than maxPending
// wait, the oldest are dropped (their onDropped runs on the pushing thread,
// so a cache can forget it asked).
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include <QString>

class QThread;

namespace entropic::app {

class BackgroundQueue {
  public:
    BackgroundQueue(const QString& threadName, std::size_t maxPending);
    // Drops what waits and joins the thread after the running job (jobs are
    // bounded: one decode).
    ~BackgroundQueue();
    BackgroundQueue(const BackgroundQueue&) = delete;
    BackgroundQueue& operator=(const BackgroundQueue&) = delete;

    void push(std::function<void()> job, std::function<void()> onDropped = {});
    std::size_t pending() const;
    // True once the owner is being destroyed: long jobs check it and give up.
    bool stopping() const { return stopping_.load(); }

  private:
    struct Job {
        std::function<void()> run;
        std::function<void()> onDropped;
    };
    void loop();

    const std::size_t maxPending_;
    mutable std::mutex mutex_; // guards jobs_ and stop_
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stop_ = false;
    std::atomic<bool> stopping_{false};
    QThread* thread_ = nullptr;
};

} // namespace entropic::app
