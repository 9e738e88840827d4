#pragma once
// Source series measured on media files (docs/signals.md, "Sources"): video
// features on a downscaled copy of a file's frames, audio features on its
// decoded sound, one value per *source* frame at the project's frame rate
// (source frame j is the picture on screen at j · den / num seconds, exactly
// as TimelineRenderer decodes it; audio frame j holds the samples
// [S(j), S(j+1)) at 48 kHz). Measured from frame 0 on, as far as asked: on
// demand by whoever needs frames (a renderer, resolve_params) and, a chunk at
// a time, by the engine's background pass over whole files (AnalysisPass).
// Kept in memory per file and analysis settings, and cached on disk under the
// file's identity (path, size, modification time) so re-opening a project
// reuses it.
//
// Values are final once computed: the same file and settings give the same
// doubles whether measured on demand or in the background, in one go or in
// chunks, read back from the disk cache (JSON numbers round-trip exactly) or
// measured by another process.
//
// Threads: every method may be called from any thread. One mutex guards the
// table of entries; each entry (one file and settings) has its own lock, held
// while it is measured, so two renderers asking for the same file wait for
// one analysis, not two. On-demand callers go before the background pass,
// which takes the entry's lock for one chunk at a time and cuts the chunk
// short when one starts waiting: a renderer waits for a frame of the pass's
// work at most, then for the frames it asked for, never for the file.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "entropic/engine/media/rational.h"
#include "entropic/signal/audio_features.h"
#include "entropic/signal/spec.h"

namespace entropic::engine {

struct VideoAnalysisKey {
    std::string path;
    Rational rate{30, 1}; // the project's frame rate
    std::optional<sig::Region> region;
};

struct AudioAnalysisKey {
    std::string path;
    Rational rate{30, 1};
    std::optional<sig::AudioBand> band; // audio.band's band; none for rms/peak/onset
};

// One analysis: which file, measured how. Sources whose keys have equal
// analysisName()s share it.
using AnalysisKey = std::variant<VideoAnalysisKey, AudioAnalysisKey>;

// How far an analysis has come, in source frames at its rate.
struct AnalysisExtent {
    std::int64_t done = 0;  // frames [0, done) are measured and final
    std::int64_t total = 0; // the whole file: video, the frames starting before the
                            // end of the stream; audio, those holding a sample
};

// Width of the downscaled copy video features are measured on (docs/signals.md
// assumes 160×90); the height keeps the file's aspect.
inline constexpr int kVideoAnalysisWidth = 160;
inline constexpr int kAudioAnalysisRate = 48000;
inline constexpr int kAudioAnalysisFft = 2048;

class VideoAnalysis; // one entry each (engine/analysis/)
class AudioAnalysis;

class AnalysisStore {
  public:
    // cacheDir empty: memory only.
    explicit AnalysisStore(std::filesystem::path cacheDir);
    ~AnalysisStore();
    AnalysisStore(const AnalysisStore&) = delete;
    AnalysisStore& operator=(const AnalysisStore&) = delete;

    // The one store of the process (the engine's renderers, export and
    // resolve_params share its analyses), caching under defaultCacheDir().
    static std::shared_ptr<AnalysisStore> shared();
    // $XDG_CACHE_HOME/entropic/analysis, else $HOME/.cache/entropic/analysis,
    // else none (memory only).
    static std::filesystem::path defaultCacheDir();

    // out[i] = the `kind` feature of source frame first + i, i < count.
    // Throws EngineError naming the file when it cannot be decoded (no video
    // for a video kind, no audio for an audio kind).
    void video(const VideoAnalysisKey& key, sig::SourceKind kind, std::int64_t first,
               std::int64_t count, double* out);
    // Frames past the end of the sound read 0.
    void audio(const AudioAnalysisKey& key, sig::SourceKind kind, std::int64_t first,
               std::int64_t count, double* out);
    // video() or audio(), as the key says.
    void read(const AnalysisKey& key, sig::SourceKind kind, std::int64_t first, std::int64_t count,
              double* out);

    // The background pass's step: measures at most `frames` more source
    // frames of the analysis (none past the whole file; 0 only opens it and
    // learns its length), after any on-demand caller waiting for the same
    // entry. Throws EngineError naming the file.
    AnalysisExtent extend(const AnalysisKey& key, std::int64_t frames);

    // The file and the settings (not the file's identity on disk): equal
    // names measure the same thing.
    static std::string analysisName(const AnalysisKey& key);

    // Frames measured from decoded media by this store (not read back from
    // the disk cache): how tests see the cache being reused.
    std::int64_t measuredFrames() const;

  private:
    template <class Entry, class Key>
    std::shared_ptr<Entry> entry(std::map<std::string, std::shared_ptr<Entry>>& table,
                                 const Key& key);

    std::filesystem::path cacheDir_;
    std::mutex mutex_; // guards the tables (each entry guards itself)
    std::map<std::string, std::shared_ptr<VideoAnalysis>> video_;
    std::map<std::string, std::shared_ptr<AudioAnalysis>> audio_;
    std::atomic<std::int64_t> measured_{0};
};

} // namespace entropic::engine
