#pragma once
// The header of a track row (name, kind, mute / solo / lock toggles) and the
// corner above the headers (add a video / an audio track): painted by the
// timeline and hit-tested here, so the toggles and their clickable areas are
// defined once.
#include <QRect>
#include <QString>

#include "entropic/engine/project/project.h"

class QPainter;

namespace entropic::app {

struct TrackHeaderState {
    QString id;
    QString name; // the track's name, or its id when it has none
    engine::TrackKind kind = engine::TrackKind::Video;
    bool muted = false;
    bool solo = false;
    bool locked = false;
};

class TrackHeader {
  public:
    enum class Part { None, Name, Mute, Solo, Lock };
    static Part partAt(const QRect& header, QPoint pos);
    static QRect partRect(const QRect& header, Part part);
    static void paint(QPainter& painter, const QRect& header, const TrackHeaderState& state);
};

class TimelineCorner {
  public:
    enum class Part { None, AddVideo, AddAudio };
    static Part partAt(const QRect& corner, QPoint pos);
    static QRect partRect(const QRect& corner, Part part);
    static void paint(QPainter& painter, const QRect& corner, const QString& timecode);
};

} // namespace entropic::app
