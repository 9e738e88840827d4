#include "timeline/performance_mouse.h"

#include <algorithm>
#include <cmath>

#include <QInputDialog>
#include <QMenu>

#include "commands/performance_event_edits.h"
#include "model/project_document.h"
#include "timeline/performance_track.h"
#include "timeline/timeline_geometry.h"

namespace entropic::app {

namespace {

using Part = PerformanceHit::Part;

} // namespace

PerformanceMouse::PerformanceMouse(ProjectDocument& doc, const TimelineGeometry& geometry,
                                   QObject* parent)
    : QObject(parent), doc_(doc), geometry_(geometry) {}

bool PerformanceMouse::isSelected(const std::string& lane, const sig::GateEvent& event) const {
    return std::find(selection_.begin(), selection_.end(), gate::EventRef{lane, event}) !=
           selection_.end();
}

void PerformanceMouse::clearSelection() {
    if (selection_.empty()) return;
    selection_.clear();
    Q_EMIT changed();
}

bool PerformanceMouse::press(QPoint pos, Qt::KeyboardModifiers modifiers, std::int64_t playhead,
                             bool snapping) {
    const auto hit = performance_track::hitAt(geometry_, doc_.project().performance, pos);
    if (hit.part == Part::None) return false;
    const bool shift = modifiers & Qt::ShiftModifier;
    if (hit.part == Part::Header || hit.part == Part::Lane) {
        if (!shift) clearSelection();
        return true;
    }
    const bool selected = isSelected(hit.event.lane, hit.event.event);
    if (!selected) {
        if (!shift) selection_.clear();
        selection_.push_back(hit.event);
    }
    Drag drag;
    drag.pressPos = pos;
    drag.row = hit.row;
    drag.pressed = hit.event;
    drag.narrowOnClick = selected && !shift;
    drag.snapping = snapping;
    drag.snaps = SnapTargets(doc_.project(), doc_.editorState(), playhead);
    drag.intent = (modifiers & Qt::AltModifier) ? Mode::Velocity
                  : hit.part == Part::OnEdge    ? Mode::TrimOn
                  : hit.part == Part::OffEdge   ? Mode::TrimOff
                                                : Mode::Move;
    // A trim acts on the block grabbed, not on the rest of the selection.
    if (drag.intent == Mode::TrimOn || drag.intent == Mode::TrimOff) selection_ = {hit.event};
    drag_ = std::move(drag);
    Q_EMIT changed();
    return true;
}

void PerformanceMouse::move(QPoint pos) {
    if (!drag_) return;
    if (drag_->mode == Mode::Pressed) {
        if ((pos - drag_->pressPos).manhattanLength() < kDragThresholdPx) return;
        drag_->mode = drag_->intent;
    }
    updatePreview(pos);
    Q_EMIT changed();
}

void PerformanceMouse::updatePreview(QPoint pos) {
    auto& d = *drag_;
    const auto& lanes = doc_.project().performance;
    const double snapDistance =
        d.snapping ? TimelineGeometry::kSnapPx / geometry_.pixelsPerFrame() : -1.0;
    d.snappedTo.reset();
    switch (d.mode) {
    case Mode::Pressed:
        return;
    case Mode::Move: {
        const auto raw = static_cast<std::int64_t>(
            std::llround((pos.x() - d.pressPos.x()) / geometry_.pixelsPerFrame()));
        std::vector<std::int64_t> edges;
        for (const auto& ref : selection_) {
            edges.push_back(ref.event.onFrame);
            edges.push_back(ref.event.offFrame);
        }
        d.delta = d.snapping ? d.snaps.snapDelta(edges, raw, snapDistance) : raw;
        d.preview = gate::moved(lanes, selection_, d.delta);
        if (d.preview && d.delta != raw)
            for (const std::int64_t edge : edges)
                if (std::binary_search(d.snaps.frames().begin(), d.snaps.frames().end(),
                                       edge + d.preview->delta))
                    d.snappedTo = edge + d.preview->delta;
        return;
    }
    case Mode::TrimOn:
    case Mode::TrimOff: {
        d.edgeFrame = geometry_.boundaryAt(pos.x());
        if (d.snapping)
            if (const auto target = d.snaps.snap(geometry_.xToFrame(pos.x()), snapDistance)) {
                d.edgeFrame = *target;
                d.snappedTo = *target;
            }
        d.preview =
            gate::trimmed(lanes, d.pressed,
                          d.mode == Mode::TrimOn ? gate::Edge::On : gate::Edge::Off, d.edgeFrame);
        return;
    }
    case Mode::Velocity:
        d.velocity = performance_track::velocityAt(geometry_, d.row, pos.y());
        d.preview = gate::withVelocity(lanes, selection_, d.velocity);
        return;
    }
}

void PerformanceMouse::release() {
    if (!drag_) return;
    if (drag_->mode == Mode::Pressed) {
        if (drag_->narrowOnClick) selection_ = {drag_->pressed};
        drag_.reset();
    } else {
        commit();
    }
    Q_EMIT changed();
}

bool PerformanceMouse::commit() {
    const Drag d = *drag_;
    drag_.reset();
    QString error;
    std::vector<gate::EventRef> after;
    bool ok = true;
    committing_ = true;
    switch (d.mode) {
    case Mode::Pressed:
        break;
    case Mode::Move:
        ok = edits::moveGateEvents(doc_, selection_, d.delta, &error, &after);
        break;
    case Mode::TrimOn:
    case Mode::TrimOff:
        ok = edits::trimGateEvent(doc_, d.pressed,
                                  d.mode == Mode::TrimOn ? gate::Edge::On : gate::Edge::Off,
                                  d.edgeFrame, &error, &after);
        break;
    case Mode::Velocity:
        ok = edits::setGateVelocity(doc_, selection_, d.velocity, &error, &after);
        break;
    }
    committing_ = false;
    if (ok && d.mode != Mode::Pressed) selection_ = std::move(after);
    report(ok, error);
    return ok;
}

void PerformanceMouse::cancel() {
    if (!drag_) return;
    drag_.reset();
    Q_EMIT changed();
}

std::optional<Qt::CursorShape> PerformanceMouse::cursorAt(QPoint pos) const {
    if (drag_ && drag_->mode != Mode::Pressed)
        return drag_->mode == Mode::Velocity ? Qt::SizeVerCursor
               : drag_->mode == Mode::Move   ? Qt::ClosedHandCursor
                                             : Qt::SizeHorCursor;
    const auto hit = performance_track::hitAt(geometry_, doc_.project().performance, pos);
    switch (hit.part) {
    case Part::OnEdge:
    case Part::OffEdge:
        return Qt::SizeHorCursor;
    case Part::Body:
        return Qt::OpenHandCursor;
    case Part::Header:
    case Part::Lane:
        return Qt::ArrowCursor;
    case Part::None:
        break;
    }
    return std::nullopt;
}

bool PerformanceMouse::fillMenu(QPoint pos, QMenu& menu) {
    const auto hit = performance_track::hitAt(geometry_, doc_.project().performance, pos);
    if (hit.part != Part::Body && hit.part != Part::OnEdge && hit.part != Part::OffEdge)
        return false;
    if (!isSelected(hit.event.lane, hit.event.event)) {
        selection_ = {hit.event};
        Q_EMIT changed();
    }
    auto* velocity = menu.addAction(tr("Velocity…"), this, [this] {
        if (selection_.empty()) return;
        bool ok = false;
        const int percent = QInputDialog::getInt(
            nullptr, tr("Velocity"), tr("Velocity of the selected pad events (%)"),
            static_cast<int>(std::lround(selection_.front().event.velocity * 100)), 0, 100, 1, &ok);
        if (ok) setSelectionVelocity(percent / 100.0);
    });
    velocity->setObjectName(QStringLiteral("performanceVelocity"));
    auto* remove = menu.addAction(tr("Delete"), this, [this] { deleteSelected(); });
    remove->setObjectName(QStringLiteral("performanceDelete"));
    return true;
}

bool PerformanceMouse::deleteSelected() {
    if (selection_.empty()) return false;
    QString error;
    committing_ = true;
    const bool ok = edits::deleteGateEvents(doc_, selection_, &error);
    committing_ = false;
    if (ok) selection_.clear();
    report(ok, error);
    Q_EMIT changed();
    return ok;
}

bool PerformanceMouse::setSelectionVelocity(double velocity) {
    if (selection_.empty()) return false;
    QString error;
    std::vector<gate::EventRef> after;
    committing_ = true;
    const bool ok = edits::setGateVelocity(doc_, selection_, velocity, &error, &after);
    committing_ = false;
    if (ok) selection_ = std::move(after);
    report(ok, error);
    Q_EMIT changed();
    return ok;
}

const std::vector<engine::PerformanceLane>& PerformanceMouse::shownLanes() const {
    if (drag_ && drag_->mode != Mode::Pressed && drag_->preview) return drag_->preview->lanes;
    return doc_.project().performance;
}

std::optional<std::int64_t> PerformanceMouse::snappedTo() const {
    return drag_ && drag_->mode != Mode::Pressed ? drag_->snappedTo : std::nullopt;
}

void PerformanceMouse::documentChanged() {
    if (committing_) return;
    drag_.reset();
    std::erase_if(selection_, [this](const gate::EventRef& ref) {
        return !gate::resolve(doc_.project().performance, {ref});
    });
}

void PerformanceMouse::report(bool ok, const QString& error) {
    if (!ok) Q_EMIT message(error);
}

} // namespace entropic::app
