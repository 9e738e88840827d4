#include "timeline/performance_track.h"

#include <algorithm>
#include <cmath>

namespace entropic::app::performance_track {

using G = TimelineGeometry;

QRectF eventRect(const TimelineGeometry& g, int row, const sig::GateEvent& event) {
    const QRect lane = g.performanceRect(row);
    if (lane.isNull()) return {};
    const double left = g.frameToX(static_cast<double>(event.onFrame));
    const double right = g.frameToX(static_cast<double>(event.offFrame));
    return QRectF(left, lane.top() + kBlockInset, std::max(1.0, right - left),
                  lane.height() - 2 * kBlockInset);
}

QRectF velocityRect(const QRectF& block, double velocity) {
    const double h = std::max(2.0, block.height() * std::clamp(velocity, 0.0, 1.0));
    return QRectF(block.left(), block.bottom() - h, block.width(), h);
}

double velocityAt(const TimelineGeometry& g, int row, double y) {
    const QRect lane = g.performanceRect(row);
    if (lane.isNull()) return 0;
    const double bottom = lane.top() + lane.height() - kBlockInset;
    const double span = lane.height() - 2.0 * kBlockInset;
    return std::round(std::clamp((bottom - y) / span, 0.0, 1.0) * 100.0) / 100.0;
}

const engine::PerformanceLane* laneOf(const TimelineGeometry& g,
                                      const std::vector<engine::PerformanceLane>& lanes, int row) {
    if (row < 0 || row >= static_cast<int>(g.performanceRows().size())) return nullptr;
    const std::string id = g.performanceRows()[static_cast<std::size_t>(row)].laneId.toStdString();
    for (const auto& lane : lanes)
        if (lane.id == id) return &lane;
    return nullptr;
}

PerformanceHit hitAt(const TimelineGeometry& g, const std::vector<engine::PerformanceLane>& lanes,
                     QPoint pos) {
    PerformanceHit hit;
    hit.row = g.performanceAt(pos.y());
    if (hit.row < 0) return hit;
    hit.frame = g.boundaryAt(pos.x());
    if (pos.x() < G::kHeaderWidth) {
        hit.part = PerformanceHit::Part::Header;
        return hit;
    }
    hit.part = PerformanceHit::Part::Lane;
    const auto* lane = laneOf(g, lanes, hit.row);
    if (!lane) return hit;
    const double x = pos.x();
    bool overABlock = false;
    for (const auto& e : lane->events) {
        const QRectF r = eventRect(g, hit.row, e);
        overABlock = overABlock || (x >= r.left() && x < r.right());
    }
    // As on clips: inside near an edge, then the body, then just outside an
    // edge, so of two touching blocks the one under the point owns the edge.
    for (int pass = 0; pass < 3; ++pass)
        for (const auto& e : lane->events) {
            const QRectF r = eventRect(g, hit.row, e);
            const double inner = std::min<double>(G::kEdgeGrabPx, r.width() / 3.0);
            const bool inside = x >= r.left() && x < r.right();
            auto found = [&](PerformanceHit::Part part) {
                hit.part = part;
                hit.event = {lane->id, e};
                return hit;
            };
            if (pass == 0 && inside) {
                if (x < r.left() + inner) return found(PerformanceHit::Part::OnEdge);
                if (x >= r.right() - inner) return found(PerformanceHit::Part::OffEdge);
            } else if (pass == 1 && inside) {
                return found(PerformanceHit::Part::Body);
            } else if (pass == 2 && !overABlock) {
                if (x >= r.left() - G::kEdgeGrabPx && x < r.left())
                    return found(PerformanceHit::Part::OnEdge);
                if (x >= r.right() && x < r.right() + G::kEdgeGrabPx)
                    return found(PerformanceHit::Part::OffEdge);
            }
        }
    return hit;
}

} // namespace entropic::app::performance_track
