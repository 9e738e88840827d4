#pragma once
// Where things are on the timeline: frame <-> x at the current zoom and
// scroll, the rows tracks occupy, and what lies under a point. Pure layout
// with no widget, so tests can check it and the painter, the mouse and the
// drop logic all agree on one mapping.
//
// Layout, left to right: the track headers (kHeaderWidth), then the lanes.
// Top to bottom: the ruler (kRulerHeight, its top strip the cached-range
// bar), then the video tracks highest first, then the audio tracks (A1 first),
// then the performance rows (one per pad lane, when the project has any).
#include <cstdint>
#include <set>
#include <vector>

#include <QPoint>
#include <QRect>
#include <QRectF>
#include <QSize>
#include <QString>

#include "entropic/engine/project/project.h"

namespace entropic::app {

struct TrackRow {
    int trackIndex = -1; // in Project::tracks (bottom to top)
    engine::TrackKind kind = engine::TrackKind::Video;
    QString trackId;
    int top = 0; // content y (before vertical scroll)
    int height = 0;
};

// An automation lane shown under its clip's track (the lanes of the selected
// clips' effects), one parameter component each.
struct AutomationRow {
    int trackRow = -1; // the track row it hangs under
    QString clipId;
    sig::ParamTarget target;
    QString label;           // "Row Shift · Max shift"
    double min = 0, max = 1; // the parameter's range: the lane's bottom and top
    bool whole = false;      // integer, choice or switch: values snap to whole numbers
    int top = 0;             // content y
    int height = 0;
};

// A performance lane (a pad's recorded events), under all the tracks.
struct PerformanceRow {
    QString laneId;
    QString label; // the lane's name, or its id
    int top = 0;   // content y
    int height = 0;
};

struct TimelineHit {
    enum class Kind { None, Ruler, Header, Clip, ClipLeftEdge, ClipRightEdge, Lane };
    Kind kind = Kind::None;
    int row = -1;
    QString clipId;
    // Edges: the edge's frame. Otherwise the frame boundary nearest the point.
    std::int64_t frame = 0;
};

class TimelineGeometry {
  public:
    static constexpr int kHeaderWidth = 168;
    static constexpr int kRulerHeight = 40;
    static constexpr int kCacheBarHeight = 4;
    static constexpr int kVideoRowHeight = 68;
    static constexpr int kAudioRowHeight = 52;
    static constexpr int kAutomationRowHeight = 46;
    static constexpr int kAutomationInset = 6;
    static constexpr int kPerformanceRowHeight = 30;
    static constexpr int kEdgeGrabPx = 6; // an edge is this close: trim, not move
    static constexpr int kSnapPx = 8;
    // How close to frame 0 a dropped clip lands at frame 0 (timeline_drop.cpp).
    static constexpr int kStartSnapPx = 24;
    static constexpr double kMinPixelsPerFrame = 0.005;
    static constexpr double kMaxPixelsPerFrame = 48.0;

    void setViewSize(QSize size);
    QSize viewSize() const { return view_; }

    // Rebuilds the rows from the project's tracks, with the automation lanes
    // of the expanded clips' effects under their tracks, and the performance
    // lanes after them.
    void layoutTracks(const engine::Project& project, const std::set<QString>& expandedClips = {});
    const std::vector<AutomationRow>& automationRows() const { return automation_; }
    // Widget rectangles of an automation row: its lane and its header.
    QRect automationRect(int index) const;
    QRect automationHeaderRect(int index) const;
    // The automation row under widget y, -1 if none.
    int automationAt(int y) const;
    // Widget y of a parameter value on an automation row (the range's bottom
    // to top, 6 px in from the edges) and back, clamped to the range.
    double automationY(int index, double value) const;
    double automationValue(int index, double y) const;
    const std::vector<PerformanceRow>& performanceRows() const { return performance_; }
    // Widget rectangles of a performance row: its lane and its header.
    QRect performanceRect(int index) const;
    QRect performanceHeaderRect(int index) const;
    // The performance row under widget y, -1 if none.
    int performanceAt(int y) const;
    const std::vector<TrackRow>& rows() const { return rows_; }
    int rowOfTrack(const QString& trackId) const;
    int contentHeight() const; // all rows

    double pixelsPerFrame() const { return ppf_; }
    void setPixelsPerFrame(double ppf); // clamped
    // Zooms keeping the frame under widget x where it is.
    void zoomAround(double x, double factor);
    double scrollX() const { return scrollX_; } // content pixels hidden left of the lanes
    void setScrollX(double px);                 // clamped at 0
    int scrollY() const { return scrollY_; }
    void setScrollY(int px); // clamped to the rows' height
    int maxScrollY() const;

    // Widget x of a frame boundary (frames may be fractional).
    double frameToX(double frame) const { return kHeaderWidth + frame * ppf_ - scrollX_; }
    double xToFrame(double x) const { return (x - kHeaderWidth + scrollX_) / ppf_; }
    // The frame boundary nearest x, never negative: where a click puts the
    // playhead, an edge or a drop.
    std::int64_t boundaryAt(double x) const;
    double lanesWidth() const { return view_.width() - kHeaderWidth; }

    QRect rulerRect() const {
        return {kHeaderWidth, 0, view_.width() - kHeaderWidth, kRulerHeight};
    }
    QRect cornerRect() const { return {0, 0, kHeaderWidth, kRulerHeight}; }
    // Widget rectangles of a row: its lane and its header.
    QRect laneRect(int row) const;
    QRect headerRect(int row) const;
    QRectF clipRect(int row, const engine::Clip& clip) const;
    QRectF clipRect(int row, std::int64_t start, std::int64_t length) const;
    // The row under widget y (-1 above, between or below rows).
    int rowAt(int y) const;

    // What is under a widget point: edges win within kEdgeGrabPx (less on a
    // clip too narrow to leave a body to grab).
    TimelineHit hitTest(QPoint pos, const engine::Project& project) const;
    // Clip ids whose rectangles touch a widget rectangle.
    std::vector<QString> clipsIn(const QRect& rect, const engine::Project& project) const;

  private:
    QSize view_{800, 300};
    std::vector<TrackRow> rows_;
    std::vector<AutomationRow> automation_;
    std::vector<PerformanceRow> performance_;
    double ppf_ = 4.0;
    double scrollX_ = 0;
    int scrollY_ = 0;
};

} // namespace entropic::app
