#pragma once
// Snapping: the frames an edit is pulled to when it comes within
// TimelineGeometry::kSnapPx of them — the playhead, clip edges, the in/out
// marks, markers and frame 0. Collected once when a drag starts (the project
// does not change under a drag), without the edges of the clips being dragged
// (and without the playhead while it is what is dragged).
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include <QString>

#include "entropic/engine/project/project.h"
#include "model/editor_state.h"

namespace entropic::app {

class SnapTargets {
  public:
    SnapTargets() = default;
    SnapTargets(const engine::Project& project, const EditorState& editor,
                std::optional<std::int64_t> playhead,
                const std::set<std::string>& excludeClips = {});

    const std::vector<std::int64_t>& frames() const { return frames_; } // sorted, unique

    // The target nearest `frame` no further than maxDistance frames, if any.
    std::optional<std::int64_t> snap(double frame, double maxDistance) const;
    // For a group of edges moving together by `delta` frames: the delta that
    // puts the edge closest to a target exactly on it (within maxDistance),
    // or delta unchanged.
    std::int64_t snapDelta(const std::vector<std::int64_t>& edges, std::int64_t delta,
                           double maxDistance) const;

  private:
    std::vector<std::int64_t> frames_;
};

} // namespace entropic::app
