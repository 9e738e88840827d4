#pragma once
// A RowRunner backed by worker threads ("entropic-rows-N"), owned by whoever
// renders. Bands are contiguous and fixed by the row count and thread count;
// effects compute rows independently, so the split never shows in the output.
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
    void workerLoop(int worker);

    mutable std::mutex mutex_;
    mutable std::condition_variable wake_;
    mutable std::condition_variable done_;
    mutable const std::function<void(int, int)>* job_ = nullptr;
    mutable int rows_ = 0;
    mutable std::uint64_t generation_ = 0;
    mutable int pending_ = 0;
    bool stop_ = false;
    std::vector<std::thread> workers_;
};

} // namespace entropic::engine
