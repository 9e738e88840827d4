#pragma once
// The on-disk half of AnalysisStore: one JSON file per media file and
// analysis settings, named by a hash of both and holding both, so a stale or
// colliding file is recognised and ignored rather than misread.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "entropic/signal/timing.h"

namespace entropic::engine {

using FeatureSeries = std::map<std::string, sig::Series>; // by feature name

struct CachedAnalysis {
    FeatureSeries series;
    // The whole file's length in source frames when the series reached it
    // (the analysis is complete), else -1 (a partial video analysis, or a
    // file written before lengths were recorded).
    std::int64_t length = -1;
};

// "absolute path|size|modification time": changes when the file is replaced
// or rewritten. Empty when the file cannot be examined (then nothing is cached).
std::string mediaIdentity(const std::string& path);

class AnalysisDiskCache {
  public:
    // dir empty, or identity empty: a cache that holds nothing.
    AnalysisDiskCache(std::filesystem::path dir, std::string identity, std::string settings);

    std::optional<CachedAnalysis> read() const;
    // Atomic (temporary file, rename). A failure is reported once on stderr and
    // otherwise ignored: the cache only saves time. length: as CachedAnalysis.
    void write(const FeatureSeries& series, std::int64_t length) const;

  private:
    std::filesystem::path file_;
    std::string identity_, settings_;
};

} // namespace entropic::engine
