#pragma once
// Every edit the editor makes, as one function each. A function checks the
// edit against the document; if it is allowed it builds the command and
// pushes it (one history entry, applied at once) and returns true; if not it
// pushes nothing, leaves the document as it was and returns false with the
// reason in *error, worded for the user ("Clip life would overlap clip intro
// on track V1"). An edit that would change nothing returns true and pushes
// nothing. Frames are project frames; ids are the project's ids.
//
// Views call these; they never build commands themselves.
#include <cstdint>
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include "entropic/effects/container.h"
#include "entropic/engine/project/preset.h"
#include "entropic/engine/project/project.h"
#include "entropic/signal/spec.h"

namespace entropic::app {

class ProjectDocument;

namespace edits {

// --- Tracks -------------------------------------------------------------------
// Adds an empty track on top ("V2", "A2").
bool addTrack(ProjectDocument& doc, engine::TrackKind kind, QString* error = nullptr,
              QString* newTrackId = nullptr);
// Critical: never pruned from the history. Refused on a locked track.
bool removeTrack(ProjectDocument& doc, const QString& trackId, QString* error = nullptr);
bool renameTrack(ProjectDocument& doc, const QString& trackId, const QString& name,
                 QString* error = nullptr);
bool setTrackMuted(ProjectDocument& doc, const QString& trackId, bool muted,
                   QString* error = nullptr);
bool setTrackLocked(ProjectDocument& doc, const QString& trackId, bool locked,
                    QString* error = nullptr);
bool setTrackSolo(ProjectDocument& doc, const QString& trackId, bool solo,
                  QString* error = nullptr);
// gestureId (from newGestureId()): one fader drag is one history entry.
bool setTrackOpacity(ProjectDocument& doc, const QString& trackId, double opacity,
                     QString* error = nullptr, int gestureId = 0);
bool setTrackVolume(ProjectDocument& doc, const QString& trackId, double volumeDb,
                    QString* error = nullptr, int gestureId = 0);
bool setTrackBlend(ProjectDocument& doc, const QString& trackId, fx::BlendMode mode,
                   QString* error = nullptr);

// --- Clips (refused on locked tracks) ---------------------------------------
// Linked clips (engine::Clip::link, e.g. a video clip and its sound on an
// audio track) are edited together: a move takes the clips linked to a moved
// clip by the same frames (each on its own track), a trim moves their same
// edge by the same frames, a split also splits those the frame is inside
// (the right halves linked among themselves), delete, ripple delete, copy
// and enable/disable take the whole group. Any member refused (locked,
// overlapping, before frame 0) refuses the edit. Pasted clips link only among
// themselves.
// source as it will be written (relative to the document's baseDir or absolute);
// the clip shows source frames [in, out) from timeline frame start.
bool addClip(ProjectDocument& doc, const QString& trackId, const QString& source,
             std::int64_t start, std::int64_t in, std::int64_t out, QString* error = nullptr,
             QString* newClipId = nullptr);

struct ClipMove {
    QString clipId;
    QString trackId; // a track of the same kind; the clip's own to stay on it
    std::int64_t start = 0;
};
// Moves clips together (a multi-selection drag); refused if any would land on
// another clip, on a track of the other kind, or before frame 0.
bool moveClips(ProjectDocument& doc, const std::vector<ClipMove>& moves, QString* error = nullptr);
bool moveClip(ProjectDocument& doc, const QString& clipId, const QString& trackId,
              std::int64_t start, QString* error = nullptr);

enum class ClipEdge { Left, Right };
// Moves one edge to timeline frame `frame`, never the rest of the clip: the
// left edge moves start and in together. The clip keeps at least one frame,
// never starts before the source does (in >= 0) and never overlaps another.
bool trimClip(ProjectDocument& doc, const QString& clipId, ClipEdge edge, std::int64_t frame,
              QString* error = nullptr);
// Splits at timeline frame `frame` (strictly inside the clip). The right part
// gets a new clip id and its effects new instance ids (ids are unique in a
// project, so its seeded effects draw different noise).
bool splitClip(ProjectDocument& doc, const QString& clipId, std::int64_t frame,
               QString* error = nullptr, QString* newClipId = nullptr);
// Splits several clips at one frame as one history entry; refused (nothing
// split) if the frame is not strictly inside every one of them.
bool splitClips(ProjectDocument& doc, const QStringList& clipIds, std::int64_t frame,
                QString* error = nullptr, QStringList* newClipIds = nullptr);
bool deleteClips(ProjectDocument& doc, const QStringList& clipIds, QString* error = nullptr);
// Deletes and closes the gaps: later clips on the same tracks move back by
// the length of the deleted clips before them.
bool rippleDeleteClips(ProjectDocument& doc, const QStringList& clipIds, QString* error = nullptr);
// Removes every clip on unlocked tracks. Critical: never pruned from the history.
bool clearTimeline(ProjectDocument& doc, QString* error = nullptr);

// A clip's name on the timeline; empty: its source's file name again.
bool renameClip(ProjectDocument& doc, const QString& clipId, const QString& name,
                QString* error = nullptr);
// A disabled clip renders and sounds as if absent (docs/project-format.md).
bool setClipsEnabled(ProjectDocument& doc, const QStringList& clipIds, bool enabled,
                     QString* error = nullptr);
// A video clip (as addClip) whose sound is a linked audio clip at the same
// frames on the first audio track, top-down, with room (a new audio track
// when none has), the video clip's own sound muted: one history entry.
bool addClipWithLinkedSound(ProjectDocument& doc, const QString& trackId, const QString& source,
                            std::int64_t start, std::int64_t in, std::int64_t out,
                            QString* error = nullptr, QString* newClipId = nullptr,
                            QString* newSoundId = nullptr);
// The same for a video clip already placed: its sound goes onto an audio
// track as a clip linked to it, its own sound muted; one history entry.
// Refused for an audio clip or a clip whose sound is already muted.
bool splitSound(ProjectDocument& doc, const QString& clipId, QString* error = nullptr,
                QString* newSoundId = nullptr);
// One group of the clips (two at least) and the groups they were in.
bool linkClips(ProjectDocument& doc, const QStringList& clipIds, QString* error = nullptr);
// Dissolves the groups of the clips: every clip edits alone again.
bool unlinkClips(ProjectDocument& doc, const QStringList& clipIds, QString* error = nullptr);
// The clips linked to clipId, itself excluded.
QStringList linkedClips(const ProjectDocument& doc, const QString& clipId);

// The clipboard form of clips (for QMimeData "application/x-entropic-clips").
nlohmann::json copyClips(const ProjectDocument& doc, const QStringList& clipIds);
// Pastes onto the clips' own tracks, the earliest at frame atFrame, with new
// clip and effect ids.
bool pasteClips(ProjectDocument& doc, const nlohmann::json& clipboard, std::int64_t atFrame,
                QString* error = nullptr, QStringList* newClipIds = nullptr);

// --- Marks and markers --------------------------------------------------------
// nullopt clears the mark. in < out when both are set; out is exclusive.
bool setInPoint(ProjectDocument& doc, std::optional<std::int64_t> frame, QString* error = nullptr);
bool setOutPoint(ProjectDocument& doc, std::optional<std::int64_t> frame, QString* error = nullptr);
// Markers stay sorted by frame; index is the position in EditorState::markers.
bool addMarker(ProjectDocument& doc, std::int64_t frame, const QString& name,
               QString* error = nullptr);
bool renameMarker(ProjectDocument& doc, int index, const QString& name, QString* error = nullptr);
bool deleteMarker(ProjectDocument& doc, int index, QString* error = nullptr);

// --- Media bin -------------------------------------------------------------------
// Adds media files to the bin (one entry, "Import …"); paths are stored
// relative to the document's baseDir when it has one, absolute otherwise.
// Files already in the bin are skipped.
bool addToBin(ProjectDocument& doc, const QStringList& paths, QString* error = nullptr);
// Removes bin entries, named as EditorState::bin writes them. Clips using
// the file stay on the timeline.
bool removeFromBin(ProjectDocument& doc, const QStringList& sources, QString* error = nullptr);
// Points every clip and bin entry that uses `source` (as written) at the file
// newPath instead: the way back from "missing media". Clips are one history
// entry, the bin another.
bool relinkSource(ProjectDocument& doc, const QString& source, const QString& newPath,
                  QString* error = nullptr);

// --- Effects on video clips ---------------------------------------------------
// effectId as registered ("fx.noise"), newest version, descriptor defaults;
// index -1 appends.
bool addEffect(ProjectDocument& doc, const QString& clipId, const QString& effectId, int index = -1,
               QString* error = nullptr, QString* newInstanceId = nullptr);
// The preset's chain appended to the clip's, as one history entry.
bool applyPreset(ProjectDocument& doc, const QString& clipId, const engine::Preset& preset,
                 QString* error = nullptr);
bool removeEffect(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                  QString* error = nullptr);
// The copy goes right after the original, with a new instance id.
bool duplicateEffect(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                     QString* error = nullptr, QString* newInstanceId = nullptr);
// Moves the instance to position toIndex of the chain.
bool moveEffect(ProjectDocument& doc, const QString& clipId, const QString& instanceId, int toIndex,
                QString* error = nullptr);
bool setEffectEnabled(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                      bool enabled, QString* error = nullptr);
// 0..1 (the inspector shows %).
bool setEffectMix(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                  double mix, QString* error = nullptr, int gestureId = 0);
bool setEffectBlend(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                    fx::BlendMode mode, QString* error = nullptr);
// Refused if a field is outside the ranges of docs/project-format.md.
bool setEffectMask(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                   const fx::MaskSpec& mask, QString* error = nullptr, int gestureId = 0);
bool setEffectSeed(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                   std::uint64_t seed, QString* error = nullptr);
// The value is clamped to the parameter's range (a knob cannot go past its end).
// Calls with the same non-zero gestureId on the same instance merge into one
// history entry: a knob drag is one undo step.
bool setParameter(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                  const QString& key, const fx::ParamValue& value, QString* error = nullptr,
                  int gestureId = 0);
// Every parameter back to the descriptor's default, as one history entry
// (mix, blend, mask and seed stay as they are).
bool resetEffectParameters(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                           QString* error = nullptr);

// --- Signals: sources, operators, routes, automation (docs/signals.md) ----------
// Every signal edit is checked by compiling the project's signal graph as it
// would be afterwards: a cycle, an unknown parameter or a depth out of range
// is refused with the compiler's message and nothing changes.
//
// A new operator (descriptor id "mod.lfo") with its defaults and no inputs
// (an operator that needs inputs is refused until it has them: pass them).
bool addOperator(ProjectDocument& doc, const QString& opId, const QStringList& inputs = {},
                 QString* error = nullptr, QString* newNodeId = nullptr);
// A new source measuring a clip ("clip-3") or a performance lane (gate); band in Hz for audio.band.
bool addSource(ProjectDocument& doc, sig::SourceKind kind, const QString& media,
               QString* error = nullptr, QString* newNodeId = nullptr, double bandLowHz = 0,
               double bandHighHz = 0);
// Replaces a source's settings (kind, media, band, region, name) keeping its id.
bool setSource(ProjectDocument& doc, const sig::SourceSpec& source, QString* error = nullptr,
               int gestureId = 0);
// Empty name: shown by its id.
bool renameSignalNode(ProjectDocument& doc, const QString& nodeId, const QString& name,
                      QString* error = nullptr);
// Enums as choice index, toggles 0/1; clamped to the parameter's range.
bool setOperatorParam(ProjectDocument& doc, const QString& nodeId, const QString& key, double value,
                      QString* error = nullptr, int gestureId = 0);
bool setOperatorInputs(ProjectDocument& doc, const QString& nodeId, const QStringList& inputs,
                       QString* error = nullptr);
bool setOperatorSeed(ProjectDocument& doc, const QString& nodeId, std::uint64_t seed,
                     QString* error = nullptr);
// Also removes the node's routes, and the node from other operators' inputs
// (operators left short of inputs go too), as one history entry.
bool removeSignalNode(ProjectDocument& doc, const QString& nodeId, QString* error = nullptr);
// route.id empty: a fresh one (returned in *newRouteId). gestureId: later
// signal edits with the same id (the route's dialog) join this history entry.
bool addRoute(ProjectDocument& doc, sig::RouteSpec route, QString* error = nullptr,
              QString* newRouteId = nullptr, int gestureId = 0);
// A new source (its id made here when empty) or a new operator with its
// defaults (descriptor id "mod.lfo"; one that needs inputs is refused), and
// `route` from it, as one history entry ("Modulate Wave phase by Sound level
// of clip beach.mp4"): one undo removes both. route.signal is set to the new
// node; gestureId as for addRoute.
bool addSourceAndRoute(ProjectDocument& doc, sig::SourceSpec source, sig::RouteSpec route,
                       QString* error = nullptr, QString* newNodeId = nullptr,
                       QString* newRouteId = nullptr, int gestureId = 0);
bool addOperatorAndRoute(ProjectDocument& doc, const QString& opId, sig::RouteSpec route,
                         QString* error = nullptr, QString* newNodeId = nullptr,
                         QString* newRouteId = nullptr, int gestureId = 0);
// Replaces the route with the same id.
bool setRoute(ProjectDocument& doc, const sig::RouteSpec& route, QString* error = nullptr,
              int gestureId = 0);
bool removeRoute(ProjectDocument& doc, const QString& routeId, QString* error = nullptr);
// Sets the key at `frame` of the parameter's lane (adding the lane and the key
// as needed); the value is clamped to the parameter's range. interp nullopt:
// a new key takes linear, an existing one keeps its own.
bool setKeyframe(ProjectDocument& doc, const sig::ParamTarget& target, std::int64_t frame,
                 double value, std::optional<sig::Interpolation> interp = std::nullopt,
                 QString* error = nullptr, int gestureId = 0);
// Moves the key at fromFrame to toFrame with a new value (a drag); refused
// onto another key or before frame 0.
bool moveKeyframe(ProjectDocument& doc, const sig::ParamTarget& target, std::int64_t fromFrame,
                  std::int64_t toFrame, double value, QString* error = nullptr, int gestureId = 0);
// The last key going removes the lane.
bool removeKeyframe(ProjectDocument& doc, const sig::ParamTarget& target, std::int64_t frame,
                    QString* error = nullptr);
bool setKeyframeInterpolation(ProjectDocument& doc, const sig::ParamTarget& target,
                              std::int64_t frame, sig::Interpolation interp,
                              QString* error = nullptr);
bool removeLane(ProjectDocument& doc, const sig::ParamTarget& target, QString* error = nullptr);

// --- Tempo ---------------------------------------------------------------------
// The project tempo in beats a minute, kMinTempoBpm..kMaxTempoBpm (the file's
// range). Calls with the same non-zero gestureId merge into one history
// entry: a run of taps, or of MIDI clock, is one undo step.
inline constexpr double kMinTempoBpm = 1;
inline constexpr double kMaxTempoBpm = 999;
bool setTempo(ProjectDocument& doc, double bpm, QString* error = nullptr, int gestureId = 0);

// A fresh gesture id (never 0): take one when a drag starts.
int newGestureId();

} // namespace edits
} // namespace entropic::app
