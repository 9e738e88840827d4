#pragma once
// Lookups and checks the edit functions (edits.h) share: finding tracks and
// clips, locks, overlaps, fresh ids. Internal to app/commands.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <QString>
#include <QStringList>

#include "commands/command_codec.h"
#include "model/project_document.h"

namespace entropic::app::rules {

class IdSource;

struct ClipRef {
    const engine::Track* track = nullptr;
    const engine::Clip* clip = nullptr;
};

const engine::Track* findTrack(const engine::Project& project, const std::string& id,
                               std::size_t* index = nullptr);
ClipRef findClip(const engine::Project& project, const std::string& id);
PlacedClip placed(const ClipRef& ref);

bool isLocked(const EditorState& editor, const std::string& trackId);

// The clips linked to `clip` (sharing its non-empty link id), itself excluded.
std::vector<ClipRef> linkedTo(const engine::Project& project, const engine::Clip& clip);
// ids and, after them, every clip linked to one of them, each once: what an
// edit of linked clips acts on.
QStringList withLinked(const engine::Project& project, const QStringList& ids);
// Renames the link groups of clips freshly made (split halves, pasted clips)
// so that they form groups only among themselves: every old group id found
// becomes a new one from `ids`, and a clip left alone in its group is unlinked.
void relinkAmong(std::vector<PlacedClip>& clips, IdSource& ids);

// The first clip of `clips` (other than the ones in ignore) that [start, end) overlaps.
const engine::Clip* overlapping(const std::vector<engine::Clip>& clips, std::int64_t start,
                                std::int64_t end, const std::set<std::string>& ignore);
// The first two clips of a list that overlap, as a message naming a clip of
// `moving` first; empty if none.
QString overlapIn(std::vector<const engine::Clip*> clips, const std::string& trackId,
                  const std::set<std::string>& moving);

// Fresh ids with a prefix for one edit: unique in the project and among
// themselves ("clip-7", "clip-8", ...).
class IdSource {
  public:
    IdSource(const ProjectDocument& document, const QString& prefix);
    std::string next();

  private:
    QString prefix_;
    long long next_ = 1;
};

// Gives every effect of a chain a fresh instance id (ids are unique in a project).
void renewEffectIds(std::vector<fx::EffectInstance>& effects, IdSource& ids);

bool refuse(QString* error, const QString& message);
QString q(const std::string& s);
// A clip about to be added: `source` frames [in, out) at `start` on track
// `trackId`, with id `id`. Refused with the reason where any added clip is: no
// such track (or one not of `kind`, when given), a locked track, no media
// file, before frame 0 or before its source, under one frame, or overlapping
// a clip already there. On success `track` is where it goes.
bool newClip(const ProjectDocument& doc, const QString& trackId, const QString& source,
             std::int64_t start, std::int64_t in, std::int64_t out, std::string id,
             std::optional<engine::TrackKind> kind, const engine::Track*& track, engine::Clip& clip,
             QString* error);
// Finds a clip an edit may change: refused, naming it, when there is no such
// clip or its track is locked.
bool clipOrRefuse(const ProjectDocument& doc, const QString& clipId, ClipRef& ref, QString* error);
// What history entries call a clip: engine::clipDisplayName, never its id.
QString clipName(const engine::Clip& clip);
// "Move clip beach.mp4", or "Move 3 clips".
QString clipsText(const QString& verb, const std::vector<PlacedClip>& clips);

} // namespace entropic::app::rules
