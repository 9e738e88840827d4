#include "timeline/clip_painter.h"

#include <algorithm>
#include <cmath>

#include <QLineF>
#include <QPainter>
#include <QVector>

#include "entropic/engine/project/project.h"
#include "timeline/thumbnail_cache.h"
#include "timeline/timeline_geometry.h"
#include "timeline/timeline_palette.h"
#include "timeline/waveform_cache.h"

namespace entropic::app {

namespace {

constexpr int kTitleHeight = 16;
constexpr int kMaxTilesPerClip = 200;

void paintThumbnails(QPainter& p, const QRectF& area, const engine::Clip& clip,
                     const engine::Project& project, const TimelineGeometry& geometry,
                     ThumbnailCache& thumbnails) {
    const QString path = QString::fromStdString(clip.sourcePath);
    const int height = static_cast<int>(area.height());
    if (height < 8) return;
    double aspect = thumbnails.aspect(path);
    if (aspect <= 0)
        aspect =
            project.height > 0 ? static_cast<double>(project.width) / project.height : 16.0 / 9.0;
    const double tileWidth = std::max(8.0, std::round(height * aspect));
    const double ppf = geometry.pixelsPerFrame();
    // Tiles are anchored at the clip's start, so scrolling keeps their frames
    // (and cache keys) the same; only what is on screen is asked for.
    const double visibleLeft =
        std::max(area.left(), static_cast<double>(TimelineGeometry::kHeaderWidth));
    const double visibleRight =
        std::min(area.right(), static_cast<double>(geometry.viewSize().width()));
    const int first =
        std::max(0, static_cast<int>(std::floor((visibleLeft - area.left()) / tileWidth)));
    const int last =
        std::min(first + kMaxTilesPerClip,
                 static_cast<int>(std::ceil((visibleRight - area.left()) / tileWidth)));
    const bool failed = thumbnails.failed(path);
    for (int i = first; i < last; ++i) {
        const QRectF tile(area.left() + i * tileWidth, area.top(), tileWidth, height);
        const auto offset = std::min<std::int64_t>(clip.length() - 1,
                                                   static_cast<std::int64_t>(i * tileWidth / ppf));
        const QImage image =
            failed ? QImage()
                   : thumbnails.thumbnail(path, clip.in + offset, height, project.frameRate);
        if (!image.isNull()) {
            p.drawImage(QRectF(tile.topLeft(), QSizeF(image.width(), image.height())), image);
        } else {
            // Placeholder: a film-frame outline until the picture arrives.
            p.fillRect(tile.adjusted(1, 1, -1, -1), QColor(0, 0, 0, 50));
            p.setPen(QColor(255, 255, 255, 28));
            p.drawRect(tile.adjusted(2, 2, -2, -2));
        }
        p.setPen(QColor(0, 0, 0, 90));
        p.drawLine(QLineF(tile.topRight(), tile.bottomRight()));
    }
    if (failed) {
        p.setPen(palette::kInvalid.lighter(130));
        p.drawText(area.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   QObject::tr("Media offline"));
    }
}

void paintWaveform(QPainter& p, const QRectF& area, const engine::Clip& clip,
                   const engine::Project& project, const TimelineGeometry& geometry,
                   const Waveform& wave, const QColor& colour) {
    const double fps = project.frameRate.toDouble();
    if (fps <= 0 || area.height() < 4) return;
    const double mid = area.center().y();
    const double half = area.height() / 2.0 - 1;
    const int left = static_cast<int>(
        std::max(area.left(), static_cast<double>(TimelineGeometry::kHeaderWidth)));
    const int right =
        static_cast<int>(std::min(area.right(), static_cast<double>(geometry.viewSize().width())));
    QVector<QLineF> lines;
    lines.reserve(std::max(0, right - left));
    for (int x = left; x < right; ++x) {
        // Source seconds under this pixel column.
        const double from = (clip.in + geometry.xToFrame(x) - clip.start) / fps;
        const double to = (clip.in + geometry.xToFrame(x + 1) - clip.start) / fps;
        // On a dB scale (-48 dB .. 0 dB), as NLEs draw it: quiet sound still shows.
        const double peak = wave.peakBetween(from, to);
        const double level =
            peak > 0 ? std::clamp(1.0 + 20.0 * std::log10(peak) / 48.0, 0.0, 1.0) : 0.0;
        const double h = std::max(0.5, level * half);
        lines.push_back(QLineF(x + 0.5, mid - h, x + 0.5, mid + h));
    }
    p.setPen(colour);
    p.drawLines(lines);
}

// Two chain links: the clip moves, trims, splits and deletes with others.
void paintLinkMark(QPainter& p, const QRectF& box) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(palette::kHeaderText, 1.4));
    const double h = std::min(box.height(), 8.0), w = box.width() * 0.62;
    const double top = box.center().y() - h / 2;
    p.drawRoundedRect(QRectF(box.left(), top, w, h), h / 2, h / 2);
    p.drawRoundedRect(QRectF(box.right() - w, top, w, h), h / 2, h / 2);
    p.restore();
}

} // namespace

void paintClip(QPainter& p, const QRectF& rect, const engine::Clip& clip, engine::TrackKind kind,
               const engine::Project& project, const TimelineGeometry& geometry,
               ThumbnailCache& thumbnails, WaveformCache& waveforms, const ClipLook& look) {
    const bool video = kind == engine::TrackKind::Video;
    p.save();
    if (look.muted || !clip.enabled) p.setOpacity(0.45);
    const QColor fill = video ? palette::kVideoClip : palette::kAudioClip;
    p.setPen(Qt::NoPen);
    p.setBrush(look.selected ? fill.lighter(135) : fill);
    p.drawRoundedRect(rect, 3, 3);

    p.setClipRect(rect.adjusted(1, 1, -1, -1), Qt::IntersectClip);
    const QRectF body = rect.adjusted(1, kTitleHeight, -1, -1);
    const QString path = QString::fromStdString(clip.sourcePath);
    if (video) {
        paintThumbnails(p, body, clip, project, geometry, thumbnails);
        // Its sound, faint along the bottom, when the source has any and
        // it is heard from this clip (not from a linked audio clip).
        if (auto wave = clip.soundMuted ? nullptr : waveforms.waveform(path)) {
            const QRectF strip(body.left(), body.bottom() - 14, body.width(), 14);
            p.fillRect(strip, QColor(0, 0, 0, 120)); // so the sound reads over any picture
            paintWaveform(p, strip, clip, project, geometry, *wave, QColor(255, 255, 255, 150));
        }
    } else if (auto wave = waveforms.waveform(path)) {
        paintWaveform(p, body, clip, project, geometry, *wave, palette::kWaveform);
    } else if (waveforms.isSilent(path)) {
        p.setPen(palette::kDimText);
        p.drawText(body.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   QObject::tr("No sound"));
    }

    // Title strip: the file name, and how many effects the clip carries.
    const QRectF title(rect.left(), rect.top(), rect.width(), kTitleHeight);
    p.fillRect(title, QColor(0, 0, 0, 110));
    QString name = QString::fromStdString(engine::clipDisplayName(clip));
    if (!clip.effects.empty()) name += QStringLiteral("  ·  fx %1").arg(clip.effects.size());
    if (!clip.enabled) name = QObject::tr("[disabled] %1").arg(name);
    p.setPen(palette::kHeaderText);
    // Keep the name on screen while the clip's start is scrolled off to the left.
    double textLeft =
        std::max(title.left(), static_cast<double>(TimelineGeometry::kHeaderWidth)) + 5;
    if (!clip.link.empty() && title.right() - textLeft > 24) {
        paintLinkMark(p, QRectF(textLeft, title.top() + 2, 14, title.height() - 4));
        textLeft += 17;
    }
    const QRectF text(textLeft, title.top(), title.right() - textLeft - 3, title.height());
    if (text.width() > 12)
        p.drawText(
            text, Qt::AlignLeft | Qt::AlignVCenter,
            p.fontMetrics().elidedText(name, Qt::ElideRight, static_cast<int>(text.width())));
    p.restore();

    p.save();
    p.setBrush(Qt::NoBrush);
    if (look.effectTarget)
        p.setPen(QPen(palette::kDropTarget, 2));
    else if (look.selected)
        p.setPen(QPen(palette::kSelection, 2));
    else
        p.setPen(QPen(video ? palette::kVideoClipBorder : palette::kAudioClipBorder, 1));
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    p.restore();
}

void paintGhost(QPainter& p, const QRectF& rect, const QString& label, bool valid) {
    p.save();
    const QColor edge = valid ? QColor(255, 255, 255, 220) : palette::kInvalid;
    p.setPen(QPen(edge, 1.5, Qt::DashLine));
    p.setBrush(valid ? QColor(255, 255, 255, 45) : QColor(224, 64, 64, 60));
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    p.setPen(edge);
    p.drawText(
        rect.adjusted(5, 0, -3, 0), Qt::AlignLeft | Qt::AlignTop,
        p.fontMetrics().elidedText(label, Qt::ElideRight, static_cast<int>(rect.width()) - 8));
    p.restore();
}

} // namespace entropic::app
