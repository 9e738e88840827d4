#pragma once
// The header of a track row (name, kind, mute / solo / lock toggles, the
// level — opacity of a video track, volume of an audio one — and a video
// track's blend mode) and the
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
    double level = 1.0; // fill of the level bar, 0..1
    QString levelText;  // "100 %", "-6.0 dB"
    QString blendLabel; // video: the blend mode's label
};

// The level bar of a track: opacity for video (0..100 %); volume for audio
// as a fader from -48 dB to +12 dB, whose far left is silence (-96 dB).
struct TrackLevel {
    static double fraction(const engine::Track& track);
    // Opacity (0..1) or volume (dB) for a bar position.
    static double valueAt(engine::TrackKind kind, double fraction);
    static QString text(const engine::Track& track);
    // One wheel notch or arrow step from the track's value, up or down.
    static double stepped(const engine::Track& track, int steps);
};

class TrackHeader {
  public:
    enum class Part { None, Name, Mute, Solo, Lock, Level, Blend };
    // Blend exists on video rows only: pass the row's kind.
    static Part partAt(const QRect& header, QPoint pos, engine::TrackKind kind);
    static QRect partRect(const QRect& header, Part part);
    // The level bar's value (0..1) at x.
    static double levelAt(const QRect& header, int x);
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
