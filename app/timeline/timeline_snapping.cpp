#include "timeline/timeline_snapping.h"

#include <algorithm>
#include <cmath>

namespace entropic::app {

SnapTargets::SnapTargets(const engine::Project& project, const EditorState& editor,
                         std::optional<std::int64_t> playhead,
                         const std::set<std::string>& excludeClips) {
    frames_.push_back(0);
    if (playhead) frames_.push_back(*playhead);
    for (const auto& track : project.tracks)
        for (const auto& clip : track.clips) {
            if (excludeClips.count(clip.id)) continue;
            frames_.push_back(clip.start);
            frames_.push_back(clip.end());
        }
    if (editor.inPoint) frames_.push_back(*editor.inPoint);
    if (editor.outPoint) frames_.push_back(*editor.outPoint);
    for (const auto& marker : editor.markers)
        frames_.push_back(marker.frame);
    std::sort(frames_.begin(), frames_.end());
    frames_.erase(std::unique(frames_.begin(), frames_.end()), frames_.end());
}

std::optional<std::int64_t> SnapTargets::snap(double frame, double maxDistance) const {
    std::optional<std::int64_t> best;
    double bestDistance = maxDistance;
    // The nearest target is among the ones just around `frame`.
    const auto it = std::lower_bound(frames_.begin(), frames_.end(),
                                     static_cast<std::int64_t>(std::floor(frame)));
    const auto index = it - frames_.begin();
    for (auto i = index - 1; i <= index + 1; ++i) {
        if (i < 0 || i >= static_cast<decltype(i)>(frames_.size())) continue;
        const double distance =
            std::abs(static_cast<double>(frames_[static_cast<std::size_t>(i)]) - frame);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = frames_[static_cast<std::size_t>(i)];
        }
    }
    return best;
}

std::int64_t SnapTargets::snapDelta(const std::vector<std::int64_t>& edges, std::int64_t delta,
                                    double maxDistance) const {
    std::int64_t best = delta;
    double bestDistance = maxDistance;
    for (std::int64_t edge : edges) {
        const auto target = snap(static_cast<double>(edge + delta), bestDistance);
        if (!target) continue;
        const double distance = std::abs(static_cast<double>(*target - (edge + delta)));
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = *target - edge;
        }
    }
    return best;
}

} // namespace entropic::app
