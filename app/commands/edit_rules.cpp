#include "commands/edit_rules.h"

#include <algorithm>
#include <map>

namespace entropic::app::rules {

const engine::Track* findTrack(const engine::Project& project, const std::string& id,
                               std::size_t* index) {
    for (std::size_t i = 0; i < project.tracks.size(); ++i)
        if (project.tracks[i].id == id) {
            if (index) *index = i;
            return &project.tracks[i];
        }
    return nullptr;
}

ClipRef findClip(const engine::Project& project, const std::string& id) {
    for (const auto& t : project.tracks)
        for (const auto& c : t.clips)
            if (c.id == id) return {&t, &c};
    return {};
}

PlacedClip placed(const ClipRef& ref) {
    return {ref.track->id, ref.track->kind, *ref.clip};
}

bool isLocked(const EditorState& editor, const std::string& trackId) {
    return std::find(editor.lockedTracks.begin(), editor.lockedTracks.end(), trackId) !=
           editor.lockedTracks.end();
}

std::vector<ClipRef> linkedTo(const engine::Project& project, const engine::Clip& clip) {
    std::vector<ClipRef> partners;
    if (clip.link.empty()) return partners;
    for (const auto& t : project.tracks)
        for (const auto& c : t.clips)
            if (c.link == clip.link && c.id != clip.id) partners.push_back({&t, &c});
    return partners;
}

QStringList withLinked(const engine::Project& project, const QStringList& ids) {
    QStringList all = ids;
    all.removeDuplicates();
    for (const QString& id : ids)
        if (const ClipRef ref = findClip(project, id.toStdString()); ref.clip)
            for (const ClipRef& partner : linkedTo(project, *ref.clip))
                if (!all.contains(q(partner.clip->id))) all.push_back(q(partner.clip->id));
    return all;
}

void relinkAmong(std::vector<PlacedClip>& clips, IdSource& ids) {
    std::map<std::string, std::string> renamed;
    std::map<std::string, int> members;
    for (const auto& c : clips)
        if (!c.clip.link.empty()) ++members[c.clip.link];
    for (auto& c : clips) {
        if (c.clip.link.empty()) continue;
        if (members[c.clip.link] < 2) {
            c.clip.link.clear();
            continue;
        }
        auto [it, fresh] = renamed.try_emplace(c.clip.link);
        if (fresh) it->second = ids.next();
        c.clip.link = it->second;
    }
}

const engine::Clip* overlapping(const std::vector<engine::Clip>& clips, std::int64_t start,
                                std::int64_t end, const std::set<std::string>& ignore) {
    for (const auto& c : clips)
        if (!ignore.count(c.id) && start < c.end() && c.start < end) return &c;
    return nullptr;
}

QString overlapIn(std::vector<const engine::Clip*> clips, const std::string& trackId,
                  const std::set<std::string>& moving) {
    std::sort(clips.begin(), clips.end(), [](auto a, auto b) { return a->start < b->start; });
    for (std::size_t i = 1; i < clips.size(); ++i)
        if (clips[i]->start < clips[i - 1]->end()) {
            const auto* first = clips[i];
            const auto* second = clips[i - 1];
            if (!moving.count(first->id)) std::swap(first, second);
            return QStringLiteral("Clip %1 would overlap clip %2 on track %3")
                .arg(q(first->id), q(second->id), q(trackId));
        }
    return {};
}

IdSource::IdSource(const ProjectDocument& document, const QString& prefix)
    : prefix_(prefix), next_(document.newId(prefix).mid(prefix.size()).toLongLong()) {}

std::string IdSource::next() {
    return (prefix_ + QString::number(next_++)).toStdString();
}

void renewEffectIds(std::vector<fx::EffectInstance>& effects, IdSource& ids) {
    for (auto& e : effects)
        e.instanceId = ids.next();
}

bool refuse(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

bool newClip(const ProjectDocument& doc, const QString& trackId, const QString& source,
             std::int64_t start, std::int64_t in, std::int64_t out, std::string id,
             std::optional<engine::TrackKind> kind, const engine::Track*& track, engine::Clip& clip,
             QString* error) {
    track = findTrack(doc.project(), trackId.toStdString());
    if (!track) return refuse(error, QStringLiteral("There is no track %1").arg(trackId));
    if (kind && track->kind != *kind)
        return refuse(error, QStringLiteral("Track %1 is not %2 track")
                                 .arg(trackId, *kind == engine::TrackKind::Video
                                                   ? QStringLiteral("a video")
                                                   : QStringLiteral("an audio")));
    if (isLocked(doc.editorState(), track->id))
        return refuse(error, QStringLiteral("Track %1 is locked").arg(trackId));
    if (source.isEmpty()) return refuse(error, QStringLiteral("A clip needs a media file"));
    if (start < 0) return refuse(error, QStringLiteral("A clip cannot start before frame 0"));
    if (in < 0) return refuse(error, QStringLiteral("A clip cannot start before its source does"));
    if (out <= in) return refuse(error, QStringLiteral("A clip is at least one frame long"));
    clip = {};
    clip.id = std::move(id);
    clip.source = source.toStdString();
    clip.sourcePath = engine::resolveSourcePath(clip.source, doc.project().baseDir);
    clip.start = start;
    clip.in = in;
    clip.out = out;
    if (const auto* other = overlapping(track->clips, clip.start, clip.end(), {}))
        return refuse(error, QStringLiteral("Clip %1 would overlap clip %2 on track %3")
                                 .arg(q(clip.id), q(other->id), trackId));
    return true;
}

bool clipOrRefuse(const ProjectDocument& doc, const QString& clipId, ClipRef& ref, QString* error) {
    ref = findClip(doc.project(), clipId.toStdString());
    if (!ref.clip) return refuse(error, QStringLiteral("There is no clip %1").arg(clipId));
    if (isLocked(doc.editorState(), ref.track->id))
        return refuse(error, QStringLiteral("Track %1 is locked").arg(q(ref.track->id)));
    return true;
}

QString clipName(const engine::Clip& clip) {
    return q(engine::clipDisplayName(clip));
}

QString clipsText(const QString& verb, const std::vector<PlacedClip>& clips) {
    if (clips.size() == 1)
        return QStringLiteral("%1 clip %2").arg(verb, clipName(clips.front().clip));
    return QStringLiteral("%1 %2 clips").arg(verb).arg(clips.size());
}

} // namespace entropic::app::rules
