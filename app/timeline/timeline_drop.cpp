// TimelineWidget: drops — media files from the bin or a file manager become
// clips, an effect or a preset from the browser goes onto the clip under it.
#include "timeline/timeline_widget.h"

#include <cmath>

#include <QDir>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QSettings>
#include <QUrl>

#include "bin/media_bin.h"
#include "bin/media_probe_job.h"
#include "browser/effect_browser.h"
#include "commands/edits.h"
#include "model/project_document.h"
#include "timeline/timeline_snapping.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

namespace entropic::app {

namespace {

QStringList mediaPaths(const QMimeData* mime, const QString& baseDir) {
    QStringList paths;
    if (mime->hasFormat(QString::fromLatin1(kMediaMimeType))) {
        for (const QString& line :
             QString::fromUtf8(mime->data(QString::fromLatin1(kMediaMimeType))).split(u'\n')) {
            const QString path = line.trimmed();
            if (!path.isEmpty()) paths.push_back(QDir(baseDir).absoluteFilePath(path));
        }
    } else if (mime->hasUrls()) {
        for (const QUrl& url : mime->urls())
            if (url.isLocalFile()) paths.push_back(url.toLocalFile());
    }
    return paths;
}

QString mimeText(const QMimeData* mime, const char* type) {
    return mime->hasFormat(QString::fromLatin1(type))
               ? QString::fromUtf8(mime->data(QString::fromLatin1(type))).trimmed()
               : QString();
}
QString effectId(const QMimeData* mime) {
    return mimeText(mime, kEffectMimeType);
}
QString presetId(const QMimeData* mime) {
    return mimeText(mime, kPresetMimeType);
}
// An effect or a preset: something that goes onto a clip's chain.
bool carriesChain(const QMimeData* mime) {
    return !effectId(mime).isEmpty() || !presetId(mime).isEmpty();
}

// The media's length in project frames: its own frames at its own rate,
// counted again at the project's rate.
std::int64_t lengthInProjectFrames(const engine::MediaInfo& info, engine::Rational rate) {
    double seconds = info.durationSeconds;
    if (info.video && info.video->frameRate.valid() && info.video->frameCount > 0)
        seconds = static_cast<double>(info.video->frameCount) / info.video->frameRate.toDouble();
    return std::max<std::int64_t>(1, std::llround(seconds * rate.toDouble()));
}

struct PendingImport {
    QString trackId;
    qint64 frame = 0;
    std::vector<ProbedMedia> results;
    int remaining = 0;
};

} // namespace

bool TimelineWidget::linkSoundOnDrop() {
    return QSettings().value(QLatin1String(kLinkSoundKey), true).toBool();
}

void TimelineWidget::clearDropState() {
    dropFrame_.reset();
    dropRow_ = -1;
    effectTarget_.clear();
    update();
}

void TimelineWidget::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (carriesChain(mime) || !mediaPaths(mime, doc_.baseDir()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

bool TimelineWidget::trackDrop(QPoint pos, const QMimeData* mime) {
    clearDropState();
    if (carriesChain(mime)) {
        const TimelineHit hit = geometry_.hitTest(pos, doc_.project());
        const bool onVideo =
            hit.row >= 0 &&
            geometry_.rows()[static_cast<std::size_t>(hit.row)].kind == engine::TrackKind::Video;
        if (hit.clipId.isEmpty() || !onVideo) return false;
        effectTarget_ = hit.clipId;
        return true;
    }
    dropRow_ = geometry_.rowAt(pos.y());
    std::int64_t frame = geometry_.boundaryAt(pos.x());
    if (snapping()) {
        const SnapTargets snaps(doc_.project(), doc_.editorState(), transport_.frame());
        if (auto snapped = snaps.snap(geometry_.xToFrame(pos.x()),
                                      TimelineGeometry::kSnapPx / geometry_.pixelsPerFrame()))
            frame = *snapped;
    }
    // The timeline's start pulls harder than other targets, snapping on or
    // off: a clip dropped just after it is meant to start the piece, and a
    // few black frames at the head are a defect nobody sees until export.
    if (frame > 0 &&
        static_cast<double>(frame) * geometry_.pixelsPerFrame() <= TimelineGeometry::kStartSnapPx)
        frame = 0;
    dropFrame_ = frame;
    return true;
}

void TimelineWidget::dragMoveEvent(QDragMoveEvent* event) {
    if (trackDrop(event->position().toPoint(), event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void TimelineWidget::dragLeaveEvent(QDragLeaveEvent*) {
    clearDropState();
}

void TimelineWidget::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    const QPoint pos = event->position().toPoint();
    if (carriesChain(mime)) {
        const TimelineHit hit = geometry_.hitTest(pos, doc_.project());
        clearDropState();
        if (hit.clipId.isEmpty()) return event->ignore();
        QString error;
        bool ok = false;
        if (const QString effect = effectId(mime); !effect.isEmpty()) {
            ok = edits::addEffect(doc_, hit.clipId, effect, -1, &error);
        } else {
            try {
                ok = edits::applyPreset(
                    doc_, hit.clipId,
                    engine::findPreset(engine::presetFolder(), presetId(mime).toStdString()),
                    &error);
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            }
        }
        if (ok)
            selection_.select(hit.clipId);
        else
            report(error);
        event->acceptProposedAction();
        return;
    }
    const QStringList paths = mediaPaths(mime, doc_.baseDir());
    if (paths.isEmpty()) return event->ignore();
    trackDrop(pos, mime); // where it lands now, even with no move before the drop
    const int row = dropRow_;
    const qint64 frame = dropFrame_.value_or(geometry_.boundaryAt(pos.x()));
    clearDropState();
    importFiles(paths,
                row >= 0 ? geometry_.rows()[static_cast<std::size_t>(row)].trackId : QString(),
                frame);
    event->acceptProposedAction();
}

void TimelineWidget::importFiles(const QStringList& paths, const QString& trackId, qint64 frame) {
    if (paths.isEmpty()) return;
    auto pending = std::make_shared<PendingImport>();
    pending->trackId = trackId;
    pending->frame = frame;
    pending->results.resize(static_cast<std::size_t>(paths.size()));
    pending->remaining = static_cast<int>(paths.size());
    // Probing opens and indexes each file: off the UI thread, all at once,
    // placed in the order they were dropped when the last one is known.
    for (int i = 0; i < paths.size(); ++i)
        probeMediaAsync(paths[i], this, [this, pending, i](const ProbedMedia& media) {
            pending->results[static_cast<std::size_t>(i)] = media;
            if (--pending->remaining == 0)
                placeMedia(pending->results, pending->trackId, pending->frame);
        });
}

QString TimelineWidget::trackForKind(engine::TrackKind kind, const QString& preferred) {
    // The track under the drop if it is of the kind, else the nearest one
    // that is; a new track when there is none.
    const auto& rows = geometry_.rows();
    const int from = std::max(0, geometry_.rowOfTrack(preferred));
    int best = -1;
    for (int i = 0; i < static_cast<int>(rows.size()); ++i)
        if (rows[static_cast<std::size_t>(i)].kind == kind &&
            (best < 0 || std::abs(i - from) < std::abs(best - from)))
            best = i;
    if (best >= 0) return rows[static_cast<std::size_t>(best)].trackId;
    QString id, error;
    if (!edits::addTrack(doc_, kind, &error, &id)) report(error);
    return id;
}

void TimelineWidget::placeMedia(const std::vector<ProbedMedia>& media, const QString& trackId,
                                qint64 frame) {
    QStringList added;
    for (const auto& item : media) {
        if (!item.ok) {
            report(item.error);
            continue;
        }
        const auto kind = item.info.video ? engine::TrackKind::Video : engine::TrackKind::Audio;
        const QString track = trackForKind(kind, trackId);
        if (track.isEmpty()) continue;
        const std::int64_t length = lengthInProjectFrames(item.info, doc_.project().frameRate);
        QString error, clipId, soundId;
        // A video with sound: by default its sound on an audio track, linked.
        const bool linkSound = item.info.video && !item.info.audio.empty() && linkSoundOnDrop();
        const bool ok =
            linkSound ? edits::addClipWithLinkedSound(doc_, track, item.path, frame, 0, length,
                                                      &error, &clipId, &soundId)
                      : edits::addClip(doc_, track, item.path, frame, 0, length, &error, &clipId);
        if (ok) {
            added.push_back(clipId); // its linked sound follows it in every edit
            frame += length;
        } else {
            report(tr("%1: %2").arg(QFileInfo(item.path).fileName(), error));
        }
    }
    if (!added.isEmpty()) selection_.set(added);
    Q_EMIT mediaPlaced(added);
}

} // namespace entropic::app
