#include "commands/track_commands.h"

#include <algorithm>
#include <stdexcept>

#include "commands/command_codec.h"
#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

namespace {

// Removes id from a list and says where it was (-1: absent).
int eraseId(std::vector<std::string>& list, const std::string& id) {
    auto it = std::find(list.begin(), list.end(), id);
    if (it == list.end()) return -1;
    const int at = static_cast<int>(it - list.begin());
    list.erase(it);
    return at;
}

void insertId(std::vector<std::string>& list, const std::string& id, int at) {
    if (at < 0) return;
    list.insert(
        list.begin() + std::min<std::ptrdiff_t>(at, static_cast<std::ptrdiff_t>(list.size())), id);
}

} // namespace

TrackInsertCommand::TrackInsertCommand(QString text, bool insert, engine::Track track,
                                       std::size_t index)
    : text_(std::move(text)), insert_(insert), track_(std::move(track)), index_(index) {}

void TrackInsertCommand::putIn(ProjectDocument& document) {
    auto& tracks = document.mutableProject().tracks;
    tracks.insert(tracks.begin() + static_cast<std::ptrdiff_t>(std::min(index_, tracks.size())),
                  track_);
    auto& editor = document.mutableEditorState();
    insertId(editor.lockedTracks, track_.id, lockedAt_);
    insertId(editor.soloTracks, track_.id, soloAt_);
    document.notifyChanged();
}

void TrackInsertCommand::takeOut(ProjectDocument& document) {
    auto& tracks = document.mutableProject().tracks;
    if (index_ >= tracks.size() || tracks[index_].id != track_.id)
        throw std::logic_error("track command: track " + track_.id + " is not at its index");
    // The track's clips may have changed since the command was made (only for
    // a delete: redo runs on the state it was built from, so this is a no-op
    // copy then, but it keeps the inverse honest).
    track_ = tracks[index_];
    tracks.erase(tracks.begin() + static_cast<std::ptrdiff_t>(index_));
    auto& editor = document.mutableEditorState();
    lockedAt_ = eraseId(editor.lockedTracks, track_.id);
    soloAt_ = eraseId(editor.soloTracks, track_.id);
    document.notifyChanged();
}

void TrackInsertCommand::redo(ProjectDocument& document) {
    insert_ ? putIn(document) : takeOut(document);
}

void TrackInsertCommand::undo(ProjectDocument& document) {
    insert_ ? takeOut(document) : putIn(document);
}

std::size_t TrackInsertCommand::memoryCost() const {
    return sizeof(*this) + trackCost(track_) + static_cast<std::size_t>(text_.size()) * 2;
}

json TrackInsertCommand::stateToJson() const {
    return {{"insert", insert_},
            {"track", trackToJson(track_)},
            {"index", index_},
            {"locked_at", lockedAt_},
            {"solo_at", soloAt_}};
}

std::unique_ptr<EditCommand> TrackInsertCommand::fromJson(const QString& text, const json& state,
                                                          const ProjectDocument& document) {
    auto command = std::make_unique<TrackInsertCommand>(
        text, state.at("insert").get<bool>(),
        trackFromJson(state.at("track"), document.project().baseDir),
        state.at("index").get<std::size_t>());
    command->lockedAt_ = state.at("locked_at").get<int>();
    command->soloAt_ = state.at("solo_at").get<int>();
    return command;
}

TrackProperties TrackProperties::of(const engine::Track& track) {
    return {track.name, track.muted, track.opacity, track.volumeDb, track.blend};
}

void TrackProperties::applyTo(engine::Track& track) const {
    track.name = name;
    track.muted = muted;
    track.opacity = opacity;
    track.volumeDb = volumeDb;
    track.blend = blend;
}

TrackPropertyCommand::TrackPropertyCommand(QString text, std::string trackId,
                                           TrackProperties before, TrackProperties after,
                                           int gestureId)
    : text_(std::move(text)), trackId_(std::move(trackId)), before_(std::move(before)),
      after_(std::move(after)), gestureId_(gestureId) {}

void TrackPropertyCommand::apply(ProjectDocument& document, const TrackProperties& values) {
    for (auto& t : document.mutableProject().tracks)
        if (t.id == trackId_) {
            values.applyTo(t);
            document.notifyChanged();
            return;
        }
    throw std::logic_error("track command: no track " + trackId_);
}

void TrackPropertyCommand::redo(ProjectDocument& document) {
    apply(document, after_);
}
void TrackPropertyCommand::undo(ProjectDocument& document) {
    apply(document, before_);
}

std::size_t TrackPropertyCommand::memoryCost() const {
    return sizeof(*this) + trackId_.size() + before_.name.size() + after_.name.size() +
           static_cast<std::size_t>(text_.size()) * 2;
}

bool TrackPropertyCommand::mergeWith(const EditCommand& next) {
    const auto* other = dynamic_cast<const TrackPropertyCommand*>(&next);
    if (!other || other->gestureId_ != gestureId_ || other->trackId_ != trackId_) return false;
    after_ = other->after_;
    return true;
}

namespace {
json propertiesToJson(const TrackProperties& p) {
    return {{"name", p.name},
            {"muted", p.muted},
            {"opacity", p.opacity},
            {"volume_db", p.volumeDb},
            {"blend", fx::blendModeName(p.blend)}};
}
TrackProperties propertiesFromJson(const json& j) {
    // Spilled histories written before blend modes have none: normal.
    const auto blend = fx::blendModeFromName(j.value("blend", std::string("normal")));
    if (!blend) throw std::runtime_error("unknown blend mode " + j.at("blend").get<std::string>());
    return {j.at("name").get<std::string>(), j.at("muted").get<bool>(),
            j.at("opacity").get<double>(), j.at("volume_db").get<double>(), *blend};
}
} // namespace

json TrackPropertyCommand::stateToJson() const {
    return {{"track", trackId_},
            {"before", propertiesToJson(before_)},
            {"after", propertiesToJson(after_)},
            {"gesture", gestureId_}};
}

std::unique_ptr<EditCommand> TrackPropertyCommand::fromJson(const QString& text, const json& state,
                                                            const ProjectDocument&) {
    return std::make_unique<TrackPropertyCommand>(
        text, state.at("track").get<std::string>(), propertiesFromJson(state.at("before")),
        propertiesFromJson(state.at("after")), state.at("gesture").get<int>());
}

} // namespace entropic::app
