#pragma once
// The project as the engine sees it: an immutable snapshot rebuilt from the
// JSON the editor (or a .entropic file) sends. Format: docs/project-format.md.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/effects/container.h"
#include "entropic/engine/media/rational.h"
#include "entropic/signal/graph.h"
#include "entropic/signal/performance_gate.h"

namespace entropic::engine {

// 2: the signal graph (signals, tempo, performance); 3: clip name, enabled,
// link and sound_muted. project_migration.cpp.
inline constexpr int kProjectFormatVersion = 3;
inline constexpr const char* kProjectFormatName = "entropic-project";

enum class TrackKind { Video, Audio };

struct Clip {
    std::string id;
    std::string source;     // as written in the project
    std::string sourcePath; // resolved against the project's folder
    std::int64_t start = 0; // first timeline frame
    std::int64_t in = 0;    // source offset, in project frames
    std::int64_t out = 0;   // exclusive; length = out - in
    double gainDb = 0;      // audio of this clip
    std::vector<fx::EffectInstance> effects;
    // Last, so brace-initialised Clips written before them keep their meaning.
    std::string name;    // shown on the timeline; empty: the source's file name
    bool enabled = true; // false: renders as if absent (no picture, no sound)
    std::string link; // clips sharing a non-empty link are edited together (the editor's business)
    bool soundMuted = false; // its own sound is not heard (a linked audio clip plays it instead)

    std::int64_t length() const { return out - in; }
    std::int64_t end() const { return start + length(); } // exclusive
    bool covers(std::int64_t frame) const { return frame >= start && frame < end(); }
};

struct Track {
    std::string id;
    TrackKind kind = TrackKind::Video;
    std::string name;
    bool muted = false;
    double opacity = 1.0;  // video
    double volumeDb = 0.0; // audio, and the sound of video clips on this track
    std::vector<Clip> clips;
    // Sound only: while any track is soloed, only soloed tracks are heard
    // (a muted track stays silent even when soloed). Pictures ignore it.
    // Last, so brace-initialised Tracks written before it keep their meaning.
    bool solo = false;
    // Video: how this track's pictures lay onto the tracks below (the lowest
    // picture on a frame always lays on normally).
    fx::BlendMode blend = fx::BlendMode::Normal;
};

// Performance events a gate source reads (docs/project-format.md): written by
// hand or tests until the performance track records them.
struct PerformanceLane {
    std::string id;
    std::string name;
    std::vector<sig::GateEvent> events; // timeline frames
};

struct Project {
    int formatVersion = kProjectFormatVersion;
    std::string id;
    std::uint64_t seed = 0;
    Rational frameRate{30, 1};
    int width = 1280;
    int height = 720;
    int sampleRate = 48000;
    std::vector<Track> tracks; // bottom to top: later tracks composite over earlier ones
    std::string baseDir;       // folder relative sources are resolved against
    double tempoBpm = 120;     // beat-synced operators (mod.lfo Beats, mod.envelope beat grid)
    // What moves parameters over time (docs/signals.md): as stored, and
    // compiled against this project's effect instances by parseProject (null
    // for a Project built in code without it: nothing moves).
    sig::SignalGraphSpec signals;
    std::vector<PerformanceLane> performance;
    std::shared_ptr<const sig::SignalGraph> signalGraph;

    // One past the last frame of any clip.
    std::int64_t frameCount() const;
};

using ProjectSnapshot = std::shared_ptr<const Project>;

// Validates and converts. Throws EngineError(project_invalid) whose message
// names the offending field as a path, e.g.
// "tracks[0].clips[2].effects[1].params.amount: expected a number in [0, 1], got 3".
Project parseProject(const nlohmann::json& doc, const std::string& baseDir);

// Reads and parses a .entropic file; errors name the file.
Project loadProjectFile(const std::string& path);

nlohmann::json projectToJson(const Project& project);

// Compiles the project's signal graph against its effect instances (what
// parseProject stores in signalGraph; call it again after editing a Project
// in code). Throws EngineError(project_invalid) naming the field: a cycle (and
// its nodes), an unknown signal, effect or parameter, a depth out of range, a
// source measuring a clip or performance lane the project lacks.
std::shared_ptr<const sig::SignalGraph> compileSignals(const Project& project);
// The pieces parseProject and projectToJson are made of, for code that keeps
// a clip, a track or an effect on its own (the editor's undo history): the
// same checks, errors naming fields under `path`, ids unique within the piece.
fx::EffectInstance parseEffect(const nlohmann::json& doc, const std::string& path);
Clip parseClip(const nlohmann::json& doc, const std::string& path, TrackKind kind,
               const std::string& baseDir);
Track parseTrack(const nlohmann::json& doc, const std::string& path, const std::string& baseDir);
nlohmann::json effectToJson(const fx::EffectInstance& effect);
nlohmann::json clipToJson(const Clip& clip, TrackKind kind);
nlohmann::json trackToJson(const Track& track);

struct MediaInfo;

// A one-clip project around a media file: its size, frame rate and length,
// with the given chain on the clip. What entropic-render builds for a plain
// media file, and what opening a media file as a project means.
Project projectForMedia(const std::string& path, const MediaInfo& info,
                        std::vector<fx::EffectInstance> effects = {});

// Where a source path points: absolute as is, relative against baseDir.
std::string resolveSourcePath(const std::string& source, const std::string& baseDir);
// What a clip is called wherever it is shown: its name, or when it has none
// its source's file name ("beach.mp4").
std::string clipDisplayName(const Clip& clip);

} // namespace entropic::engine
