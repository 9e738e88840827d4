#include "commands/clip_set_command.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

namespace {

engine::Track& trackById(engine::Project& project, const std::string& id) {
    for (auto& t : project.tracks)
        if (t.id == id) return t;
    // Commands are built from the state they apply to; a missing track means
    // the history is out of step with the document, a programming error.
    throw std::logic_error("clip command: no track " + id);
}

} // namespace

ClipSetCommand::ClipSetCommand(QString text, std::vector<PlacedClip> removed,
                               std::vector<PlacedClip> inserted, bool critical)
    : text_(std::move(text)), removed_(std::move(removed)), inserted_(std::move(inserted)),
      critical_(critical) {}

std::vector<ClipSetCommand::Position> ClipSetCommand::take(engine::Project& project,
                                                           const std::vector<PlacedClip>& clips) {
    std::vector<Position> positions;
    for (const auto& placed : clips) {
        auto& track = trackById(project, placed.trackId);
        auto it = std::find_if(track.clips.begin(), track.clips.end(),
                               [&](const engine::Clip& c) { return c.id == placed.clip.id; });
        if (it == track.clips.end())
            throw std::logic_error("clip command: no clip " + placed.clip.id + " on " +
                                   placed.trackId);
        positions.push_back({placed.trackId, static_cast<std::size_t>(it - track.clips.begin())});
        track.clips.erase(it);
    }
    // Indices were taken one after another; turn them into indices in the
    // original vector, so putting back in ascending order restores it.
    for (std::size_t i = 1; i < positions.size(); ++i) {
        std::vector<std::size_t> earlier;
        for (std::size_t j = 0; j < i; ++j)
            if (positions[j].trackId == positions[i].trackId) earlier.push_back(positions[j].index);
        std::sort(earlier.begin(), earlier.end());
        for (const std::size_t original : earlier)
            if (original <= positions[i].index) ++positions[i].index;
    }
    return positions;
}

void ClipSetCommand::put(engine::Project& project, const std::vector<PlacedClip>& clips,
                         const std::vector<Position>& positions) {
    if (positions.empty()) {
        for (const auto& placed : clips) {
            auto& track = trackById(project, placed.trackId);
            // Before the first clip that starts later: tracks stay in start order.
            auto it =
                std::find_if(track.clips.begin(), track.clips.end(),
                             [&](const engine::Clip& c) { return c.start > placed.clip.start; });
            track.clips.insert(it, placed.clip);
        }
        return;
    }
    std::vector<std::size_t> order(clips.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return positions[a].index < positions[b].index;
    });
    for (const std::size_t i : order) {
        auto& track = trackById(project, positions[i].trackId);
        const auto at = std::min(positions[i].index, track.clips.size());
        track.clips.insert(track.clips.begin() + static_cast<std::ptrdiff_t>(at), clips[i].clip);
    }
}

void ClipSetCommand::redo(ProjectDocument& document) {
    auto& project = document.mutableProject();
    removedAt_ = take(project, removed_);
    put(project, inserted_, {});
    document.notifyChanged();
}

void ClipSetCommand::undo(ProjectDocument& document) {
    auto& project = document.mutableProject();
    take(project, inserted_);
    put(project, removed_, removedAt_);
    document.notifyChanged();
}

std::size_t ClipSetCommand::memoryCost() const {
    std::size_t bytes = sizeof(*this) + static_cast<std::size_t>(text_.size()) * 2;
    for (const auto& c : removed_)
        bytes += clipCost(c.clip) + c.trackId.size();
    for (const auto& c : inserted_)
        bytes += clipCost(c.clip) + c.trackId.size();
    return bytes;
}

json ClipSetCommand::stateToJson() const {
    json at = json::array();
    for (const auto& p : removedAt_)
        at.push_back({p.trackId, p.index});
    return {{"removed", placedClipsToJson(removed_)},
            {"inserted", placedClipsToJson(inserted_)},
            {"removed_at", std::move(at)},
            {"critical", critical_}};
}

std::unique_ptr<EditCommand> ClipSetCommand::fromJson(const QString& text, const json& state,
                                                      const ProjectDocument& document) {
    const std::string base = document.project().baseDir;
    auto command = std::make_unique<ClipSetCommand>(
        text, placedClipsFromJson(state.at("removed"), base),
        placedClipsFromJson(state.at("inserted"), base), state.at("critical").get<bool>());
    for (const auto& p : state.at("removed_at"))
        command->removedAt_.push_back({p.at(0).get<std::string>(), p.at(1).get<std::size_t>()});
    return command;
}

} // namespace entropic::app
