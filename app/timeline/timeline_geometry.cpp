#include "timeline/timeline_geometry.h"

#include <algorithm>
#include <cmath>

namespace entropic::app {

void TimelineGeometry::setViewSize(QSize size) {
    view_ = size;
    setScrollY(scrollY_);
}

void TimelineGeometry::layoutTracks(const engine::Project& project,
                                    const std::set<QString>& expandedClips) {
    rows_.clear();
    automation_.clear();
    performance_.clear();
    const auto& tracks = project.tracks;
    int top = 0;
    auto addRow = [&](int index) {
        const auto& t = tracks[static_cast<std::size_t>(index)];
        TrackRow row;
        row.trackIndex = index;
        row.kind = t.kind;
        row.trackId = QString::fromStdString(t.id);
        row.top = top;
        row.height = t.kind == engine::TrackKind::Video ? kVideoRowHeight : kAudioRowHeight;
        top += row.height;
        rows_.push_back(row);
        for (const auto& clip : t.clips) {
            if (!expandedClips.contains(QString::fromStdString(clip.id))) continue;
            for (const auto& lane : project.signals.lanes)
                for (const auto& effect : clip.effects) {
                    if (effect.instanceId != lane.target.effect) continue;
                    for (const auto& spec : effect.descriptor->params) {
                        if (spec.key != lane.target.param) continue;
                        AutomationRow a;
                        a.trackRow = static_cast<int>(rows_.size()) - 1;
                        a.clipId = QString::fromStdString(clip.id);
                        a.target = lane.target;
                        a.label = QStringLiteral("%1 · %2").arg(
                            QString::fromStdString(effect.descriptor->name),
                            QString::fromStdString(spec.label));
                        if (spec.components() > 1) {
                            static const char* kPoint[] = {"x", "y"};
                            static const char* kColour[] = {"red", "green", "blue", "alpha"};
                            const int c =
                                std::clamp(lane.target.component, 0, spec.components() - 1);
                            a.label +=
                                QLatin1Char(' ') + QLatin1String(spec.type == fx::ParamType::Point
                                                                     ? kPoint[c]
                                                                     : kColour[c]);
                        }
                        a.min = spec.min;
                        a.max =
                            spec.type == fx::ParamType::Bool ? 1
                            : spec.type == fx::ParamType::Enum
                                ? std::max<double>(0, static_cast<double>(spec.choices.size()) - 1)
                                : spec.max;
                        if (spec.type == fx::ParamType::Bool || spec.type == fx::ParamType::Enum)
                            a.min = 0;
                        a.whole = spec.type != fx::ParamType::Float;
                        a.top = top;
                        a.height = kAutomationRowHeight;
                        top += a.height;
                        automation_.push_back(a);
                    }
                }
        }
    };
    // Video top-down is compositing order reversed (the track drawn over all
    // others sits highest); audio reads downward from A1, as in every NLE.
    for (int i = static_cast<int>(tracks.size()) - 1; i >= 0; --i)
        if (tracks[static_cast<std::size_t>(i)].kind == engine::TrackKind::Video) addRow(i);
    for (int i = 0; i < static_cast<int>(tracks.size()); ++i)
        if (tracks[static_cast<std::size_t>(i)].kind == engine::TrackKind::Audio) addRow(i);
    for (const auto& lane : project.performance) {
        PerformanceRow row;
        row.laneId = QString::fromStdString(lane.id);
        row.label = QString::fromStdString(lane.name.empty() ? lane.id : lane.name);
        row.top = top;
        row.height = kPerformanceRowHeight;
        top += row.height;
        performance_.push_back(row);
    }
    setScrollY(scrollY_);
}

int TimelineGeometry::rowOfTrack(const QString& trackId) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].trackId == trackId) return static_cast<int>(i);
    return -1;
}

int TimelineGeometry::contentHeight() const {
    int bottom = rows_.empty() ? 0 : rows_.back().top + rows_.back().height;
    if (!automation_.empty())
        bottom = std::max(bottom, automation_.back().top + automation_.back().height);
    if (!performance_.empty())
        bottom = std::max(bottom, performance_.back().top + performance_.back().height);
    return bottom;
}

QRect TimelineGeometry::automationRect(int index) const {
    if (index < 0 || index >= static_cast<int>(automation_.size())) return {};
    const auto& a = automation_[static_cast<std::size_t>(index)];
    return {kHeaderWidth, kRulerHeight + a.top - scrollY_, view_.width() - kHeaderWidth, a.height};
}

QRect TimelineGeometry::automationHeaderRect(int index) const {
    const QRect lane = automationRect(index);
    return lane.isNull() ? QRect() : QRect(0, lane.top(), kHeaderWidth, lane.height());
}

double TimelineGeometry::automationY(int index, double value) const {
    const QRect r = automationRect(index);
    const auto& a = automation_[static_cast<std::size_t>(index)];
    const double span = a.max > a.min ? a.max - a.min : 1;
    return r.bottom() - kAutomationInset -
           std::clamp((value - a.min) / span, 0.0, 1.0) * (r.height() - 2 * kAutomationInset);
}

double TimelineGeometry::automationValue(int index, double y) const {
    const QRect r = automationRect(index);
    const auto& a = automation_[static_cast<std::size_t>(index)];
    const double f = std::clamp(
        (r.bottom() - kAutomationInset - y) / (r.height() - 2.0 * kAutomationInset), 0.0, 1.0);
    const double v = a.min + f * (a.max - a.min);
    return a.whole ? std::round(v) : v;
}

int TimelineGeometry::automationAt(int y) const {
    if (y < kRulerHeight) return -1;
    const int contentY = y - kRulerHeight + scrollY_;
    for (std::size_t i = 0; i < automation_.size(); ++i)
        if (contentY >= automation_[i].top && contentY < automation_[i].top + automation_[i].height)
            return static_cast<int>(i);
    return -1;
}

QRect TimelineGeometry::performanceRect(int index) const {
    if (index < 0 || index >= static_cast<int>(performance_.size())) return {};
    const auto& p = performance_[static_cast<std::size_t>(index)];
    return {kHeaderWidth, kRulerHeight + p.top - scrollY_, view_.width() - kHeaderWidth, p.height};
}

QRect TimelineGeometry::performanceHeaderRect(int index) const {
    const QRect lane = performanceRect(index);
    return lane.isNull() ? QRect() : QRect(0, lane.top(), kHeaderWidth, lane.height());
}

int TimelineGeometry::performanceAt(int y) const {
    if (y < kRulerHeight) return -1;
    const int contentY = y - kRulerHeight + scrollY_;
    for (std::size_t i = 0; i < performance_.size(); ++i)
        if (contentY >= performance_[i].top &&
            contentY < performance_[i].top + performance_[i].height)
            return static_cast<int>(i);
    return -1;
}

void TimelineGeometry::setPixelsPerFrame(double ppf) {
    ppf_ = std::clamp(ppf, kMinPixelsPerFrame, kMaxPixelsPerFrame);
}

void TimelineGeometry::zoomAround(double x, double factor) {
    const double frame = xToFrame(x);
    setPixelsPerFrame(ppf_ * factor);
    setScrollX(frame * ppf_ - (x - kHeaderWidth));
}

void TimelineGeometry::setScrollX(double px) {
    scrollX_ = std::max(0.0, px);
}

int TimelineGeometry::maxScrollY() const {
    return std::max(0, contentHeight() - (view_.height() - kRulerHeight));
}

void TimelineGeometry::setScrollY(int px) {
    scrollY_ = std::clamp(px, 0, maxScrollY());
}

std::int64_t TimelineGeometry::boundaryAt(double x) const {
    return std::max<std::int64_t>(0, std::llround(xToFrame(x)));
}

QRect TimelineGeometry::laneRect(int row) const {
    if (row < 0 || row >= static_cast<int>(rows_.size())) return {};
    const auto& r = rows_[static_cast<std::size_t>(row)];
    return {kHeaderWidth, kRulerHeight + r.top - scrollY_, view_.width() - kHeaderWidth, r.height};
}

QRect TimelineGeometry::headerRect(int row) const {
    QRect lane = laneRect(row);
    return lane.isNull() ? QRect() : QRect(0, lane.top(), kHeaderWidth, lane.height());
}

QRectF TimelineGeometry::clipRect(int row, const engine::Clip& clip) const {
    return clipRect(row, clip.start, clip.length());
}

QRectF TimelineGeometry::clipRect(int row, std::int64_t start, std::int64_t length) const {
    const QRect lane = laneRect(row);
    if (lane.isNull()) return {};
    const double left = frameToX(static_cast<double>(start));
    const double right = frameToX(static_cast<double>(start + length));
    // 2 px of lane shows above and below so stacked clips read as rows.
    return QRectF(left, lane.top() + 2, std::max(1.0, right - left), lane.height() - 4);
}

int TimelineGeometry::rowAt(int y) const {
    if (y < kRulerHeight) return -1;
    const int contentY = y - kRulerHeight + scrollY_;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (contentY >= rows_[i].top && contentY < rows_[i].top + rows_[i].height)
            return static_cast<int>(i);
    return -1;
}

TimelineHit TimelineGeometry::hitTest(QPoint pos, const engine::Project& project) const {
    TimelineHit hit;
    hit.frame = boundaryAt(pos.x());
    if (pos.y() < kRulerHeight) {
        hit.kind = pos.x() >= kHeaderWidth ? TimelineHit::Kind::Ruler : TimelineHit::Kind::None;
        return hit;
    }
    hit.row = rowAt(pos.y());
    if (pos.x() < kHeaderWidth) {
        hit.kind = hit.row >= 0 ? TimelineHit::Kind::Header : TimelineHit::Kind::None;
        return hit;
    }
    if (hit.row < 0) return hit;
    hit.kind = TimelineHit::Kind::Lane;
    const auto& track =
        project
            .tracks[static_cast<std::size_t>(rows_[static_cast<std::size_t>(hit.row)].trackIndex)];
    const double x = pos.x();
    bool overAClip = false;
    for (const auto& clip : track.clips) {
        const QRectF r = clipRect(hit.row, clip);
        overAClip = overAClip || (x >= r.left() && x < r.right());
    }

    // Pass 1: inside a clip, near one of its edges (the grab zone shrinks to
    // a third of a narrow clip so its body stays grabbable). Pass 2: just
    // outside an edge. Pass 3: the body. So of two touching clips, the one
    // the pointer is over owns the shared edge.
    for (int pass = 0; pass < 3; ++pass) {
        for (const auto& clip : track.clips) {
            const QRectF r = clipRect(hit.row, clip);
            const double inner = std::min<double>(kEdgeGrabPx, r.width() / 3.0);
            const bool inside = x >= r.left() && x < r.right();
            auto found = [&](TimelineHit::Kind kind, std::int64_t frame) {
                hit.kind = kind;
                hit.clipId = QString::fromStdString(clip.id);
                hit.frame = frame;
                return hit;
            };
            if (pass == 0 && inside) {
                if (x < r.left() + inner) return found(TimelineHit::Kind::ClipLeftEdge, clip.start);
                if (x >= r.right() - inner)
                    return found(TimelineHit::Kind::ClipRightEdge, clip.end());
            } else if (pass == 1 && !overAClip) {
                if (x >= r.left() - kEdgeGrabPx && x < r.left())
                    return found(TimelineHit::Kind::ClipLeftEdge, clip.start);
                if (x >= r.right() && x < r.right() + kEdgeGrabPx)
                    return found(TimelineHit::Kind::ClipRightEdge, clip.end());
            } else if (pass == 2 && inside) {
                return found(TimelineHit::Kind::Clip, hit.frame);
            }
        }
    }
    return hit;
}

std::vector<QString> TimelineGeometry::clipsIn(const QRect& rect,
                                               const engine::Project& project) const {
    std::vector<QString> ids;
    const QRectF area = QRectF(rect).normalized();
    for (std::size_t row = 0; row < rows_.size(); ++row) {
        const auto& track = project.tracks[static_cast<std::size_t>(rows_[row].trackIndex)];
        for (const auto& clip : track.clips)
            if (clipRect(static_cast<int>(row), clip).intersects(area))
                ids.push_back(QString::fromStdString(clip.id));
    }
    return ids;
}

} // namespace entropic::app
