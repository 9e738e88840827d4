#pragma once
// Paints the whole timeline from a TimelineScene: ruler (cached-range bar,
// ticks and timecodes, in/out, markers), corner, track headers, lanes with
// their clips, the performance rows, in/out shading, the gesture in progress (ghosts, trim,
// rubber band, snap guide, drop target) and the playhead. Reads, never edits.
#include <cstdint>
#include <optional>

#include <QPair>
#include <QString>
#include <QVector>

class QPainter;

namespace entropic::engine {
struct Project;
}

namespace entropic::app {

class ClipSelection;
class PerformanceMouse;
class ThumbnailCache;
class TimelineGeometry;
class WaveformCache;
struct EditorState;
struct TimelineDrag;

struct TimelineScene {
    const engine::Project& project;
    const EditorState& editor;
    const TimelineGeometry& geometry;
    const ClipSelection& selection;
    const TimelineDrag& drag;
    std::int64_t playhead = 0;
    const QVector<QPair<qint64, qint64>>& cachedRanges;
    ThumbnailCache& thumbnails; // asked for what is drawn (a miss queues a decode)
    WaveformCache& waveforms;
    // A drag from outside: media would land at dropFrame on dropRow; an
    // effect would go onto effectTargetClip.
    std::optional<std::int64_t> dropFrame;
    int dropRow = -1;
    QString effectTargetClip;
    bool snapping = true;
    // The performance rows' selection and gesture preview (null: the
    // project's lanes, nothing selected).
    const PerformanceMouse* performance = nullptr;
};

void paintTimeline(QPainter& painter, const TimelineScene& scene);

} // namespace entropic::app
