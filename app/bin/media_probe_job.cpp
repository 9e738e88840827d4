#include "bin/media_probe_job.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include <cmath>

#include "entropic/engine/error.h"
#include "entropic/engine/media/video_decoder.h"

namespace entropic::app {
namespace {

ProbedMedia probe(const QString& path) {
    ProbedMedia result;
    result.path = path;
    try {
        result.info = engine::probeMedia(path.toStdString());
        if (!result.info.video && result.info.audio.empty())
            throw engine::EngineError(engine::errc::kMediaUnsupported,
                                      path.toStdString() + ": has neither picture nor sound");
        if (result.info.video) {
            const auto& v = *result.info.video;
            const int width = 160;
            const int height =
                std::max(1, static_cast<int>(std::lround(160.0 * v.height / std::max(1, v.width))));
            engine::DecoderOptions options;
            options.outputWidth = width;
            options.outputHeight = height;
            options.threads = 1;
            engine::VideoDecoder decoder(path.toStdString(), options);
            const auto& frame = decoder.frame(decoder.frameCount() / 10);
            QImage image(frame.rgba.data(), frame.rgba.width(), frame.rgba.height(),
                         frame.rgba.stride(), QImage::Format_RGBA8888);
            result.thumbnail = image.copy();
        }
        result.ok = true;
    } catch (const std::exception& e) {
        result.error = QString::fromStdString(e.what());
    }
    return result;
}

} // namespace

void probeMediaAsync(const QString& path, QObject* receiver,
                     std::function<void(const ProbedMedia&)> done) {
    // The guard is only read on the receiver's (UI) thread: the result goes
    // through the application object, which outlives every receiver.
    QPointer<QObject> guard(receiver);
    QThreadPool::globalInstance()->start([path, guard, done = std::move(done)] {
        ProbedMedia result = probe(path);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done, result] {
                if (guard) done(result);
            },
            Qt::QueuedConnection);
    });
}

QString describeMedia(const engine::MediaInfo& info) {
    QStringList parts;
    const int seconds = static_cast<int>(std::lround(info.durationSeconds));
    parts << QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (info.video) {
        const auto& v = *info.video;
        parts << QStringLiteral("%1×%2").arg(v.width).arg(v.height);
        parts << QStringLiteral("%1 fps%2")
                     .arg(v.frameRate.toDouble(), 0, 'g', 4)
                     .arg(v.variableFrameRate ? " (VFR)" : "");
        parts << QString::fromStdString(v.codec);
    }
    if (!info.audio.empty()) {
        const auto& a = info.audio.front();
        parts << QStringLiteral("%1 %2 kHz %3")
                     .arg(QString::fromStdString(a.codec).toUpper())
                     .arg(a.sampleRate / 1000.0, 0, 'g', 3)
                     .arg(a.channels == 1   ? QStringLiteral("mono")
                          : a.channels == 2 ? QStringLiteral("stereo")
                                            : QStringLiteral("%1 ch").arg(a.channels));
    } else {
        parts << QObject::tr("no sound");
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace entropic::app
