#pragma once
// Where a recorded pad event sits on its performance row, and what a point
// over the rows hits. Pure layout on top of TimelineGeometry, so the painter,
// the mouse and the tests agree on one mapping.
//
// An event is a block from its on frame to its off frame across the row
// (inset kBlockInset px top and bottom): the whole block is what the mouse
// grabs, however soft the hit. Its velocity is the filled part, rising from
// the bottom (velocityRect).
#include <cstdint>
#include <vector>

#include <QPoint>
#include <QRectF>

#include "commands/gate_event_rules.h"
#include "timeline/timeline_geometry.h"

namespace entropic::app {

struct PerformanceHit {
    enum class Part { None, Header, Lane, Body, OnEdge, OffEdge };
    Part part = Part::None;
    int row = -1;           // in TimelineGeometry::performanceRows()
    gate::EventRef event;   // Body and the edges
    std::int64_t frame = 0; // the frame boundary nearest the point
};

namespace performance_track {

constexpr int kBlockInset = 3;

QRectF eventRect(const TimelineGeometry& g, int row, const sig::GateEvent& event);
// The part of a block that shows its velocity (0..1): at least 2 px.
QRectF velocityRect(const QRectF& block, double velocity);
// The velocity a point's height means on a row: 0 at the blocks' bottom, 1 at
// their top, rounded to hundredths.
double velocityAt(const TimelineGeometry& g, int row, double y);
// The lane a row shows, or null.
const engine::PerformanceLane* laneOf(const TimelineGeometry& g,
                                      const std::vector<engine::PerformanceLane>& lanes, int row);

// Edges win within TimelineGeometry::kEdgeGrabPx (a third of a narrow block
// inside it, the full width just outside when no block is under the point).
PerformanceHit hitAt(const TimelineGeometry& g, const std::vector<engine::PerformanceLane>& lanes,
                     QPoint pos);

} // namespace performance_track
} // namespace entropic::app
