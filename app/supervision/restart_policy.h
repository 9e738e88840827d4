#pragma once
// When to stop restarting an engine: one that dies again and again on the same
// project (an effect that crashes it) must not loop forever. More than
// maxRestarts deaths within `window` means give up; the user decides (bypass
// the effect, then retry).
#include <chrono>
#include <deque>

namespace entropic::app {

class RestartPolicy {
  public:
    using Clock = std::chrono::steady_clock;

    explicit RestartPolicy(int maxRestarts = 3,
                           std::chrono::milliseconds window = std::chrono::seconds(60))
        : maxRestarts_(maxRestarts), window_(window) {}

    // Records a death at `now`. True if the engine may be restarted; false if
    // this death makes more than maxRestarts within the window.
    bool allowRestart(Clock::time_point now = Clock::now());
    // Forgets past deaths (the user asked for a retry).
    void reset() { deaths_.clear(); }
    int deathsInWindow() const { return static_cast<int>(deaths_.size()); }
    int maxRestarts() const { return maxRestarts_; }
    std::chrono::milliseconds window() const { return window_; }

  private:
    int maxRestarts_;
    std::chrono::milliseconds window_;
    std::deque<Clock::time_point> deaths_; // within the window, oldest first
};

} // namespace entropic::app
