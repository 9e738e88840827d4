#include "timeline/performance_painter.h"

#include <cmath>

#include <QPainter>

#include "model/editor_state.h"
#include "timeline/performance_mouse.h"
#include "timeline/performance_track.h"
#include "timeline/timeline_geometry.h"
#include "timeline/timeline_palette.h"
#include "timeline/timeline_view.h"

namespace entropic::app {

namespace {

using G = TimelineGeometry;

// The pad's colour when its settings give one (a lane without a pad, written
// by hand, takes the default pad colour).
QColor laneColour(const EditorState& editor, const QString& laneId) {
    for (const auto& pad : editor.pads)
        if (QString::fromStdString(pad.lane) == laneId) {
            const QColor c(QString::fromStdString(pad.colour));
            if (c.isValid()) return c;
        }
    return palette::kPerformance;
}

const std::vector<engine::PerformanceLane>& shownLanes(const TimelineScene& s) {
    return s.performance ? s.performance->shownLanes() : s.project.performance;
}

} // namespace

void paintPerformanceLanes(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const auto& rows = g.performanceRows();
    const auto& lanes = shownLanes(s);
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const QRect r = g.performanceRect(i);
        if (r.bottom() < G::kRulerHeight || r.top() > g.viewSize().height()) continue;
        p.fillRect(r, palette::kPerformanceLane);
        p.setPen(palette::kLaneSeparator);
        p.drawLine(r.bottomLeft(), r.bottomRight());
        const auto* lane = performance_track::laneOf(g, lanes, i);
        if (!lane) continue;
        const QColor colour = laneColour(s.editor, rows[static_cast<std::size_t>(i)].laneId);
        for (const auto& event : lane->events) {
            const QRectF block = performance_track::eventRect(g, i, event);
            if (block.right() < r.left() || block.left() > r.right()) continue;
            const bool selected = s.performance && s.performance->isSelected(lane->id, event);
            // The whole span faint, so a soft hit still reads as long as it is;
            // the velocity solid from the bottom.
            QColor span = colour;
            span.setAlpha(70);
            p.fillRect(block, span);
            QColor level = colour;
            level.setAlphaF(0.55 + 0.45 * std::clamp(event.velocity, 0.0, 1.0));
            p.fillRect(performance_track::velocityRect(block, event.velocity), level);
            p.setPen(QPen(selected ? palette::kSelection : colour.lighter(130), selected ? 2 : 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(block.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }
    if (!s.performance || rows.empty()) return;
    if (const auto snapped = s.performance->snappedTo(); snapped && s.snapping) {
        const double x = std::round(g.frameToX(static_cast<double>(*snapped))) + 0.5;
        const QRect first = g.performanceRect(0);
        const QRect last = g.performanceRect(static_cast<int>(rows.size()) - 1);
        p.setPen(QPen(palette::kSnapGuide, 1));
        p.drawLine(QLineF(x, first.top(), x, last.bottom()));
    }
}

void paintPerformanceHeaders(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const auto& rows = g.performanceRows();
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const QRect r = g.performanceHeaderRect(i);
        const auto& row = rows[static_cast<std::size_t>(i)];
        p.fillRect(r, palette::kPerformanceLane);
        p.fillRect(QRect(r.left(), r.top(), 4, r.height()), laneColour(s.editor, row.laneId));
        p.setPen(palette::kLaneSeparator);
        p.drawLine(r.bottomLeft(), r.bottomRight());
        const auto* lane = performance_track::laneOf(g, s.project.performance, i);
        const QString count = lane ? QString::number(lane->events.size()) : QString();
        const QRect text = r.adjusted(10, 0, -6, 0);
        p.setPen(palette::kDimText);
        p.drawText(text, Qt::AlignRight | Qt::AlignVCenter, count);
        p.setPen(palette::kHeaderText);
        const int room = text.width() - p.fontMetrics().horizontalAdvance(count) - 6;
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(row.label, Qt::ElideRight, room));
    }
}

} // namespace entropic::app
