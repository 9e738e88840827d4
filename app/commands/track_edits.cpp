// edits.h: tracks (add, delete, rename, mute, lock, solo, opacity, blend, volume).
#include <algorithm>

#include "commands/edit_rules.h"
#include "commands/editor_state_command.h"
#include "commands/edits.h"
#include "commands/signal_pruning.h"
#include "commands/track_commands.h"

namespace entropic::app::edits {

using namespace rules;

namespace {

const engine::Track* trackOrRefuse(const ProjectDocument& doc, const QString& trackId,
                                   QString* error, std::size_t* index = nullptr) {
    const auto* track = findTrack(doc.project(), trackId.toStdString(), index);
    if (!track) refuse(error, QStringLiteral("There is no track %1").arg(trackId));
    return track;
}

bool changeProperties(ProjectDocument& doc, const engine::Track& track,
                      const TrackProperties& after, const QString& text, int gestureId) {
    const auto before = TrackProperties::of(track);
    if (before == after) return true;
    doc.push(std::make_unique<TrackPropertyCommand>(text, track.id, before, after, gestureId));
    return true;
}

// Lock and solo are lists of track ids in the editor state.
bool setFlag(ProjectDocument& doc, const QString& trackId, bool on, EditorPart part,
             const QString& text, QString* error) {
    if (!trackOrRefuse(doc, trackId, error)) return false;
    const EditorState before = doc.editorState();
    EditorState after = before;
    auto& list = part == kPartLocked ? after.lockedTracks : after.soloTracks;
    const std::string id = trackId.toStdString();
    const bool present = std::find(list.begin(), list.end(), id) != list.end();
    if (present == on) return true;
    if (on)
        list.push_back(id);
    else
        list.erase(std::find(list.begin(), list.end(), id));
    doc.push(std::make_unique<EditorStateCommand>(text, part, before, std::move(after)));
    return true;
}

} // namespace

bool addTrack(ProjectDocument& doc, engine::TrackKind kind, QString* error, QString* newTrackId) {
    (void)error;
    engine::Track track;
    track.kind = kind;
    track.id =
        doc.newId(kind == engine::TrackKind::Video ? QStringLiteral("V") : QStringLiteral("A"))
            .toStdString();
    track.name = track.id;
    if (newTrackId) *newTrackId = q(track.id);
    const QString text = QStringLiteral("Add track %1").arg(q(track.id));
    const auto index = doc.project().tracks.size();
    doc.push(std::make_unique<TrackInsertCommand>(text, true, std::move(track), index));
    return true;
}

bool removeTrack(ProjectDocument& doc, const QString& trackId, QString* error) {
    std::size_t index = 0;
    const auto* track = trackOrRefuse(doc, trackId, error, &index);
    if (!track) return false;
    if (isLocked(doc.editorState(), track->id))
        return refuse(error, QStringLiteral("Track %1 is locked").arg(trackId));
    pushKeepingSignalsWhole(
        doc, std::make_unique<TrackInsertCommand>(QStringLiteral("Delete track %1").arg(trackId),
                                                  false, *track, index));
    return true;
}

bool renameTrack(ProjectDocument& doc, const QString& trackId, const QString& name,
                 QString* error) {
    const auto* track = trackOrRefuse(doc, trackId, error);
    if (!track) return false;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) return refuse(error, QStringLiteral("A track needs a name"));
    auto after = TrackProperties::of(*track);
    after.name = trimmed.toStdString();
    return changeProperties(doc, *track, after, QStringLiteral("Rename track %1").arg(trackId), 0);
}

bool setTrackMuted(ProjectDocument& doc, const QString& trackId, bool muted, QString* error) {
    const auto* track = trackOrRefuse(doc, trackId, error);
    if (!track) return false;
    auto after = TrackProperties::of(*track);
    after.muted = muted;
    return changeProperties(
        doc, *track, after,
        (muted ? QStringLiteral("Mute track %1") : QStringLiteral("Unmute track %1")).arg(trackId),
        0);
}

bool setTrackOpacity(ProjectDocument& doc, const QString& trackId, double opacity, QString* error,
                     int gestureId) {
    const auto* track = trackOrRefuse(doc, trackId, error);
    if (!track) return false;
    if (track->kind != engine::TrackKind::Video)
        return refuse(error, QStringLiteral("Track %1 is an audio track").arg(trackId));
    if (!(opacity >= 0 && opacity <= 1))
        return refuse(error, QStringLiteral("Opacity goes from 0 to 100 %"));
    auto after = TrackProperties::of(*track);
    after.opacity = opacity;
    return changeProperties(doc, *track, after, QStringLiteral("Set track %1 opacity").arg(trackId),
                            gestureId);
}

bool setTrackBlend(ProjectDocument& doc, const QString& trackId, fx::BlendMode mode,
                   QString* error) {
    const auto* track = trackOrRefuse(doc, trackId, error);
    if (!track) return false;
    if (track->kind != engine::TrackKind::Video)
        return refuse(error, QStringLiteral("Track %1 is an audio track").arg(trackId));
    if (track->blend == mode) return true;
    auto after = TrackProperties::of(*track);
    after.blend = mode;
    const std::string_view label = fx::blendModeLabel(mode);
    return changeProperties(
        doc, *track, after,
        QStringLiteral("Blend track %1: %2")
            .arg(trackId, QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()))),
        0);
}

bool setTrackVolume(ProjectDocument& doc, const QString& trackId, double volumeDb, QString* error,
                    int gestureId) {
    const auto* track = trackOrRefuse(doc, trackId, error);
    if (!track) return false;
    if (!(volumeDb >= -96 && volumeDb <= 24))
        return refuse(error, QStringLiteral("Volume goes from -96 dB to +24 dB"));
    auto after = TrackProperties::of(*track);
    after.volumeDb = volumeDb;
    return changeProperties(doc, *track, after, QStringLiteral("Set track %1 volume").arg(trackId),
                            gestureId);
}

bool setTrackLocked(ProjectDocument& doc, const QString& trackId, bool locked, QString* error) {
    return setFlag(
        doc, trackId, locked, kPartLocked,
        (locked ? QStringLiteral("Lock track %1") : QStringLiteral("Unlock track %1")).arg(trackId),
        error);
}

bool setTrackSolo(ProjectDocument& doc, const QString& trackId, bool solo, QString* error) {
    return setFlag(
        doc, trackId, solo, kPartSolo,
        (solo ? QStringLiteral("Solo track %1") : QStringLiteral("Unsolo track %1")).arg(trackId),
        error);
}

} // namespace entropic::app::edits
