#pragma once
// One file's video features under one set of settings (AnalysisStore's
// entry): measured from source frame 0 on, since motion compares each
// picture with the one before, kept in memory, and saved to the disk cache
// as it grows. Thread-safe: one PriorityMutex, on-demand readers first.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis_disk_cache.h"
#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/signal/video_features.h"
#include "priority_mutex.h"

namespace entropic::engine {

class VideoDecoder;

class VideoAnalysis {
  public:
    // measured: the store's count of frames measured from decoded media.
    VideoAnalysis(VideoAnalysisKey key, std::string identity, std::filesystem::path cacheDir,
                  std::atomic<std::int64_t>& measured);
    ~VideoAnalysis();

    // What goes into the disk cache's settings and the store's entry name.
    static std::string settings(const VideoAnalysisKey& key);

    // On demand: out[i] = the `kind` feature of source frame first + i,
    // measuring as far as first + count.
    void read(sig::SourceKind kind, std::int64_t first, std::int64_t count, double* out);
    // Background: measures at most `frames` more source frames, never past
    // the file's length, after any on-demand reader waiting for the lock.
    AnalysisExtent extend(std::int64_t frames);

  private:
    void load();                // the disk cache, once
    void open(bool background); // the decoder, at frames_.size()
    void close();               // the decoder and the analyzer go
    void measureTo(std::size_t need, bool background);
    void save();

    const VideoAnalysisKey key_;
    std::atomic<std::int64_t>& measured_;
    PriorityMutex lock_; // guards everything below
    AnalysisDiskCache disk_;
    bool loaded_ = false;
    std::vector<sig::VideoFrameFeatures> frames_; // source frames [0, size)
    std::int64_t length_ = -1;                    // the whole file, once known
    std::unique_ptr<VideoDecoder> decoder_;
    std::optional<sig::VideoAnalyzer> analyzer_; // continues at frames_.size()
    std::size_t saved_ = 0;                      // frames in the disk cache
};

} // namespace entropic::engine
