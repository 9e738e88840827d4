#pragma once
// Probing and thumbnailing media off the UI thread: a file is opened with the
// engine's own media layer (the same decoder the render uses), so what the
// bin accepts is what the engine can render.
#include <QImage>
#include <QObject>
#include <QString>

#include "entropic/engine/media/media_info.h"

namespace entropic::app {

struct ProbedMedia {
    QString path;
    bool ok = false;
    QString error; // names the file and the reason when !ok
    engine::MediaInfo info;
    QImage thumbnail; // a frame from 10 % in, 160 px wide; null for audio-only
};

// Runs the probe on the global thread pool and calls done on receiver's thread.
void probeMediaAsync(const QString& path, QObject* receiver,
                     std::function<void(const ProbedMedia&)> done);

// "0:08 · 1280×720 · 30 fps · h264 · AAC 48 kHz stereo"
QString describeMedia(const engine::MediaInfo& info);

} // namespace entropic::app
