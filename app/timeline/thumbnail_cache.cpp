#include "timeline/thumbnail_cache.h"

#include <cmath>
#include <exception>

#include <QHashFunctions>

#include "entropic/engine/media/video_decoder.h"
#include "timeline/background_queue.h"

namespace entropic::app {

namespace {
constexpr int kMaxCacheBytes = 96 * 1024 * 1024;
constexpr std::size_t kMaxQueued = 256;
constexpr std::size_t kMaxOpenDecoders = 3;
} // namespace

size_t qHash(const ThumbnailKey& key, size_t seed) {
    return qHashMulti(seed, key.path, static_cast<qint64>(key.frame), key.height);
}

ThumbnailCache::ThumbnailCache(QObject* parent)
    : QObject(parent),
      queue_(std::make_unique<BackgroundQueue>(QStringLiteral("timeline-thumbs"), kMaxQueued)) {
    images_.setMaxCost(kMaxCacheBytes);
}

ThumbnailCache::~ThumbnailCache() {
    queue_.reset();
}

QImage ThumbnailCache::thumbnail(const QString& path, std::int64_t frame, int height,
                                 engine::Rational rate) {
    const ThumbnailKey key{path, frame, height};
    if (const QImage* image = images_.object(key)) return *image;
    if (failed_.contains(path) || requested_.contains(key) || height <= 0 || !rate.valid())
        return {};
    requested_.insert(key);
    queue_->push(
        [this, key, rate] {
            double aspect = 0;
            bool failed = false;
            QImage image;
            try {
                image = decode(key, rate, &aspect);
            } catch (const std::exception&) {
                failed = true; // missing or broken media: the clip keeps its placeholder
            }
            QMetaObject::invokeMethod(
                this, [this, key, image, aspect, failed] { deliver(key, image, aspect, failed); },
                Qt::QueuedConnection);
        },
        [this, key] { requested_.remove(key); });
    return {};
}

bool ThumbnailCache::contains(const QString& path, std::int64_t frame, int height) const {
    return images_.contains(ThumbnailKey{path, frame, height});
}

engine::VideoDecoder& ThumbnailCache::decoderFor(const std::string& path) {
    for (auto it = decoders_.begin(); it != decoders_.end(); ++it)
        if (it->first == path) {
            decoders_.splice(decoders_.begin(), decoders_, it);
            return *decoders_.front().second;
        }
    engine::DecoderOptions options;
    options.threads = 1; // thumbnails must not compete with playback for cores
    decoders_.emplace_front(path, std::make_unique<engine::VideoDecoder>(path, options));
    if (decoders_.size() > kMaxOpenDecoders) decoders_.pop_back();
    return *decoders_.front().second;
}

QImage ThumbnailCache::decode(const ThumbnailKey& key, engine::Rational rate, double* aspect) {
    auto& decoder = decoderFor(key.path.toStdString());
    const auto& info = decoder.info();
    *aspect = info.height > 0 ? static_cast<double>(info.width) / info.height : 16.0 / 9.0;
    const int width = std::max(1, static_cast<int>(std::lround(key.height * *aspect)));
    decoder.setOutputSize(width, key.height);
    // The clip's offset is in project frames; the source may run at another rate.
    const auto index = decoder.frameAt(engine::Rational{key.frame * rate.den, rate.num});
    const auto& frame = decoder.frame(index).rgba;
    return QImage(frame.data(), frame.width(), frame.height(), frame.stride(),
                  QImage::Format_RGBA8888)
        .copy();
}

void ThumbnailCache::deliver(const ThumbnailKey& key, const QImage& image, double aspect,
                             bool failed) {
    requested_.remove(key);
    if (failed) {
        failed_.insert(key.path);
    } else {
        aspects_.insert(key.path, aspect);
        images_.insert(key, new QImage(image), static_cast<int>(image.sizeInBytes()));
    }
    Q_EMIT thumbnailReady();
}

} // namespace entropic::app
