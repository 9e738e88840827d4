#include "audio_analysis.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "entropic/engine/error.h"
#include "entropic/engine/media/audio_decoder.h"

namespace entropic::engine {
namespace {

// Sample frames decoded and fed to the analyzer at a time: 170 ms at 48 kHz,
// so a reader waits for little more than the frames it asked for.
constexpr std::int64_t kBlock = 8192;
constexpr int kChannels = 2;

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", v);
    return text;
}

// Frames holding at least one of `samples` sample frames: the n with
// S(n) < samples, which is what AudioAnalyzer::finish() completes.
std::int64_t framesHolding(std::int64_t samples, const Rational& rate) {
    const sig::Timing timing{static_cast<int>(rate.num), static_cast<int>(rate.den)};
    const std::int64_t per = rate.den * kAudioAnalysisRate;
    std::int64_t n = (samples * rate.num + per - 1) / per;
    while (timing.firstSample(n, kAudioAnalysisRate) < samples)
        ++n;
    while (n > 0 && timing.firstSample(n - 1, kAudioAnalysisRate) >= samples)
        --n;
    return n;
}

} // namespace

std::string AudioAnalysis::settings(const AudioAnalysisKey& key) {
    // v2: analyses cached before the analyzer stopped reading an unwritten
    // Nyquist bin (signal/extract/audio_features.cpp) may hold a wrong first
    // onset; they are measured again rather than trusted.
    std::string s = "audio v2 rate=" + std::to_string(key.rate.num) + "/" +
                    std::to_string(key.rate.den) + " sr=" + std::to_string(kAudioAnalysisRate) +
                    " fft=" + std::to_string(kAudioAnalysisFft);
    if (key.band) s += " band=" + number(key.band->lowHz) + "," + number(key.band->highHz);
    return s;
}

AudioAnalysis::AudioAnalysis(AudioAnalysisKey key, std::string identity,
                             std::filesystem::path cacheDir, std::atomic<std::int64_t>& measured)
    : key_(std::move(key)), measured_(measured),
      disk_(std::move(cacheDir), std::move(identity), settings(key_)) {}

AudioAnalysis::~AudioAnalysis() = default;

const sig::AudioFeatures& AudioAnalysis::features() const {
    return complete_ || !analyzer_ ? features_ : analyzer_->features();
}

void AudioAnalysis::load() {
    if (loaded_) return;
    loaded_ = true;
    auto cached = disk_.read();
    if (!cached) return;
    auto& series = cached->series;
    sig::AudioFeatures f;
    f.rms = std::move(series["rms"]);
    f.peak = std::move(series["peak"]);
    f.onset = std::move(series["onset"]);
    if (key_.band) f.bands = {std::move(series["band"])};
    // Only whole analyses are saved: continuing one would need the
    // analyzer's state, which is not kept.
    const bool whole = !f.rms.empty() && f.peak.size() == f.rms.size() &&
                       f.onset.size() == f.rms.size() &&
                       (!key_.band || f.bands.front().size() == f.rms.size());
    if (!whole) return;
    features_ = std::move(f);
    complete_ = true;
    length_ = static_cast<std::int64_t>(features_.frames());
}

void AudioAnalysis::open() {
    decoder_ = std::make_unique<AudioDecoder>(key_.path, kAudioAnalysisRate, kChannels);
    sig::AudioAnalysisSettings settings{kAudioAnalysisRate,
                                        kChannels,
                                        static_cast<int>(key_.rate.num),
                                        static_cast<int>(key_.rate.den),
                                        kAudioAnalysisFft,
                                        {}};
    if (key_.band) settings.bands.push_back(*key_.band);
    analyzer_.emplace(settings);
    pushed_ = 0;
    length_ = framesHolding(decoder_->length(), key_.rate);
    samples_.resize(static_cast<std::size_t>(kBlock) * kChannels);
}

void AudioAnalysis::measureTo(std::int64_t need, bool background) {
    if (complete_ || frames() >= need) return;
    if (!analyzer_) open();
    const std::int64_t before = frames();
    bool finished = false;
    while (!finished && frames() < need) {
        // The background pass yields to a renderer between two blocks.
        if (background && frames() > before && lock_.onDemandWaiting()) break;
        const std::int64_t n = std::min(kBlock, decoder_->length() - pushed_);
        if (n <= 0) {
            analyzer_->finish(); // the last frames' FFT windows read silence past the end
            finished = true;
            break;
        }
        decoder_->read(pushed_, n, samples_.data());
        analyzer_->push({samples_.data(), static_cast<std::size_t>(n) * kChannels});
        pushed_ += n;
    }
    measured_ += frames() - before;
    if (!finished) return;
    features_ = analyzer_->features();
    complete_ = true;
    analyzer_.reset();
    decoder_.reset();
    samples_ = {};
    FeatureSeries series{
        {"rms", features_.rms}, {"peak", features_.peak}, {"onset", features_.onset}};
    if (key_.band) series["band"] = features_.bands.front();
    disk_.write(series, length_);
}

void AudioAnalysis::read(sig::SourceKind kind, std::int64_t first, std::int64_t count,
                         double* out) {
    if (!sig::isAudioSource(kind))
        throw EngineError(errc::kFailed, "audio analysis: not an audio feature");
    if (count <= 0) return;
    auto onDemand = lock_.onDemand();
    std::lock_guard lock(onDemand);
    load();
    measureTo(first + count, false);
    const sig::Series* series = features().get(kind, 0);
    for (std::int64_t i = 0; i < count; ++i) {
        const auto j = static_cast<std::size_t>(first + i);
        out[i] = series && j < series->size() ? (*series)[j] : 0.0;
    }
}

AnalysisExtent AudioAnalysis::extend(std::int64_t frames) {
    auto background = lock_.background();
    std::lock_guard lock(background);
    load();
    if (length_ < 0) open(); // learns the length
    measureTo(std::min(length_, this->frames() + std::max<std::int64_t>(0, frames)), true);
    return {std::min(this->frames(), length_), length_};
}

} // namespace entropic::engine
