#pragma once
// A named thread running queued tasks in order (probing media, for now), so
// slow file work never blocks the command loop.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace entropic::engine {

class WorkQueue {
  public:
    explicit WorkQueue(const std::string& threadName);
    ~WorkQueue(); // finishes the task in hand, drops the rest
    void post(std::function<void()> task);

  private:
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stop_ = false;
    std::thread thread_;
};

} // namespace entropic::engine
