#pragma once
// One file's audio features under one set of settings (AnalysisStore's
// entry): the sound decoded at 48 kHz stereo and fed to an AudioAnalyzer in
// blocks, as far as the frames asked (the analyzer's values do not depend on
// the blocks), kept in memory, and saved to the disk cache once the whole
// file is measured. Thread-safe: one PriorityMutex, on-demand readers first.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis_disk_cache.h"
#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/signal/audio_features.h"
#include "priority_mutex.h"

namespace entropic::engine {

class AudioDecoder;

class AudioAnalysis {
  public:
    // measured: the store's count of frames measured from decoded media.
    AudioAnalysis(AudioAnalysisKey key, std::string identity, std::filesystem::path cacheDir,
                  std::atomic<std::int64_t>& measured);
    ~AudioAnalysis();

    // What goes into the disk cache's settings and the store's entry name.
    static std::string settings(const AudioAnalysisKey& key);

    // On demand: out[i] = the `kind` feature of source frame first + i
    // (0 past the end of the sound), measuring as far as first + count.
    void read(sig::SourceKind kind, std::int64_t first, std::int64_t count, double* out);
    // Background: measures at most `frames` more source frames, never past
    // the file's length, after any on-demand reader waiting for the lock.
    AnalysisExtent extend(std::int64_t frames);

  private:
    void load(); // the disk cache, once
    void open(); // the decoder and the analyzer, from sample 0
    void measureTo(std::int64_t need, bool background);
    const sig::AudioFeatures& features() const;
    std::int64_t frames() const { return static_cast<std::int64_t>(features().frames()); }

    const AudioAnalysisKey key_;
    std::atomic<std::int64_t>& measured_;
    PriorityMutex lock_; // guards everything below
    AnalysisDiskCache disk_;
    bool loaded_ = false;
    bool complete_ = false;       // features_ holds the whole file
    sig::AudioFeatures features_; // when complete
    std::int64_t length_ = -1;    // the whole file in source frames, once known
    std::unique_ptr<AudioDecoder> decoder_;
    std::optional<sig::AudioAnalyzer> analyzer_;
    std::int64_t pushed_ = 0; // sample frames fed to the analyzer
    std::vector<float> samples_;
};

} // namespace entropic::engine
