#include "entropic/engine/render/thread_rows.h"

#include <pthread.h>

#include <algorithm>
#include <cstdint>
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
        workers_.emplace_back([this] { workerLoop(); });
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
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(mutex_);
        job_ = &fn;
        rows_ = rows;
        chunks_ = std::min(rows / 2, bands * kChunksPerThread);
        next_ = 0;
        unfinished_ = chunks_;
        generation = ++generation_;
    }
    wake_.notify_all();
    work(generation);
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return unfinished_ == 0; });
    job_ = nullptr;
}

void ThreadRows::work(std::uint64_t generation) const {
    for (;;) {
        const std::function<void(int, int)>* job = nullptr;
        int begin = 0, end = 0;
        {
            std::lock_guard lock(mutex_);
            // A worker that woke late finds the run over (or a newer one: it
            // waits for that one's wake-up instead of joining half-way).
            if (generation_ != generation || next_ >= chunks_) return;
            job = job_;
            bandOf(rows_, chunks_, next_++, begin, end);
        }
        (*job)(begin, end);
        std::lock_guard lock(mutex_);
        if (--unfinished_ == 0) done_.notify_all();
    }
}

void ThreadRows::workerLoop() {
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) return;
            seen = generation_;
        }
        work(seen);
    }
}

} // namespace entropic::engine
