#include "entropic/engine/analysis/analysis_store.h"

#include <cstdlib>

#include "analysis_disk_cache.h"
#include "audio_analysis.h"
#include "video_analysis.h"

namespace entropic::engine {

AnalysisStore::AnalysisStore(std::filesystem::path cacheDir) : cacheDir_(std::move(cacheDir)) {}
AnalysisStore::~AnalysisStore() = default;

std::shared_ptr<AnalysisStore> AnalysisStore::shared() {
    static const auto store = std::make_shared<AnalysisStore>(defaultCacheDir());
    return store;
}

std::filesystem::path AnalysisStore::defaultCacheDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "entropic" / "analysis";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "entropic" / "analysis";
    return {};
}

std::int64_t AnalysisStore::measuredFrames() const {
    return measured_.load();
}

std::string AnalysisStore::analysisName(const AnalysisKey& key) {
    if (const auto* v = std::get_if<VideoAnalysisKey>(&key))
        return v->path + "\n" + VideoAnalysis::settings(*v);
    const auto& a = std::get<AudioAnalysisKey>(key);
    return a.path + "\n" + AudioAnalysis::settings(a);
}

template <class Entry, class Key>
std::shared_ptr<Entry> AnalysisStore::entry(std::map<std::string, std::shared_ptr<Entry>>& table,
                                            const Key& key) {
    const std::string identity = mediaIdentity(key.path);
    // The identity is part of the name: a file rewritten while the engine
    // runs is measured anew.
    const std::string name = key.path + "\n" + identity + "\n" + Entry::settings(key);
    std::lock_guard lock(mutex_);
    auto& e = table[name];
    if (!e) e = std::make_shared<Entry>(key, identity, cacheDir_, measured_);
    return e;
}

void AnalysisStore::video(const VideoAnalysisKey& key, sig::SourceKind kind, std::int64_t first,
                          std::int64_t count, double* out) {
    entry(video_, key)->read(kind, first, count, out);
}

void AnalysisStore::audio(const AudioAnalysisKey& key, sig::SourceKind kind, std::int64_t first,
                          std::int64_t count, double* out) {
    entry(audio_, key)->read(kind, first, count, out);
}

void AnalysisStore::read(const AnalysisKey& key, sig::SourceKind kind, std::int64_t first,
                         std::int64_t count, double* out) {
    if (const auto* v = std::get_if<VideoAnalysisKey>(&key))
        video(*v, kind, first, count, out);
    else
        audio(std::get<AudioAnalysisKey>(key), kind, first, count, out);
}

AnalysisExtent AnalysisStore::extend(const AnalysisKey& key, std::int64_t frames) {
    if (const auto* v = std::get_if<VideoAnalysisKey>(&key))
        return entry(video_, *v)->extend(frames);
    return entry(audio_, std::get<AudioAnalysisKey>(key))->extend(frames);
}

} // namespace entropic::engine
