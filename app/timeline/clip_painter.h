#pragma once
// One clip on its lane: body in the colour of its kind, its file name (and
// how many effects it carries), frame thumbnails along a video clip and the
// waveform along an audio clip (and along the bottom of a video clip with
// sound), placeholders while they are decoded.
#include <QRectF>

class QPainter;

namespace entropic::engine {
struct Clip;
struct Project;
enum class TrackKind;
} // namespace entropic::engine

namespace entropic::app {

class ThumbnailCache;
class TimelineGeometry;
class WaveformCache;

struct ClipLook {
    bool selected = false;
    bool muted = false;        // its track is muted: drawn faded
    bool effectTarget = false; // an effect is dragged over it
};

void paintClip(QPainter& painter, const QRectF& rect, const engine::Clip& clip,
               engine::TrackKind kind, const engine::Project& project,
               const TimelineGeometry& geometry, ThumbnailCache& thumbnails,
               WaveformCache& waveforms, const ClipLook& look);

// Where a clip would go (a move or trim in progress): an outline with a
// translucent fill, red when the edit would be refused.
void paintGhost(QPainter& painter, const QRectF& rect, const QString& label, bool valid);

} // namespace entropic::app
