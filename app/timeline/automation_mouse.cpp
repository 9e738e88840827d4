#include "timeline/automation_mouse.h"

#include <cmath>

#include <QMenu>

#include "commands/edits.h"
#include "entropic/signal/automation.h"
#include "model/project_document.h"
#include "timeline/timeline_geometry.h"

namespace entropic::app {

namespace {

constexpr double kKeyGrabPx = 7;

} // namespace

AutomationMouse::AutomationMouse(ProjectDocument& doc, const TimelineGeometry& geometry,
                                 QObject* parent)
    : QObject(parent), doc_(doc), geometry_(geometry) {}

AutomationMouse::KeyHit AutomationMouse::hitAt(QPoint pos) const {
    KeyHit hit;
    if (pos.x() < TimelineGeometry::kHeaderWidth) {
        hit.row = geometry_.automationAt(pos.y());
        return hit;
    }
    hit.row = geometry_.automationAt(pos.y());
    if (hit.row < 0) return hit;
    const auto* lane =
        sig::findLane(doc_.project().signals,
                      geometry_.automationRows()[static_cast<std::size_t>(hit.row)].target);
    if (!lane) return hit;
    double best = kKeyGrabPx;
    for (const auto& key : lane->keys) {
        const double dx = geometry_.frameToX(static_cast<double>(key.frame)) - pos.x();
        const double dy = geometry_.automationY(hit.row, key.value) - pos.y();
        const double d = std::hypot(dx, dy);
        if (d <= best) {
            best = d;
            hit.keyFrame = key.frame;
        }
    }
    return hit;
}

bool AutomationMouse::press(QPoint pos) {
    const KeyHit hit = hitAt(pos);
    if (hit.row < 0) return false;
    if (hit.keyFrame && pos.x() >= TimelineGeometry::kHeaderWidth)
        dragging_ =
            Drag{hit.row, geometry_.automationRows()[static_cast<std::size_t>(hit.row)].target,
                 *hit.keyFrame, edits::newGestureId()};
    return true;
}

void AutomationMouse::move(QPoint pos) {
    if (!dragging_) return;
    const std::int64_t frame = geometry_.boundaryAt(pos.x());
    const double value = geometry_.automationValue(dragging_->row, pos.y());
    QString error;
    // Landing on another key is refused: the key stays where it last could be.
    if (edits::moveKeyframe(doc_, dragging_->target, dragging_->frame, frame, value, &error,
                            dragging_->gesture))
        dragging_->frame = frame;
}

void AutomationMouse::release() {
    dragging_.reset();
}

bool AutomationMouse::doubleClick(QPoint pos) {
    const KeyHit hit = hitAt(pos);
    if (hit.row < 0 || pos.x() < TimelineGeometry::kHeaderWidth) return hit.row >= 0;
    const auto& target = geometry_.automationRows()[static_cast<std::size_t>(hit.row)].target;
    QString error;
    if (hit.keyFrame)
        report(edits::removeKeyframe(doc_, target, *hit.keyFrame, &error), error);
    else
        report(edits::setKeyframe(doc_, target, geometry_.boundaryAt(pos.x()),
                                  geometry_.automationValue(hit.row, pos.y()), std::nullopt,
                                  &error),
               error);
    return true;
}

bool AutomationMouse::fillMenu(QPoint pos, QMenu& menu) {
    const KeyHit hit = hitAt(pos);
    if (hit.row < 0) return false;
    const auto target = geometry_.automationRows()[static_cast<std::size_t>(hit.row)].target;
    // A key, or the segment under the pointer (set on the key that starts it).
    std::optional<std::int64_t> key = hit.keyFrame;
    if (!key && pos.x() >= TimelineGeometry::kHeaderWidth)
        if (const auto* lane = sig::findLane(doc_.project().signals, target)) {
            const double f = geometry_.xToFrame(pos.x());
            for (const auto& k : lane->keys)
                if (k.frame <= f) key = k.frame;
        }
    if (key) {
        const std::int64_t frame = *key;
        if (hit.keyFrame)
            menu.addAction(tr("Delete Keyframe"), this, [this, target, frame] {
                QString error;
                report(edits::removeKeyframe(doc_, target, frame, &error), error);
            });
        auto* interp = menu.addMenu(tr("Interpolation to Next Key"));
        const std::pair<sig::Interpolation, QString> kinds[] = {
            {sig::Interpolation::Hold, tr("Hold")},
            {sig::Interpolation::Linear, tr("Linear")},
            {sig::Interpolation::EaseIn, tr("Ease In")},
            {sig::Interpolation::EaseOut, tr("Ease Out")},
            {sig::Interpolation::EaseInOut, tr("Ease In-Out")}};
        const auto* lane = sig::findLane(doc_.project().signals, target);
        for (const auto& [kind, name] : kinds) {
            auto* action = interp->addAction(name, this, [this, target, frame, kind] {
                QString error;
                report(edits::setKeyframeInterpolation(doc_, target, frame, kind, &error), error);
            });
            action->setCheckable(true);
            if (lane)
                for (const auto& k : lane->keys)
                    if (k.frame == frame) action->setChecked(k.interp == kind);
        }
        menu.addSeparator();
    }
    if (pos.x() >= TimelineGeometry::kHeaderWidth && !hit.keyFrame) {
        const std::int64_t frame = geometry_.boundaryAt(pos.x());
        const double value = geometry_.automationValue(hit.row, pos.y());
        menu.addAction(tr("Add Keyframe Here"), this, [this, target, frame, value] {
            QString error;
            report(edits::setKeyframe(doc_, target, frame, value, std::nullopt, &error), error);
        });
    }
    menu.addAction(tr("Remove Automation"), this, [this, target] {
        QString error;
        report(edits::removeLane(doc_, target, &error), error);
    });
    return true;
}

void AutomationMouse::report(bool ok, const QString& error) {
    if (!ok) Q_EMIT message(error);
}

} // namespace entropic::app
