#pragma once
// A RowRunner backed by worker threads ("entropic-rows-N"), owned by whoever
// renders. Rows are cut into a few contiguous bands per thread, which the
// calling thread and the workers take in turn: when a core is busy with
// something else (the decoder reading ahead), the threads on the free core
// take more bands instead of the whole run waiting for the preempted one.
// Effects compute rows independently, so the split never shows in the output.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "entropic/effects/parallel.h"

namespace entropic::engine {

class ThreadRows final : public fx::RowRunner {
  public:
    // threads <= 0: one per core. One band always runs on the calling thread.
    explicit ThreadRows(int threads = 0);
    ~ThreadRows() override;
    ThreadRows(const ThreadRows&) = delete;
    ThreadRows& operator=(const ThreadRows&) = delete;

    int threads() const { return static_cast<int>(workers_.size()) + 1; }
    // Not reentrant: one run() at a time per ThreadRows (each renderer owns one).
    void run(int rows, const std::function<void(int begin, int end)>& fn) const override;

  private:
    static constexpr int kChunksPerThread = 4;

    void workerLoop();
    // Takes bands of run `generation` until none is left.
    void work(std::uint64_t generation) const;

    mutable std::mutex mutex_;
    mutable std::condition_variable wake_;
    mutable std::condition_variable done_;
    mutable const std::function<void(int, int)>* job_ = nullptr;
    mutable int rows_ = 0;
    mutable int chunks_ = 0;     // bands of the current run
    mutable int next_ = 0;       // the next band to take
    mutable int unfinished_ = 0; // bands not done yet
    mutable std::uint64_t generation_ = 0;
    bool stop_ = false;
    std::vector<std::thread> workers_;
};

} // namespace entropic::engine
