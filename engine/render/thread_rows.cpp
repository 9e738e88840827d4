#include "entropic/engine/render/thread_rows.h"

#include <pthread.h>

#include <string>

namespace entropic::engine {
namespace {

void bandOf(int rows, int bands, int band, int& begin, int& end) {
    begin = static_cast<int>(static_cast<long long>(rows) * band / bands);
    end = static_cast<int>(static_cast<long long>(rows) * (band + 1) / bands);
}

} // namespace

ThreadRows::ThreadRows(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 1; i < threads; ++i) {
        workers_.emplace_back([this, i] { workerLoop(i); });
        const std::string name = "entropic-rows-" + std::to_string(i);
        pthread_setname_np(workers_.back().native_handle(), name.c_str());
    }
}

ThreadRows::~ThreadRows() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : workers_)
        t.join();
}

void ThreadRows::run(int rows, const std::function<void(int, int)>& fn) const {
    const int bands = threads();
    if (bands == 1 || rows < 2 * bands) {
        if (rows > 0) fn(0, rows);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        job_ = &fn;
        rows_ = rows;
        pending_ = bands - 1;
        ++generation_;
    }
    wake_.notify_all();
    int begin = 0, end = 0;
    bandOf(rows, bands, 0, begin, end);
    fn(begin, end);
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    job_ = nullptr;
}

void ThreadRows::workerLoop(int worker) {
    std::uint64_t seen = 0;
    for (;;) {
        const std::function<void(int, int)>* job = nullptr;
        int rows = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) return;
            seen = generation_;
            job = job_;
            rows = rows_;
        }
        int begin = 0, end = 0;
        bandOf(rows, threads(), worker, begin, end);
        (*job)(begin, end);
        {
            std::lock_guard lock(mutex_);
            --pending_;
        }
        done_.notify_one();
    }
}

} // namespace entropic::engine
