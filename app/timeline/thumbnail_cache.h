#pragma once
// Frame thumbnails for video clips, decoded on a worker thread
// ("timeline-thumbs") and kept in memory, keyed by (source path, frame,
// height). The painter asks for what it draws; a miss returns a null image
// at once and queues the decode; thumbnailReady() says when to repaint.
// A source that cannot be decoded is remembered as failed and not retried.
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <utility>

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>

#include "entropic/engine/media/rational.h"

namespace entropic::engine {
class VideoDecoder;
}

namespace entropic::app {

class BackgroundQueue;

struct ThumbnailKey {
    QString path;
    std::int64_t frame = 0; // source offset in project frames
    int height = 0;
    bool operator==(const ThumbnailKey& o) const {
        return frame == o.frame && height == o.height && path == o.path;
    }
};
size_t qHash(const ThumbnailKey& key, size_t seed = 0);

class ThumbnailCache : public QObject {
    Q_OBJECT
  public:
    explicit ThumbnailCache(QObject* parent = nullptr);
    ~ThumbnailCache() override;

    // The thumbnail of source offset `frame` (project frames at `rate`) at
    // `height` pixels, its width following the source's aspect; a null image
    // while it is decoded (the request is queued once).
    QImage thumbnail(const QString& path, std::int64_t frame, int height, engine::Rational rate);
    bool contains(const QString& path, std::int64_t frame, int height) const;
    // Width over height of a source, known once one thumbnail of it has been
    // decoded (0 before).
    double aspect(const QString& path) const { return aspects_.value(path, 0.0); }
    bool failed(const QString& path) const { return failed_.contains(path); }
    int count() const { return images_.count(); }

  Q_SIGNALS:
    void thumbnailReady();

  private:
    // Worker thread only.
    QImage decode(const ThumbnailKey& key, engine::Rational rate, double* aspect);
    engine::VideoDecoder& decoderFor(const std::string& path);
    void deliver(const ThumbnailKey& key, const QImage& image, double aspect, bool failed);

    // UI thread only.
    QCache<ThumbnailKey, QImage> images_; // cost: bytes
    QSet<ThumbnailKey> requested_;
    QHash<QString, double> aspects_;
    QSet<QString> failed_;

    // Worker thread only: a few open decoders, most recently used first
    // (opening indexes the whole file, so they are kept).
    std::list<std::pair<std::string, std::unique_ptr<engine::VideoDecoder>>> decoders_;

    std::unique_ptr<BackgroundQueue> queue_; // last: destroyed (joined) first
};

} // namespace entropic::app
