// edits.h: a clip's name and enabled flag, and linked sound — a video clip
// whose sound sits on an audio track as a linked clip (added together, split
// off later, linked and unlinked). Each is one ClipSetCommand, with the new
// audio track when one is needed, as one history entry.
#include "commands/clip_set_command.h"
#include "commands/compound_command.h"
#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "commands/track_commands.h"

namespace entropic::app::edits {

using namespace rules;

namespace {

// The clips as they are and as `change` makes them (those it changes), or a refusal.
template <typename Change>
bool changedClips(const ProjectDocument& doc, const QStringList& ids, Change change,
                  std::vector<PlacedClip>& before, std::vector<PlacedClip>& after, QString* error) {
    for (const QString& id : ids) {
        ClipRef ref;
        if (!clipOrRefuse(doc, id, ref, error)) return false;
        PlacedClip changed = placed(ref);
        change(changed.clip);
        if (engine::clipToJson(changed.clip, changed.kind) ==
            engine::clipToJson(*ref.clip, ref.track->kind))
            continue;
        before.push_back(placed(ref));
        after.push_back(std::move(changed));
    }
    return true;
}

// The audio track a clip's sound goes on: the first (top-down) unlocked one
// with room for [start, end); none has room: a new one, in *newTrack.
std::string soundTrack(const ProjectDocument& doc, std::int64_t start, std::int64_t end,
                       std::unique_ptr<EditCommand>& newTrack) {
    for (const auto& track : doc.project().tracks)
        if (track.kind == engine::TrackKind::Audio && !isLocked(doc.editorState(), track.id) &&
            !overlapping(track.clips, start, end, {}))
            return track.id;
    engine::Track track;
    track.kind = engine::TrackKind::Audio;
    track.id = doc.newId(QStringLiteral("A")).toStdString();
    track.name = track.id;
    const std::string id = track.id;
    newTrack = std::make_unique<TrackInsertCommand>(QStringLiteral("Add track %1").arg(q(id)), true,
                                                    std::move(track), doc.project().tracks.size());
    return id;
}

// The sound of `video` as an audio clip at the same place, linked to it.
PlacedClip soundOf(const engine::Clip& video, const std::string& trackId,
                   const std::string& clipId) {
    PlacedClip sound{trackId, engine::TrackKind::Audio, video};
    sound.clip.id = clipId;
    sound.clip.effects.clear(); // effects are pictures
    sound.clip.soundMuted = false;
    sound.clip.enabled = video.enabled;
    return sound;
}

void pushWithTrack(ProjectDocument& doc, const QString& text, std::unique_ptr<EditCommand> newTrack,
                   std::vector<PlacedClip> removed, std::vector<PlacedClip> inserted) {
    auto clips = std::make_unique<ClipSetCommand>(text, std::move(removed), std::move(inserted));
    if (!newTrack) return doc.push(std::move(clips));
    std::vector<std::unique_ptr<EditCommand>> parts;
    parts.push_back(std::move(newTrack));
    parts.push_back(std::move(clips));
    doc.push(std::make_unique<CompoundCommand>(text, std::move(parts)));
}

} // namespace

bool renameClip(ProjectDocument& doc, const QString& clipId, const QString& name, QString* error) {
    std::vector<PlacedClip> before, after;
    const std::string trimmed = name.trimmed().toStdString();
    if (!changedClips(
            doc, {clipId}, [&](engine::Clip& c) { c.name = trimmed; }, before, after, error))
        return false;
    if (before.empty()) return true;
    const QString text = trimmed.empty()
                             ? QStringLiteral("Clear the name of clip %1").arg(clipId)
                             : QStringLiteral("Rename clip %1 to %2").arg(clipId, q(trimmed));
    doc.push(std::make_unique<ClipSetCommand>(text, std::move(before), std::move(after)));
    return true;
}

bool setClipsEnabled(ProjectDocument& doc, const QStringList& clipIds, bool enabled,
                     QString* error) {
    std::vector<PlacedClip> before, after;
    if (!changedClips(
            doc, withLinked(doc.project(), clipIds), [&](engine::Clip& c) { c.enabled = enabled; },
            before, after, error))
        return false;
    if (before.empty()) return true;
    doc.push(std::make_unique<ClipSetCommand>(
        clipsText(enabled ? QStringLiteral("Enable") : QStringLiteral("Disable"), before),
        std::move(before), std::move(after)));
    return true;
}

bool addClipWithLinkedSound(ProjectDocument& doc, const QString& trackId, const QString& source,
                            std::int64_t start, std::int64_t in, std::int64_t out, QString* error,
                            QString* newClipId, QString* newSoundId) {
    IdSource clipIds(doc, QStringLiteral("clip-"));
    const engine::Track* track = nullptr;
    engine::Clip video;
    if (!newClip(doc, trackId, source, start, in, out, clipIds.next(), engine::TrackKind::Video,
                 track, video, error))
        return false;
    video.link = IdSource(doc, QStringLiteral("link-")).next();
    video.soundMuted = true;
    std::unique_ptr<EditCommand> newTrack;
    const std::string audioTrack = soundTrack(doc, video.start, video.end(), newTrack);
    PlacedClip sound = soundOf(video, audioTrack, clipIds.next());
    if (newClipId) *newClipId = q(video.id);
    if (newSoundId) *newSoundId = q(sound.clip.id);
    const QString text = QStringLiteral("Add clip %1 with its sound").arg(clipName(video));
    pushWithTrack(doc, text, std::move(newTrack), {},
                  {{track->id, track->kind, std::move(video)}, std::move(sound)});
    return true;
}

bool splitSound(ProjectDocument& doc, const QString& clipId, QString* error, QString* newSoundId) {
    ClipRef ref;
    if (!clipOrRefuse(doc, clipId, ref, error)) return false;
    if (ref.track->kind != engine::TrackKind::Video)
        return refuse(error, QStringLiteral("Clip %1 is already on an audio track").arg(clipId));
    if (ref.clip->soundMuted)
        return refuse(
            error, QStringLiteral("The sound of clip %1 is already on its own track").arg(clipId));
    PlacedClip video = placed(ref);
    video.clip.soundMuted = true;
    // Joins the clip's group when it has one, so what was linked stays linked.
    if (video.clip.link.empty()) video.clip.link = IdSource(doc, QStringLiteral("link-")).next();
    std::unique_ptr<EditCommand> newTrack;
    const std::string audioTrack = soundTrack(doc, video.clip.start, video.clip.end(), newTrack);
    PlacedClip sound =
        soundOf(video.clip, audioTrack, IdSource(doc, QStringLiteral("clip-")).next());
    if (newSoundId) *newSoundId = q(sound.clip.id);
    pushWithTrack(doc, QStringLiteral("Split the sound of clip %1 to its own track").arg(clipId),
                  std::move(newTrack), {placed(ref)}, {std::move(video), std::move(sound)});
    return true;
}

bool linkClips(ProjectDocument& doc, const QStringList& clipIds, QString* error) {
    QStringList ids = clipIds;
    ids.removeDuplicates();
    if (ids.size() < 2) return refuse(error, QStringLiteral("Select at least two clips to link"));
    // A clip already linked brings its group: linking merges groups.
    ids = withLinked(doc.project(), ids);
    const std::string link = IdSource(doc, QStringLiteral("link-")).next();
    std::vector<PlacedClip> before, after;
    if (!changedClips(
            doc, ids, [&](engine::Clip& c) { c.link = link; }, before, after, error))
        return false;
    if (before.empty()) return true;
    doc.push(std::make_unique<ClipSetCommand>(clipsText(QStringLiteral("Link"), before),
                                              std::move(before), std::move(after)));
    return true;
}

bool unlinkClips(ProjectDocument& doc, const QStringList& clipIds, QString* error) {
    std::vector<PlacedClip> before, after;
    if (!changedClips(
            doc, withLinked(doc.project(), clipIds), [](engine::Clip& c) { c.link.clear(); },
            before, after, error))
        return false;
    if (before.empty()) return true;
    doc.push(std::make_unique<ClipSetCommand>(clipsText(QStringLiteral("Unlink"), before),
                                              std::move(before), std::move(after)));
    return true;
}

QStringList linkedClips(const ProjectDocument& doc, const QString& clipId) {
    QStringList ids;
    if (const ClipRef ref = findClip(doc.project(), clipId.toStdString()); ref.clip)
        for (const ClipRef& partner : linkedTo(doc.project(), *ref.clip))
            ids.push_back(q(partner.clip->id));
    return ids;
}

} // namespace entropic::app::edits
