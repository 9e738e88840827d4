#include "supervision/restart_policy.h"

namespace entropic::app {

bool RestartPolicy::allowRestart(Clock::time_point now) {
    while (!deaths_.empty() && now - deaths_.front() >= window_)
        deaths_.pop_front();
    deaths_.push_back(now);
    return static_cast<int>(deaths_.size()) <= maxRestarts_;
}

} // namespace entropic::app
