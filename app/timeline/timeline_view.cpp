#include "timeline/timeline_view.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>

#include "model/editor_state.h"
#include "timeline/automation_painter.h"
#include "timeline/clip_painter.h"
#include "timeline/performance_painter.h"
#include "timeline/timeline_geometry.h"
#include "timeline/timeline_mouse.h"
#include "timeline/timeline_palette.h"
#include "timeline/track_header.h"
#include "transport/clip_selection.h"
#include "viewer/timecode.h"

namespace entropic::app {

namespace {

using G = TimelineGeometry;

bool isIn(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Major tick spacing in frames: the first "round" step at least 90 px apart.
std::int64_t majorStep(double ppf, engine::Rational rate) {
    const std::int64_t fps = std::max<std::int64_t>(1, std::llround(rate.toDouble()));
    std::vector<std::int64_t> steps{1,          2,         5,         10,        fps,
                                    2 * fps,    5 * fps,   10 * fps,  15 * fps,  30 * fps,
                                    60 * fps,   120 * fps, 300 * fps, 600 * fps, 900 * fps,
                                    1800 * fps, 3600 * fps};
    std::sort(steps.begin(), steps.end()); // a rate under 10 fps puts "10 frames" past one second
    for (auto step : steps)
        if (step * ppf >= 90) return step;
    return 7200 * fps;
}

void paintRuler(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const QRect ruler = g.rulerRect();
    p.fillRect(ruler, palette::kRuler);
    // The cached-range bar: what playback can show without rendering.
    const QRect bar(ruler.left(), 0, ruler.width(), G::kCacheBarHeight);
    p.fillRect(bar, palette::kCacheBar);
    for (const auto& range : s.cachedRanges) {
        const double l = std::max<double>(bar.left(), g.frameToX(static_cast<double>(range.first)));
        const double r =
            std::min<double>(bar.right() + 1, g.frameToX(static_cast<double>(range.second)));
        if (r > l) p.fillRect(QRectF(l, bar.top(), r - l, bar.height()), palette::kCached);
    }

    // In/out: a band along the bottom of the ruler.
    const auto& ed = s.editor;
    if (ed.inPoint || ed.outPoint) {
        const double l = g.frameToX(static_cast<double>(ed.inPoint.value_or(0)));
        const double r =
            ed.outPoint ? g.frameToX(static_cast<double>(*ed.outPoint)) : ruler.right() + 1.0;
        QColor band = palette::kInOut;
        band.setAlpha(110);
        p.fillRect(QRectF(std::max<double>(l, ruler.left()), ruler.bottom() - 9,
                          std::max(0.0, r - std::max<double>(l, ruler.left())), 9),
                   band);
    }

    const std::int64_t major = majorStep(g.pixelsPerFrame(), s.project.frameRate);
    const std::int64_t minor = major % 5 == 0 ? major / 5 : (major % 2 == 0 ? major / 2 : major);
    const auto firstFrame =
        std::max<std::int64_t>(0, static_cast<std::int64_t>(g.xToFrame(ruler.left())));
    const auto lastFrame = static_cast<std::int64_t>(std::ceil(g.xToFrame(ruler.right())));
    p.setPen(palette::kTick);
    if (minor * g.pixelsPerFrame() >= 6)
        for (std::int64_t f = firstFrame / minor * minor; f <= lastFrame; f += minor) {
            const double x = std::round(g.frameToX(static_cast<double>(f))) + 0.5;
            if (x >= ruler.left()) p.drawLine(QLineF(x, ruler.bottom() - 4, x, ruler.bottom()));
        }
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    p.setFont(font);
    for (std::int64_t f = firstFrame / major * major; f <= lastFrame; f += major) {
        const double x = std::round(g.frameToX(static_cast<double>(f))) + 0.5;
        if (x < ruler.left()) continue;
        p.setPen(palette::kTick);
        p.drawLine(QLineF(x, G::kCacheBarHeight + 2, x, ruler.bottom()));
        p.setPen(palette::kDimText);
        p.drawText(QRectF(x + 4, G::kCacheBarHeight + 1, 120, 16), Qt::AlignLeft | Qt::AlignVCenter,
                   formatTimecode(f, s.project.frameRate));
    }

    // Markers: a flag with the name on the lower half of the ruler.
    for (const auto& marker : ed.markers) {
        const double x = std::round(g.frameToX(static_cast<double>(marker.frame))) + 0.5;
        if (x < ruler.left() - 2 || x > ruler.right() + 2) continue;
        QPainterPath flag;
        flag.moveTo(x - 5, ruler.bottom() - 14);
        flag.lineTo(x + 5, ruler.bottom() - 14);
        flag.lineTo(x + 5, ruler.bottom() - 5);
        flag.lineTo(x, ruler.bottom());
        flag.lineTo(x - 5, ruler.bottom() - 5);
        flag.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(palette::kMarker);
        p.drawPath(flag);
        const QString name = QString::fromStdString(marker.name);
        if (!name.isEmpty()) {
            const QRectF label(x + 7, ruler.bottom() - 15,
                               p.fontMetrics().horizontalAdvance(name) + 8, 13);
            p.setBrush(QColor(0, 0, 0, 150));
            p.drawRoundedRect(label, 2, 2);
            p.setPen(palette::kMarker);
            p.drawText(label, Qt::AlignCenter, name);
        }
    }
    p.setPen(palette::kLaneSeparator);
    p.drawLine(ruler.bottomLeft(), ruler.bottomRight());
}

void paintHeaders(QPainter& p, const TimelineScene& s) {
    const auto& rows = s.geometry.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& track = s.project.tracks[static_cast<std::size_t>(rows[i].trackIndex)];
        TrackHeaderState state;
        state.id = rows[i].trackId;
        state.name = track.name.empty() ? state.id : QString::fromStdString(track.name);
        state.kind = track.kind;
        state.muted = track.muted;
        state.solo = isIn(s.editor.soloTracks, track.id);
        state.locked = isIn(s.editor.lockedTracks, track.id);
        state.level = TrackLevel::fraction(track);
        state.levelText = TrackLevel::text(track);
        const std::string_view blend = fx::blendModeLabel(track.blend);
        state.blendLabel = QString::fromUtf8(blend.data(), static_cast<qsizetype>(blend.size()));
        TrackHeader::paint(p, s.geometry.headerRect(static_cast<int>(i)), state);
    }
}

void paintLanes(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const auto& rows = g.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const QRect lane = g.laneRect(static_cast<int>(i));
        p.fillRect(lane, i % 2 ? palette::kLaneOdd : palette::kLaneEven);
        if (static_cast<int>(i) == s.dropRow) p.fillRect(lane, QColor(92, 225, 230, 28));
        p.setPen(palette::kLaneSeparator);
        p.drawLine(lane.bottomLeft(), lane.bottomRight());
    }
    // In/out range, faint across the lanes, with its bounds as lines.
    const auto& ed = s.editor;
    const int lanesBottom =
        g.rows().empty() ? G::kRulerHeight : g.laneRect(static_cast<int>(rows.size()) - 1).bottom();
    if (ed.inPoint || ed.outPoint) {
        const double l = std::max<double>(G::kHeaderWidth,
                                          g.frameToX(static_cast<double>(ed.inPoint.value_or(0))));
        const double r =
            ed.outPoint ? g.frameToX(static_cast<double>(*ed.outPoint)) : g.viewSize().width();
        QColor shade = palette::kInOut;
        shade.setAlpha(22);
        if (r > l)
            p.fillRect(QRectF(l, G::kRulerHeight, r - l, lanesBottom - G::kRulerHeight), shade);
        QColor edge = palette::kInOut;
        edge.setAlpha(160);
        p.setPen(QPen(edge, 1, Qt::DashLine));
        if (ed.inPoint) p.drawLine(QLineF(l, 0, l, lanesBottom));
        if (ed.outPoint) p.drawLine(QLineF(r, 0, r, lanesBottom));
    }

    const bool moving = s.drag.mode == TimelineDrag::Mode::Move;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& track = s.project.tracks[static_cast<std::size_t>(rows[i].trackIndex)];
        for (const auto& clip : track.clips) {
            const QRectF r = g.clipRect(static_cast<int>(i), clip);
            if (r.right() < G::kHeaderWidth || r.left() > g.viewSize().width()) continue;
            const QString id = QString::fromStdString(clip.id);
            ClipLook look;
            look.selected = s.selection.contains(id);
            look.muted = track.muted;
            look.effectTarget = id == s.effectTargetClip;
            p.save();
            // The clips being moved stay faint where they are until the move lands.
            if (moving && look.selected) p.setOpacity(0.4);
            paintClip(p, r, clip, track.kind, s.project, g, s.thumbnails, s.waveforms, look);
            p.restore();
        }
        if (isIn(s.editor.lockedTracks, track.id)) {
            QColor hatch = palette::kLockOn;
            hatch.setAlpha(60);
            p.fillRect(g.laneRect(static_cast<int>(i)), QBrush(hatch, Qt::BDiagPattern));
        }
    }
}

void paintGesture(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const auto& d = s.drag;
    if (d.mode == TimelineDrag::Mode::Move) {
        for (const auto& ghost : d.ghosts) {
            QString label;
            for (const auto& t : s.project.tracks)
                for (const auto& c : t.clips)
                    if (QString::fromStdString(c.id) == ghost.clipId)
                        label = QFileInfo(QString::fromStdString(c.source)).fileName();
            paintGhost(p, g.clipRect(ghost.row, ghost.start, ghost.length), label, d.valid);
        }
    } else if (d.mode == TimelineDrag::Mode::Trim) {
        for (std::size_t i = 0; i < g.rows().size(); ++i)
            for (const auto& c :
                 s.project.tracks[static_cast<std::size_t>(g.rows()[i].trackIndex)].clips) {
                if (QString::fromStdString(c.id) != d.clipId) continue;
                const bool left = d.edge == edits::ClipEdge::Left;
                const std::int64_t start = left ? d.trimFrame : c.start;
                const std::int64_t end = left ? c.end() : d.trimFrame;
                paintGhost(
                    p,
                    g.clipRect(static_cast<int>(i), std::min(start, end),
                               std::max<std::int64_t>(1, std::abs(end - start))),
                    formatTimecode(std::max<std::int64_t>(0, end - start), s.project.frameRate),
                    d.valid);
            }
    } else if (d.mode == TimelineDrag::Mode::RubberBand) {
        QColor fill = palette::kSelection;
        fill.setAlpha(40);
        p.setPen(QPen(palette::kSelection, 1));
        p.setBrush(fill);
        p.drawRect(QRectF(d.band).adjusted(0.5, 0.5, -0.5, -0.5));
    }
    const int bottom = g.viewSize().height();
    if (d.snappedTo && s.snapping && d.mode != TimelineDrag::Mode::None) {
        const double x = std::round(g.frameToX(static_cast<double>(*d.snappedTo))) + 0.5;
        p.setPen(QPen(palette::kSnapGuide, 1));
        p.drawLine(QLineF(x, G::kCacheBarHeight, x, bottom));
    }
    if (s.dropFrame) {
        const double x = std::round(g.frameToX(static_cast<double>(*s.dropFrame))) + 0.5;
        const QRect lane = g.laneRect(s.dropRow);
        p.setPen(QPen(palette::kDropTarget, 2));
        p.drawLine(QLineF(x, lane.isNull() ? G::kRulerHeight : lane.top(), x,
                          lane.isNull() ? bottom : lane.bottom()));
    }
}

void paintPlayhead(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const double x = std::round(g.frameToX(static_cast<double>(s.playhead))) + 0.5;
    if (x < G::kHeaderWidth - 1 || x > g.viewSize().width() + 1) return;
    p.setPen(QPen(palette::kPlayhead, 1));
    p.drawLine(QLineF(x, G::kCacheBarHeight, x, g.viewSize().height()));
    QPainterPath head;
    const double top = G::kCacheBarHeight + 1;
    head.moveTo(x - 6, top);
    head.lineTo(x + 6, top);
    head.lineTo(x + 6, top + 8);
    head.lineTo(x, top + 14);
    head.lineTo(x - 6, top + 8);
    head.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(palette::kPlayhead);
    p.drawPath(head);
}

} // namespace

void paintTimeline(QPainter& p, const TimelineScene& s) {
    const auto& g = s.geometry;
    const QSize view = g.viewSize();
    p.fillRect(QRect(QPoint(0, 0), view), palette::kBackground);

    p.save();
    p.setClipRect(QRect(G::kHeaderWidth, G::kRulerHeight, view.width() - G::kHeaderWidth,
                        view.height() - G::kRulerHeight));
    paintLanes(p, s);
    paintAutomationLanes(p, s);
    paintPerformanceLanes(p, s);
    p.restore();

    p.save();
    p.setClipRect(QRect(0, G::kRulerHeight, G::kHeaderWidth, view.height() - G::kRulerHeight));
    paintHeaders(p, s);
    paintAutomationHeaders(p, s);
    paintPerformanceHeaders(p, s);
    p.restore();

    p.save();
    p.setClipRect(g.rulerRect());
    paintRuler(p, s);
    p.restore();
    TimelineCorner::paint(p, g.cornerRect(), formatTimecode(s.playhead, s.project.frameRate));

    p.save();
    p.setClipRect(QRect(G::kHeaderWidth, 0, view.width() - G::kHeaderWidth, view.height()));
    paintGesture(p, s);
    paintPlayhead(p, s);
    p.restore();
}

} // namespace entropic::app
