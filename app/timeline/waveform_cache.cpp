#include "timeline/waveform_cache.h"

#include <algorithm>
#include <cmath>
#include <exception>

#include "entropic/engine/media/audio_decoder.h"
#include "timeline/background_queue.h"

namespace entropic::app {

namespace {
// Low and mono: a waveform shows loudness, not content, and this keeps a
// long file's decode short.
constexpr int kDecodeRate = 8000;
constexpr int kSamplesPerPeak = kDecodeRate / Waveform::kPeaksPerSecond;
constexpr std::int64_t kChunk = kDecodeRate * 4;
} // namespace

float Waveform::peakBetween(double fromSeconds, double toSeconds) const {
    const auto n = static_cast<std::int64_t>(peaks.size());
    auto first = static_cast<std::int64_t>(std::floor(fromSeconds * kPeaksPerSecond));
    auto last = static_cast<std::int64_t>(std::ceil(toSeconds * kPeaksPerSecond));
    first = std::clamp<std::int64_t>(first, 0, n);
    last = std::clamp<std::int64_t>(std::max(last, first + 1), 0, n);
    float peak = 0;
    for (auto i = first; i < last; ++i)
        peak = std::max(peak, peaks[static_cast<std::size_t>(i)]);
    return peak;
}

WaveformCache::WaveformCache(QObject* parent)
    : QObject(parent),
      queue_(std::make_unique<BackgroundQueue>(QStringLiteral("timeline-waves"), 64)) {}

WaveformCache::~WaveformCache() {
    queue_.reset();
}

std::shared_ptr<const Waveform> WaveformCache::waveform(const QString& path) {
    if (auto it = waves_.constFind(path); it != waves_.constEnd()) return *it;
    if (silent_.contains(path) || requested_.contains(path)) return nullptr;
    requested_.insert(path);
    const BackgroundQueue* queue = queue_.get();
    queue_->push(
        [this, path, queue] {
            std::shared_ptr<Waveform> wave;
            try {
                wave = decode(path, *queue);
            } catch (const std::exception&) {
                // No audio stream, or unreadable: drawn without a waveform.
            }
            QMetaObject::invokeMethod(
                this,
                [this, path, wave] {
                    requested_.remove(path);
                    if (wave)
                        waves_.insert(path, wave);
                    else
                        silent_.insert(path);
                    Q_EMIT waveformReady();
                },
                Qt::QueuedConnection);
        },
        [this, path] { requested_.remove(path); });
    return nullptr;
}

std::shared_ptr<Waveform> WaveformCache::decode(const QString& path, const BackgroundQueue& queue) {
    engine::AudioDecoder decoder(path.toStdString(), kDecodeRate, 1);
    auto wave = std::make_shared<Waveform>();
    const std::int64_t length = decoder.length();
    wave->peaks.reserve(static_cast<std::size_t>(length / kSamplesPerPeak + 1));
    std::vector<float> samples(static_cast<std::size_t>(kChunk));
    for (std::int64_t pos = 0; pos < length; pos += kChunk) {
        if (queue.stopping()) return nullptr;
        const std::int64_t count = std::min(kChunk, length - pos);
        decoder.read(pos, count, samples.data());
        for (std::int64_t i = 0; i < count; i += kSamplesPerPeak) {
            float peak = 0;
            for (std::int64_t j = i; j < std::min(count, i + kSamplesPerPeak); ++j)
                peak = std::max(peak, std::abs(samples[static_cast<std::size_t>(j)]));
            wave->peaks.push_back(std::min(peak, 1.0f));
        }
    }
    return wave;
}

} // namespace entropic::app
