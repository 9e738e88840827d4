#pragma once
// The newest project snapshot. The command thread publishes an immutable
// snapshot; render and export threads take the newest once per frame, with no
// lock held while they work.
#include <atomic>
#include <memory>

#include "entropic/engine/error.h"
#include "entropic/engine/project/project.h"

namespace entropic::engine {

class ProjectSlot {
  public:
    void publish(ProjectSnapshot project) { current_.store(std::move(project)); }
    ProjectSnapshot current() const { return current_.load(); }
    // The current project, or a no_project error for a command that needs one.
    ProjectSnapshot required() const {
        ProjectSnapshot project = current();
        if (!project)
            throw EngineError(errc::kNoProject, "no project loaded yet (send load_project)");
        return project;
    }

  private:
    std::atomic<ProjectSnapshot> current_;
};

} // namespace entropic::engine
