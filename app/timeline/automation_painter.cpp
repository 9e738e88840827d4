#include "timeline/automation_painter.h"

#include <algorithm>

#include <QPainter>
#include <QPainterPath>

#include "entropic/signal/automation.h"
#include "timeline/timeline_geometry.h"
#include "timeline/timeline_palette.h"
#include "timeline/timeline_view.h"

namespace entropic::app {

namespace {

using G = TimelineGeometry;

const engine::Clip* clipById(const engine::Project& project, const QString& id) {
    for (const auto& t : project.tracks)
        for (const auto& c : t.clips)
            if (QString::fromStdString(c.id) == id) return &c;
    return nullptr;
}

} // namespace

void paintAutomationLanes(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const auto& rows = g.automationRows();
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const QRect r = g.automationRect(i);
        if (r.bottom() < G::kRulerHeight || r.top() > g.viewSize().height()) continue;
        const auto* lane =
            sig::findLane(s.project.signals, rows[static_cast<std::size_t>(i)].target);
        const auto* clip = clipById(s.project, rows[static_cast<std::size_t>(i)].clipId);
        p.fillRect(r, palette::kAutomationLane);
        p.setPen(palette::kLaneSeparator);
        p.drawLine(r.bottomLeft(), r.bottomRight());
        if (!lane || !clip || lane->keys.empty()) continue;

        // The clip's span is where the lane acts; around it, a dimmer line.
        const double clipLeft =
            std::max<double>(r.left(), g.frameToX(static_cast<double>(clip->start)));
        const double clipRight =
            std::min<double>(r.right(), g.frameToX(static_cast<double>(clip->end())));
        if (clipRight > clipLeft)
            p.fillRect(QRectF(clipLeft, r.top(), clipRight - clipLeft, r.height() - 1),
                       palette::kLaneEven);

        QPainterPath path;
        for (int x = r.left(); x <= r.right(); ++x) {
            const double y = g.automationY(i, sig::laneValue(*lane, g.xToFrame(x)));
            if (x == r.left())
                path.moveTo(x, y);
            else
                path.lineTo(x, y);
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(palette::kAutomation, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);

        for (const auto& key : lane->keys) {
            const QPointF c(g.frameToX(static_cast<double>(key.frame)),
                            g.automationY(i, key.value));
            if (c.x() < r.left() - 8 || c.x() > r.right() + 8) continue;
            p.setPen(QPen(palette::kBackground, 1));
            p.setBrush(palette::kAutomation);
            if (key.interp == sig::Interpolation::Hold) {
                p.drawRect(QRectF(c.x() - 4, c.y() - 4, 8, 8));
            } else {
                const QPointF diamond[4] = {
                    {c.x(), c.y() - 5}, {c.x() + 5, c.y()}, {c.x(), c.y() + 5}, {c.x() - 5, c.y()}};
                p.drawPolygon(diamond, 4);
            }
        }
    }
}

void paintAutomationHeaders(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const auto& rows = g.automationRows();
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const QRect r = g.automationHeaderRect(i);
        p.fillRect(r, palette::kAutomationLane);
        p.fillRect(QRect(r.left(), r.top(), 3, r.height()), palette::kAutomation);
        p.setPen(palette::kLaneSeparator);
        p.drawLine(r.bottomLeft(), r.bottomRight());
        p.setPen(palette::kHeaderText);
        const QRect text = r.adjusted(10, 4, -6, -4);
        p.drawText(text, Qt::AlignLeft | Qt::AlignTop,
                   p.fontMetrics().elidedText(rows[static_cast<std::size_t>(i)].label,
                                              Qt::ElideRight, text.width()));
        // The value on the playhead's frame, as the lane gives it.
        if (const auto* lane =
                sig::findLane(s.project.signals, rows[static_cast<std::size_t>(i)].target);
            lane && !lane->keys.empty()) {
            const double v = sig::laneValue(*lane, static_cast<double>(s.playhead));
            p.setPen(palette::kAutomation);
            const auto& row = rows[static_cast<std::size_t>(i)];
            p.drawText(text, Qt::AlignLeft | Qt::AlignBottom,
                       QString::number(v, 'f', row.whole ? 0 : (row.max - row.min > 50 ? 1 : 3)));
        }
    }
}

} // namespace entropic::app
