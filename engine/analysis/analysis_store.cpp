#include "entropic/engine/analysis/analysis_store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "analysis_disk_cache.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/audio_decoder.h"
#include "entropic/engine/media/video_decoder.h"
#include "entropic/signal/video_features.h"

namespace entropic::engine {
namespace {

// Frames measured between two writes of a growing video analysis: playback
// extends it a frame at a time, and rewriting the file each frame would cost
// more than measuring.
constexpr std::size_t kVideoSaveEvery = 256;

struct VideoFeatureName {
    sig::SourceKind kind;
    const char* name;
    double sig::VideoFrameFeatures::*field;
};
constexpr VideoFeatureName kVideoFeatures[] = {
    {sig::SourceKind::VideoLuma, "luma", &sig::VideoFrameFeatures::luma},
    {sig::SourceKind::VideoMotion, "motion", &sig::VideoFrameFeatures::motion},
    {sig::SourceKind::VideoRed, "red", &sig::VideoFrameFeatures::red},
    {sig::SourceKind::VideoGreen, "green", &sig::VideoFrameFeatures::green},
    {sig::SourceKind::VideoBlue, "blue", &sig::VideoFrameFeatures::blue},
    {sig::SourceKind::VideoHue, "hue", &sig::VideoFrameFeatures::hue},
    {sig::SourceKind::VideoSaturation, "saturation", &sig::VideoFrameFeatures::saturation},
    {sig::SourceKind::VideoEdges, "edges", &sig::VideoFrameFeatures::edges},
};

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", v);
    return text;
}

std::string rateText(const Rational& rate) {
    return std::to_string(rate.num) + "/" + std::to_string(rate.den);
}

std::string videoSettings(const VideoAnalysisKey& key) {
    std::string s =
        "video v1 rate=" + rateText(key.rate) + " width=" + std::to_string(kVideoAnalysisWidth);
    if (key.region)
        s += " region=" + number(key.region->x) + "," + number(key.region->y) + "," +
             number(key.region->w) + "," + number(key.region->h);
    return s;
}

std::string audioSettings(const AudioAnalysisKey& key) {
    std::string s = "audio v1 rate=" + rateText(key.rate) +
                    " sr=" + std::to_string(kAudioAnalysisRate) +
                    " fft=" + std::to_string(kAudioAnalysisFft);
    if (key.band) s += " band=" + number(key.band->lowHz) + "," + number(key.band->highHz);
    return s;
}

} // namespace

struct AnalysisStore::VideoEntry {
    std::mutex mutex; // held while measuring
    std::unique_ptr<AnalysisDiskCache> disk;
    bool diskRead = false;
    std::vector<sig::VideoFrameFeatures> frames; // source frames [0, size)
    std::unique_ptr<VideoDecoder> decoder;
    std::optional<sig::VideoAnalyzer> analyzer; // continues at frames.size()
    std::size_t saved = 0;
    bool savedEnd = false;
};

struct AnalysisStore::AudioEntry {
    std::mutex mutex;
    bool ready = false;
    sig::AudioFeatures features;
};

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
    std::lock_guard lock(mutex_);
    return measured_;
}

template <class Entry>
std::shared_ptr<Entry> AnalysisStore::entry(std::map<std::string, std::shared_ptr<Entry>>& table,
                                            const std::string& name) {
    std::lock_guard lock(mutex_);
    auto& e = table[name];
    if (!e) e = std::make_shared<Entry>();
    return e;
}

void AnalysisStore::video(const VideoAnalysisKey& key, sig::SourceKind kind, std::int64_t first,
                          std::int64_t count, double* out) {
    if (count <= 0) return;
    const auto feature = std::find_if(std::begin(kVideoFeatures), std::end(kVideoFeatures),
                                      [&](const VideoFeatureName& f) { return f.kind == kind; });
    if (feature == std::end(kVideoFeatures))
        throw EngineError(errc::kFailed, "video analysis: not a video feature");
    const std::string identity = mediaIdentity(key.path);
    const std::string settings = videoSettings(key);
    // The identity is part of the name: a file rewritten while the engine runs is measured anew.
    const auto e = entry(video_, key.path + "\n" + identity + "\n" + settings);
    std::lock_guard lock(e->mutex);
    if (!e->diskRead) {
        e->diskRead = true;
        e->disk = std::make_unique<AnalysisDiskCache>(cacheDir_, identity, settings);
        if (const auto cached = e->disk->read()) {
            const auto luma = cached->find("luma");
            const std::size_t n = luma == cached->end() ? 0 : luma->second.size();
            bool complete = true;
            for (const auto& f : kVideoFeatures) {
                const auto it = cached->find(f.name);
                complete = complete && it != cached->end() && it->second.size() == n;
            }
            if (complete) {
                e->frames.resize(n);
                for (const auto& f : kVideoFeatures)
                    for (std::size_t j = 0; j < n; ++j)
                        e->frames[j].*f.field = cached->at(f.name)[j];
                e->saved = n;
            }
        }
    }
    const auto need = static_cast<std::size_t>(first + count);
    if (e->frames.size() < need) {
        auto pictureOf = [&](std::size_t j) -> const DecodedFrame& {
            const Rational t{static_cast<std::int64_t>(j) * key.rate.den, key.rate.num};
            return e->decoder->frame(e->decoder->frameAt(t));
        };
        if (!e->decoder) {
            e->decoder = std::make_unique<VideoDecoder>(key.path);
            const auto& info = e->decoder->info();
            const int height =
                std::max(2, static_cast<int>(std::lround(double(kVideoAnalysisWidth) * info.height /
                                                         info.width)));
            e->decoder->setOutputSize(kVideoAnalysisWidth, height);
            e->analyzer.emplace(key.region);
            // Motion compares with the previous picture: measure it again
            // when continuing an analysis read from the disk cache.
            if (!e->frames.empty()) e->analyzer->push(pictureOf(e->frames.size() - 1).rgba.view());
        }
        const std::size_t before = e->frames.size();
        bool atEnd = false;
        for (std::size_t j = before; j < need; ++j) {
            const DecodedFrame& picture = pictureOf(j);
            e->frames.push_back(e->analyzer->push(picture.rgba.view()));
            atEnd = picture.index + 1 >= e->decoder->frameCount();
        }
        {
            std::lock_guard tableLock(mutex_);
            measured_ += static_cast<std::int64_t>(need - before);
        }
        if (e->frames.size() >= e->saved + kVideoSaveEvery || (atEnd && !e->savedEnd)) {
            FeatureSeries series;
            for (const auto& f : kVideoFeatures) {
                auto& s = series[f.name];
                s.reserve(e->frames.size());
                for (const auto& frame : e->frames)
                    s.push_back(frame.*f.field);
            }
            e->disk->write(series);
            e->saved = e->frames.size();
            e->savedEnd = e->savedEnd || atEnd;
        }
    }
    for (std::int64_t i = 0; i < count; ++i)
        out[i] = e->frames[static_cast<std::size_t>(first + i)].*feature->field;
}

void AnalysisStore::audio(const AudioAnalysisKey& key, sig::SourceKind kind, std::int64_t first,
                          std::int64_t count, double* out) {
    if (count <= 0) return;
    if (!sig::isAudioSource(kind))
        throw EngineError(errc::kFailed, "audio analysis: not an audio feature");
    const std::string identity = mediaIdentity(key.path);
    const std::string settings = audioSettings(key);
    const auto e = entry(audio_, key.path + "\n" + identity + "\n" + settings);
    std::lock_guard lock(e->mutex);
    if (!e->ready) {
        const AnalysisDiskCache disk(cacheDir_, identity, settings);
        auto& f = e->features;
        if (auto cached = disk.read()) {
            f.rms = std::move((*cached)["rms"]);
            f.peak = std::move((*cached)["peak"]);
            f.onset = std::move((*cached)["onset"]);
            if (key.band) f.bands = {std::move((*cached)["band"])};
        }
        const bool complete =
            !f.rms.empty() && f.peak.size() == f.rms.size() && f.onset.size() == f.rms.size() &&
            (!key.band || (f.bands.size() == 1 && f.bands[0].size() == f.rms.size()));
        if (!complete) {
            sig::AudioAnalysisSettings analysis{kAudioAnalysisRate,
                                                2,
                                                static_cast<int>(key.rate.num),
                                                static_cast<int>(key.rate.den),
                                                kAudioAnalysisFft,
                                                {}};
            if (key.band) analysis.bands.push_back(*key.band);
            AudioDecoder decoder(key.path, kAudioAnalysisRate, 2);
            sig::AudioAnalyzer analyzer(analysis);
            constexpr std::int64_t kChunk = 1 << 16;
            std::vector<float> samples(static_cast<std::size_t>(kChunk) * 2);
            for (std::int64_t at = 0; at < decoder.length(); at += kChunk) {
                const std::int64_t n = std::min(kChunk, decoder.length() - at);
                decoder.read(at, n, samples.data());
                analyzer.push({samples.data(), static_cast<std::size_t>(n) * 2});
            }
            analyzer.finish();
            f = analyzer.features();
            FeatureSeries series{{"rms", f.rms}, {"peak", f.peak}, {"onset", f.onset}};
            if (key.band) series["band"] = f.bands.front();
            disk.write(series);
            std::lock_guard tableLock(mutex_);
            measured_ += static_cast<std::int64_t>(f.frames());
        }
        e->ready = true;
    }
    const sig::Series* series = e->features.get(kind, 0);
    for (std::int64_t i = 0; i < count; ++i) {
        const auto j = static_cast<std::size_t>(first + i);
        out[i] = series && j < series->size() ? (*series)[j] : 0.0;
    }
}

} // namespace entropic::engine
