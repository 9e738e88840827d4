#pragma once
// Source series measured on media files (docs/signals.md, "Sources"): video
// features on a downscaled copy of a file's frames, audio features on its
// decoded sound, one value per *source* frame at the project's frame rate
// (source frame j is the picture on screen at j · den / num seconds, exactly
// as TimelineRenderer decodes it; audio frame j holds the samples
// [S(j), S(j+1)) at 48 kHz). Computed on demand (video as far as asked, audio
// a whole file at once: it is about 1000× real time), kept in memory per file
// and analysis settings, and cached on disk under the file's identity (path,
// size, modification time) so re-opening a project reuses it.
//
// Values are final once computed: the same file and settings give the same
// doubles whether measured now, read back from the disk cache (JSON numbers
// round-trip exactly) or measured by another process.
//
// Threads: every method may be called from any thread. One mutex guards the
// table of entries; each entry has its own, held while it is analysed, so two
// renderers asking for the same file wait for one analysis, not two.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

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

// Width of the downscaled copy video features are measured on (docs/signals.md
// assumes 160×90); the height keeps the file's aspect.
inline constexpr int kVideoAnalysisWidth = 160;
inline constexpr int kAudioAnalysisRate = 48000;
inline constexpr int kAudioAnalysisFft = 2048;

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

    // Frames measured from decoded media by this store (not read back from
    // the disk cache): how tests see the cache being reused.
    std::int64_t measuredFrames() const;

  private:
    struct VideoEntry;
    struct AudioEntry;
    template <class Entry>
    std::shared_ptr<Entry> entry(std::map<std::string, std::shared_ptr<Entry>>& table,
                                 const std::string& name);

    std::filesystem::path cacheDir_;
    mutable std::mutex mutex_; // guards the tables and measured_
    std::map<std::string, std::shared_ptr<VideoEntry>> video_;
    std::map<std::string, std::shared_ptr<AudioEntry>> audio_;
    std::int64_t measured_ = 0;
};

} // namespace entropic::engine
