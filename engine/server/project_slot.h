#pragma once
// The newest project snapshot. The command thread publishes an immutable
// snapshot; render and export threads take the newest once per frame, with no
// lock held while they work.
#include <atomic>
#include <memory>

#include "entropic/engine/project/project.h"

namespace entropic::engine {

class ProjectSlot {
  public:
    void publish(ProjectSnapshot project) { current_.store(std::move(project)); }
    ProjectSnapshot current() const { return current_.load(); }

  private:
    std::atomic<ProjectSnapshot> current_;
};

} // namespace entropic::engine
