// edits.h: clips on the timeline (add, move, trim, split, delete, ripple
// delete, clear, copy, paste). Each builds one ClipSetCommand.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <QDir>

#include "commands/clip_set_command.h"
#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "commands/signal_pruning.h"
#include "entropic/engine/error.h"

namespace entropic::app::edits {

using namespace rules;
using nlohmann::json;

namespace {

constexpr const char* kClipboardFormat = "entropic-clips";

// Clips named once each, all on unlocked tracks.
bool collect(const ProjectDocument& doc, const QStringList& clipIds, std::vector<PlacedClip>& out,
             QString* error) {
    std::set<std::string> seen;
    for (const QString& id : clipIds) {
        ClipRef ref;
        if (!clipOrRefuse(doc, id, ref, error)) return false;
        if (seen.insert(ref.clip->id).second) out.push_back(placed(ref));
    }
    return true;
}

void pushClips(ProjectDocument& doc, const QString& text, std::vector<PlacedClip> removed,
               std::vector<PlacedClip> inserted, bool critical = false) {
    pushKeepingSignalsWhole(doc, std::make_unique<ClipSetCommand>(text, std::move(removed),
                                                                  std::move(inserted), critical));
}

// Would the clips in `arriving` fit on their tracks once the clips in
// `leaving` are gone? Returns the first overlap as a message.
QString layoutProblem(const engine::Project& project, const std::vector<PlacedClip>& leaving,
                      const std::vector<PlacedClip>& arriving) {
    std::set<std::string> gone;
    for (const auto& c : leaving)
        gone.insert(c.clip.id);
    std::map<std::string, std::vector<const engine::Clip*>> byTrack;
    std::set<std::string> moving;
    for (const auto& c : arriving) {
        byTrack[c.trackId].push_back(&c.clip);
        moving.insert(c.clip.id);
    }
    for (auto& [trackId, clips] : byTrack) {
        const auto* track = findTrack(project, trackId);
        for (const auto& c : track->clips)
            if (!gone.count(c.id)) clips.push_back(&c);
        if (QString problem = overlapIn(clips, trackId, moving); !problem.isEmpty()) return problem;
    }
    return {};
}

} // namespace

bool addClip(ProjectDocument& doc, const QString& trackId, const QString& source,
             std::int64_t start, std::int64_t in, std::int64_t out, QString* error,
             QString* newClipId) {
    const engine::Track* track = nullptr;
    engine::Clip clip;
    if (!newClip(doc, trackId, source, start, in, out,
                 doc.newId(QStringLiteral("clip-")).toStdString(), std::nullopt, track, clip,
                 error))
        return false;
    if (newClipId) *newClipId = q(clip.id);
    const QString text = QStringLiteral("Add clip %1").arg(clipName(clip));
    pushClips(doc, text, {}, {{track->id, track->kind, std::move(clip)}});
    return true;
}

bool moveClips(ProjectDocument& doc, const std::vector<ClipMove>& moves, QString* error) {
    std::vector<PlacedClip> before, after;
    std::set<std::string> seen;
    for (const auto& move : moves) {
        ClipRef ref;
        if (!clipOrRefuse(doc, move.clipId, ref, error)) return false;
        if (!seen.insert(ref.clip->id).second)
            return refuse(error, QStringLiteral("Clip %1 is moved twice").arg(move.clipId));
        const auto* target = findTrack(doc.project(), move.trackId.toStdString());
        if (!target) return refuse(error, QStringLiteral("There is no track %1").arg(move.trackId));
        if (target->kind != ref.track->kind)
            return refuse(error, QStringLiteral("Clip %1 cannot go onto %2: it is %3 track")
                                     .arg(move.clipId, move.trackId,
                                          target->kind == engine::TrackKind::Video
                                              ? QStringLiteral("a video")
                                              : QStringLiteral("an audio")));
        if (isLocked(doc.editorState(), target->id))
            return refuse(error, QStringLiteral("Track %1 is locked").arg(move.trackId));
        if (move.start < 0)
            return refuse(error, QStringLiteral("A clip cannot start before frame 0"));
        if (target == ref.track && move.start == ref.clip->start) continue; // stays put
        before.push_back(placed(ref));
        PlacedClip moved = placed(ref);
        moved.trackId = target->id;
        moved.clip.start = move.start;
        after.push_back(std::move(moved));
    }
    // Linked clips not moved themselves follow by the same frames, each on its own track.
    const std::size_t led = before.size();
    for (std::size_t i = 0; i < led; ++i) {
        const std::int64_t delta = after[i].clip.start - before[i].clip.start;
        if (delta == 0) continue; // onto another track only: the partners stay where they are
        for (const ClipRef& partner : linkedTo(doc.project(), before[i].clip)) {
            if (!seen.insert(partner.clip->id).second) continue;
            ClipRef ref;
            if (!clipOrRefuse(doc, q(partner.clip->id), ref, error)) return false;
            if (ref.clip->start + delta < 0)
                return refuse(error,
                              QStringLiteral("Clip %1, linked to %2, cannot start before frame 0")
                                  .arg(q(ref.clip->id), q(before[i].clip.id)));
            before.push_back(placed(ref));
            after.push_back(placed(ref));
            after.back().clip.start += delta;
        }
    }
    if (before.empty()) return true;
    if (QString problem = layoutProblem(doc.project(), before, after); !problem.isEmpty())
        return refuse(error, problem);
    const QString text = clipsText(QStringLiteral("Move"), before);
    pushClips(doc, text, std::move(before), std::move(after));
    return true;
}

bool moveClip(ProjectDocument& doc, const QString& clipId, const QString& trackId,
              std::int64_t start, QString* error) {
    return moveClips(doc, {ClipMove{clipId, trackId, start}}, error);
}

namespace {

// The clip with one edge moved by delta frames, or a refusal.
bool trimmedBy(const ClipRef& ref, ClipEdge edge, std::int64_t delta, PlacedClip& out,
               QString* error) {
    out = placed(ref);
    auto& c = out.clip;
    const QString id = q(c.id);
    if (edge == ClipEdge::Left) {
        const std::int64_t frame = c.start + delta;
        if (frame >= c.end())
            return refuse(error, QStringLiteral("A clip is at least one frame long"));
        if (frame < 0) return refuse(error, QStringLiteral("A clip cannot start before frame 0"));
        const std::int64_t in = c.in + delta;
        if (in < 0)
            return refuse(
                error,
                QStringLiteral("Clip %1 already starts at its source's first frame").arg(id));
        c.in = in;
        c.start = frame;
    } else {
        const std::int64_t frame = c.end() + delta;
        if (frame <= c.start)
            return refuse(error, QStringLiteral("A clip is at least one frame long"));
        c.out = c.in + (frame - c.start);
    }
    return true;
}

} // namespace

bool trimClip(ProjectDocument& doc, const QString& clipId, ClipEdge edge, std::int64_t frame,
              QString* error) {
    ClipRef ref;
    if (!clipOrRefuse(doc, clipId, ref, error)) return false;
    const std::int64_t delta = frame - (edge == ClipEdge::Left ? ref.clip->start : ref.clip->end());
    if (delta == 0) return true;
    // The clip and the clips linked to it, each edge moved by the same frames.
    std::vector<PlacedClip> before, after;
    for (const QString& id : withLinked(doc.project(), {clipId})) {
        ClipRef member;
        if (!clipOrRefuse(doc, id, member, error)) return false;
        PlacedClip trimmed;
        if (!trimmedBy(member, edge, delta, trimmed, error)) return false;
        before.push_back(placed(member));
        after.push_back(std::move(trimmed));
    }
    if (QString problem = layoutProblem(doc.project(), before, after); !problem.isEmpty())
        return refuse(error, problem);
    pushClips(doc, QStringLiteral("Trim clip %1").arg(clipName(*ref.clip)), std::move(before),
              std::move(after));
    return true;
}

bool splitClip(ProjectDocument& doc, const QString& clipId, std::int64_t frame, QString* error,
               QString* newClipId) {
    QStringList created;
    if (!splitClips(doc, {clipId}, frame, error, &created)) return false;
    if (newClipId && !created.isEmpty()) *newClipId = created.front();
    return true;
}

bool splitClips(ProjectDocument& doc, const QStringList& clipIds, std::int64_t frame,
                QString* error, QStringList* newClipIds) {
    std::vector<PlacedClip> removed, inserted, rights;
    IdSource clipIdsSource(doc, QStringLiteral("clip-"));
    IdSource effectIds(doc, QStringLiteral("fx-"));
    IdSource linkIds(doc, QStringLiteral("link-"));
    // Linked clips the frame is inside split with them; the right halves are
    // linked among themselves, the left ones stay in the old group.
    QStringList targets = clipIds;
    for (const QString& id : withLinked(doc.project(), clipIds)) {
        const ClipRef ref = findClip(doc.project(), id.toStdString());
        if (!targets.contains(id) && ref.clip && frame > ref.clip->start && frame < ref.clip->end())
            targets.push_back(id);
    }
    for (const QString& clipId : targets) {
        ClipRef ref;
        if (!clipOrRefuse(doc, clipId, ref, error)) return false;
        const auto& c = *ref.clip;
        if (frame <= c.start || frame >= c.end())
            return refuse(
                error,
                frame == c.start || frame == c.end()
                    ? QStringLiteral("Cannot split clip %1 at its edge (frame %2)")
                          .arg(clipId)
                          .arg(frame)
                    : QStringLiteral("Frame %1 is not inside clip %2").arg(frame).arg(clipId));
        PlacedClip left = placed(ref);
        PlacedClip right = placed(ref);
        left.clip.out = c.in + (frame - c.start);
        right.clip.id = clipIdsSource.next();
        right.clip.start = frame;
        right.clip.in = left.clip.out;
        renewEffectIds(right.clip.effects, effectIds);
        if (newClipIds && clipIds.contains(clipId)) newClipIds->push_back(q(right.clip.id));
        removed.push_back(placed(ref));
        inserted.push_back(std::move(left));
        rights.push_back(std::move(right));
    }
    if (removed.empty()) return true;
    relinkAmong(rights, linkIds);
    for (auto& right : rights)
        inserted.push_back(std::move(right));
    const QString text = removed.size() == 1
                             ? QStringLiteral("Split clip %1").arg(clipName(removed.front().clip))
                             : QStringLiteral("Split %1 clips").arg(removed.size());
    pushClips(doc, text, std::move(removed), std::move(inserted));
    return true;
}

bool deleteClips(ProjectDocument& doc, const QStringList& clipIds, QString* error) {
    std::vector<PlacedClip> removed;
    if (!collect(doc, withLinked(doc.project(), clipIds), removed, error)) return false;
    if (removed.empty()) return true;
    const QString text = clipsText(QStringLiteral("Delete"), removed);
    pushClips(doc, text, std::move(removed), {});
    return true;
}

bool rippleDeleteClips(ProjectDocument& doc, const QStringList& clipIds, QString* error) {
    std::vector<PlacedClip> deleted;
    if (!collect(doc, withLinked(doc.project(), clipIds), deleted, error)) return false;
    if (deleted.empty()) return true;
    std::vector<PlacedClip> removed = deleted, inserted;
    std::set<std::string> gone;
    for (const auto& d : deleted)
        gone.insert(d.clip.id);
    for (const auto& track : doc.project().tracks) {
        for (const auto& c : track.clips) {
            if (gone.count(c.id)) continue;
            // Clips never overlap, so each deleted clip lies wholly before or after c.
            std::int64_t shift = 0;
            for (const auto& d : deleted)
                if (d.trackId == track.id && d.clip.end() <= c.start) shift += d.clip.length();
            if (shift == 0) continue;
            removed.push_back({track.id, track.kind, c});
            inserted.push_back({track.id, track.kind, c});
            inserted.back().clip.start -= shift;
        }
    }
    const QString text = clipsText(QStringLiteral("Ripple delete"), deleted);
    pushClips(doc, text, std::move(removed), std::move(inserted));
    return true;
}

bool clearTimeline(ProjectDocument& doc, QString* error) {
    (void)error;
    std::vector<PlacedClip> removed;
    for (const auto& track : doc.project().tracks) {
        if (isLocked(doc.editorState(), track.id)) continue;
        for (const auto& c : track.clips)
            removed.push_back({track.id, track.kind, c});
    }
    if (removed.empty()) return true;
    pushClips(doc, QStringLiteral("Clear timeline"), std::move(removed), {}, true);
    return true;
}

json copyClips(const ProjectDocument& doc, const QStringList& clipIds) {
    std::vector<PlacedClip> clips;
    for (const QString& id : withLinked(doc.project(), clipIds))
        if (const auto ref = findClip(doc.project(), id.toStdString()); ref.clip)
            clips.push_back(placed(ref));
    return {{"format", kClipboardFormat},
            {"base_dir", doc.project().baseDir},
            {"clips", placedClipsToJson(clips)}};
}

bool pasteClips(ProjectDocument& doc, const json& clipboard, std::int64_t atFrame, QString* error,
                QStringList* newClipIds) {
    if (atFrame < 0) return refuse(error, QStringLiteral("Clips cannot start before frame 0"));
    std::vector<PlacedClip> clips;
    std::string clipBase;
    try {
        if (!clipboard.is_object() || clipboard.value("format", std::string()) != kClipboardFormat)
            throw std::runtime_error("not Entropic clips");
        clipBase = clipboard.value("base_dir", std::string());
        clips = placedClipsFromJson(clipboard.at("clips"), clipBase);
    } catch (const std::exception& e) {
        return refuse(error, QStringLiteral("The clipboard holds no clips Entropic can paste (%1)")
                                 .arg(QString::fromUtf8(e.what())));
    }
    if (clips.empty()) return true;
    std::int64_t first = clips.front().clip.start;
    for (const auto& c : clips)
        first = std::min(first, c.clip.start);
    IdSource clipIds(doc, QStringLiteral("clip-"));
    IdSource effectIds(doc, QStringLiteral("fx-"));
    IdSource linkIds(doc, QStringLiteral("link-"));
    relinkAmong(clips, linkIds); // pasted pairs link to each other, never to the originals
    QStringList ids;
    for (auto& c : clips) {
        const auto* track = findTrack(doc.project(), c.trackId);
        if (!track)
            return refuse(error,
                          QStringLiteral("There is no track %1 to paste onto").arg(q(c.trackId)));
        if (track->kind != c.kind)
            return refuse(
                error,
                QStringLiteral("Track %1 is not a track of the copied kind").arg(q(c.trackId)));
        if (isLocked(doc.editorState(), track->id))
            return refuse(error, QStringLiteral("Track %1 is locked").arg(q(c.trackId)));
        c.clip.id = clipIds.next();
        c.clip.start = c.clip.start - first + atFrame;
        renewEffectIds(c.clip.effects, effectIds);
        // Copied from a project with another folder: point at the same file.
        if (clipBase != doc.project().baseDir && !QDir::isAbsolutePath(q(c.clip.source)))
            c.clip.source = c.clip.sourcePath;
        c.clip.sourcePath = engine::resolveSourcePath(c.clip.source, doc.project().baseDir);
        ids << q(c.clip.id);
    }
    if (QString problem = layoutProblem(doc.project(), {}, clips); !problem.isEmpty())
        return refuse(error, problem);
    if (newClipIds) *newClipIds = ids;
    const QString text = clipsText(QStringLiteral("Paste"), clips);
    pushClips(doc, text, {}, std::move(clips));
    return true;
}

} // namespace entropic::app::edits
