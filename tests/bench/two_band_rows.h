#pragma once
// The engine's way of splitting rows for the benchmarks: two contiguous bands,
// the caller's and one persistent worker's (as ThreadRows), so a frame costs
// one wake-up, not a thread start.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "entropic/effects/parallel.h"

namespace entropic::bench {

class TwoBandRows final : public fx::RowRunner {
  public:
    TwoBandRows() : worker_([this] { loop(); }) {}
    ~TwoBandRows() override {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        worker_.join();
    }
    void run(int rows, const std::function<void(int, int)>& fn) const override {
        if (rows < 2) {
            if (rows > 0) fn(0, rows);
            return;
        }
        {
            std::lock_guard lock(mutex_);
            job_ = &fn;
            rows_ = rows;
            busy_ = true;
            ++generation_;
        }
        wake_.notify_all();
        fn(0, rows / 2);
        std::unique_lock lock(mutex_);
        done_.wait(lock, [this] { return !busy_; });
    }

  private:
    void loop() {
        std::uint64_t seen = 0;
        for (;;) {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) return;
            seen = generation_;
            const auto* job = job_;
            const int rows = rows_;
            lock.unlock();
            (*job)(rows / 2, rows);
            lock.lock();
            busy_ = false;
            done_.notify_one();
        }
    }
    mutable std::mutex mutex_;
    mutable std::condition_variable wake_, done_;
    mutable const std::function<void(int, int)>* job_ = nullptr;
    mutable int rows_ = 0;
    mutable bool busy_ = false;
    mutable std::uint64_t generation_ = 0;
    bool stop_ = false;
    std::thread worker_;
};

} // namespace entropic::bench
