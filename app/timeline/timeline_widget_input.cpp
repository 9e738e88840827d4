// TimelineWidget: mouse, keyboard, context menus and in-place renames.
#include "timeline/timeline_widget.h"

#include <algorithm>
#include <cmath>

#include <QAction>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>

#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "model/project_document.h"
#include "timeline/automation_mouse.h"
#include "timeline/inline_name_editor.h"
#include "timeline/performance_mouse.h"
#include "timeline/timeline_edit_actions.h"
#include "timeline/timeline_mouse.h"
#include "timeline/track_header.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

namespace entropic::app {

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

int TimelineWidget::markerAt(QPoint pos) const {
    if (!geometry_.rulerRect().contains(pos) || pos.y() < TimelineGeometry::kRulerHeight / 2)
        return -1;
    const auto& markers = doc_.editorState().markers;
    int best = -1;
    double bestDistance = 7;
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const double d =
            std::abs(geometry_.frameToX(static_cast<double>(markers[i].frame)) - pos.x());
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

std::optional<TimelineWidget::HeaderHit> TimelineWidget::headerHitAt(QPoint pos) const {
    if (pos.x() >= TimelineGeometry::kHeaderWidth || pos.y() < TimelineGeometry::kRulerHeight)
        return std::nullopt;
    const int row = geometry_.rowAt(pos.y());
    if (row < 0) return std::nullopt;
    const TrackRow& r = geometry_.rows()[static_cast<std::size_t>(row)];
    const engine::Track& track = doc_.project().tracks[static_cast<std::size_t>(r.trackIndex)];
    return HeaderHit{row, &r, &track,
                     TrackHeader::partAt(geometry_.headerRect(row), pos, track.kind)};
}

// Header toggles and the corner's add-track buttons. True if the press was theirs.
bool TimelineWidget::pressHeader(QPoint pos) {
    QString error;
    bool ok = true;
    if (geometry_.cornerRect().contains(pos)) {
        switch (TimelineCorner::partAt(geometry_.cornerRect(), pos)) {
        case TimelineCorner::Part::AddVideo:
            ok = edits::addTrack(doc_, engine::TrackKind::Video, &error);
            break;
        case TimelineCorner::Part::AddAudio:
            ok = edits::addTrack(doc_, engine::TrackKind::Audio, &error);
            break;
        case TimelineCorner::Part::None:
            break;
        }
        if (!ok) report(error);
        return true;
    }
    if (pos.x() >= TimelineGeometry::kHeaderWidth || pos.y() < TimelineGeometry::kRulerHeight)
        return false;
    const auto hit = headerHitAt(pos);
    if (!hit) return true; // on the headers, below the last track
    const int row = hit->row;
    const auto& r = *hit->trackRow;
    const auto& track = *hit->track;
    const auto& editor = doc_.editorState();
    switch (hit->part) {
    case TrackHeader::Part::Level:
        levelDrag_ = LevelDrag{r.trackId, row, edits::newGestureId()};
        dragLevel(pos);
        return true;
    case TrackHeader::Part::Blend:
        openBlendMenu(r.trackId,
                      TrackHeader::partRect(geometry_.headerRect(row), TrackHeader::Part::Blend));
        return true;
    case TrackHeader::Part::Mute:
        ok = edits::setTrackMuted(doc_, r.trackId, !track.muted, &error);
        break;
    case TrackHeader::Part::Solo:
        ok = edits::setTrackSolo(doc_, r.trackId, !contains(editor.soloTracks, track.id), &error);
        break;
    case TrackHeader::Part::Lock:
        ok = edits::setTrackLocked(doc_, r.trackId, !contains(editor.lockedTracks, track.id),
                                   &error);
        break;
    case TrackHeader::Part::Name:
    case TrackHeader::Part::None:
        break;
    }
    if (!ok) report(error);
    return true;
}

// Sets the dragged level bar's track to the value under pos (one history
// entry per drag: the gesture merges the steps).
void TimelineWidget::dragLevel(QPoint pos) {
    const auto* track = rules::findTrack(doc_.project(), levelDrag_->trackId.toStdString());
    if (!track) return levelDrag_.reset();
    const double fraction = TrackHeader::levelAt(geometry_.headerRect(levelDrag_->row), pos.x());
    setTrackLevel(*track, TrackLevel::valueAt(track->kind, fraction), levelDrag_->gesture);
}

void TimelineWidget::setTrackLevel(const engine::Track& track, double value, int gesture) {
    QString error;
    const QString id = QString::fromStdString(track.id);
    const bool ok =
        track.kind == engine::TrackKind::Video
            ? (value == track.opacity || edits::setTrackOpacity(doc_, id, value, &error, gesture))
            : (value == track.volumeDb || edits::setTrackVolume(doc_, id, value, &error, gesture));
    if (!ok) report(error);
}

// The modes as a menu at the blend box, the current one checked. popup(), not
// exec(): the timeline keeps painting, and tests can pick an entry.
void TimelineWidget::openBlendMenu(const QString& trackId, const QRect& box) {
    const auto* track = rules::findTrack(doc_.project(), trackId.toStdString());
    if (!track) return;
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("blendMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const auto& mode : fx::blendModes()) {
        QAction* action = menu->addAction(
            QString::fromUtf8(mode.label.data(), static_cast<qsizetype>(mode.label.size())));
        action->setCheckable(true);
        action->setChecked(mode.mode == track->blend);
        connect(action, &QAction::triggered, this, [this, trackId, m = mode.mode] {
            QString error;
            if (!edits::setTrackBlend(doc_, trackId, m, &error)) report(error);
        });
    }
    menu->popup(mapToGlobal(box.bottomLeft()));
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton) return;
    if (automation_->press(pos)) return;
    if (performance_->press(pos, event->modifiers(), transport_.frame(), mouse_->snapping())) {
        setCursor(performance_->cursorAt(pos).value_or(Qt::ArrowCursor));
        return;
    }
    // Pad events and clips are selected apart; a click elsewhere lets the
    // events go, so Delete means the clips again.
    if (!(event->modifiers() & Qt::ShiftModifier)) performance_->clearSelection();
    if (pressHeader(pos)) return;
    mouse_->press(pos, event->modifiers());
    setCursor(mouse_->cursorAt(pos));
    update();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (levelDrag_) return dragLevel(pos);
    if (automation_->active()) return automation_->move(pos);
    if (performance_->active()) performance_->move(pos);
    if (const auto cursor = performance_->cursorAt(pos); cursor && !mouse_->active())
        return setCursor(*cursor);
    if (mouse_->active()) {
        mouse_->move(pos);
        update();
    }
    setCursor(pos.x() < TimelineGeometry::kHeaderWidth ? Qt::ArrowCursor : mouse_->cursorAt(pos));
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && levelDrag_) return levelDrag_.reset();
    if (event->button() == Qt::LeftButton && automation_->active()) return automation_->release();
    if (event->button() == Qt::LeftButton && performance_->active()) {
        performance_->release();
        return setCursor(
            performance_->cursorAt(event->position().toPoint()).value_or(Qt::ArrowCursor));
    }
    if (event->button() != Qt::LeftButton || !mouse_->active()) return;
    const QPoint pos = event->position().toPoint();
    mouse_->release(pos, event->modifiers());
    setCursor(mouse_->cursorAt(pos));
    update();
}

void TimelineWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (const int marker = markerAt(pos); marker >= 0) return renameMarkerInline(marker);
    if (automation_->doubleClick(pos)) return;
    if (const auto hit = headerHitAt(pos)) {
        const auto& track = *hit->track;
        switch (hit->part) {
        case TrackHeader::Part::Name:
            return renameTrackInline(hit->row);
        case TrackHeader::Part::Level:
            // Double-click resets, as on the inspector's controls.
            return setTrackLevel(track, track.kind == engine::TrackKind::Video ? 1.0 : 0.0, 0);
        default:
            break;
        }
    }
    // Anything else: a second press, so fast clicks on the toggles all count.
    mousePressEvent(event);
}

void TimelineWidget::renameTrackInline(int row) {
    const auto& r = geometry_.rows()[static_cast<std::size_t>(row)];
    const auto& track = doc_.project().tracks[static_cast<std::size_t>(r.trackIndex)];
    const QString trackId = r.trackId;
    nameEditor_->edit(TrackHeader::partRect(geometry_.headerRect(row), TrackHeader::Part::Name)
                          .adjusted(-3, -1, 3, 1),
                      track.name.empty() ? trackId : QString::fromStdString(track.name),
                      [this, trackId](const QString& name) {
                          QString error;
                          if (!edits::renameTrack(doc_, trackId, name, &error)) report(error);
                      });
}

void TimelineWidget::renameMarkerInline(int index) {
    const auto& marker = doc_.editorState().markers[static_cast<std::size_t>(index)];
    const int x = static_cast<int>(geometry_.frameToX(static_cast<double>(marker.frame)));
    nameEditor_->edit(QRect(x + 6, TimelineGeometry::kRulerHeight - 20, 160, 20),
                      QString::fromStdString(marker.name), [this, index](const QString& name) {
                          QString error;
                          if (!edits::renameMarker(doc_, index, name, &error)) report(error);
                      });
}

void TimelineWidget::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && (mouse_->active() || performance_->active())) {
        mouse_->cancel();
        performance_->cancel();
        update();
        return;
    }
    if (isPerformanceDelete(event)) {
        performance_->deleteSelected();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TimelineWidget::contextMenuEvent(QContextMenuEvent* event) {
    const QPoint pos = event->pos();
    QMenu menu(this);
    if (automation_->fillMenu(pos, menu) || performance_->fillMenu(pos, menu)) {
        menu.exec(event->globalPos());
        return;
    }
    auto act = [&](const QString& text, auto fn) {
        connect(menu.addAction(text), &QAction::triggered, this, fn);
    };
    auto refusedOr = [this](bool ok, const QString& error) {
        if (!ok) report(error);
    };
    auto addTrackItems = [&] {
        act(tr("Add Video Track"), [this, refusedOr] {
            QString e;
            refusedOr(edits::addTrack(doc_, engine::TrackKind::Video, &e), e);
        });
        act(tr("Add Audio Track"), [this, refusedOr] {
            QString e;
            refusedOr(edits::addTrack(doc_, engine::TrackKind::Audio, &e), e);
        });
    };

    if (const int marker = markerAt(pos); marker >= 0) {
        act(tr("Rename Marker…"), [this, marker] { renameMarkerInline(marker); });
        act(tr("Delete Marker"), [this, marker, refusedOr] {
            QString e;
            refusedOr(edits::deleteMarker(doc_, marker, &e), e);
        });
    } else if (pos.x() < TimelineGeometry::kHeaderWidth && geometry_.rowAt(pos.y()) >= 0) {
        const int row = geometry_.rowAt(pos.y());
        const QString trackId = geometry_.rows()[static_cast<std::size_t>(row)].trackId;
        act(tr("Rename Track…"), [this, row] { renameTrackInline(row); });
        act(tr("Remove Track %1").arg(trackId), [this, trackId, refusedOr] {
            QString e;
            refusedOr(edits::removeTrack(doc_, trackId, &e), e);
        });
        if (knobMenu_) {
            const bool video =
                geometry_.rows()[static_cast<std::size_t>(row)].kind == engine::TrackKind::Video;
            knobMenu_(menu, MidiTarget{video ? MidiTarget::Kind::TrackOpacity
                                             : MidiTarget::Kind::TrackVolume,
                                       trackId.toStdString()});
        }
        menu.addSeparator();
        addTrackItems();
    } else {
        const TimelineHit hit = geometry_.hitTest(pos, doc_.project());
        const bool onClip = !hit.clipId.isEmpty();
        if (onClip && !selection_.contains(hit.clipId)) selection_.select(hit.clipId);
        // The actions themselves, so the menu shows their shortcuts.
        if (onClip) {
            menu.addActions(editActions_->clipMenu());
            menu.addSeparator();
            fillClipMenu(menu, hit.clipId);
            menu.addSeparator();
        }
        menu.addAction(editActions_->pasteAction());
        menu.addSeparator();
        addTrackItems();
    }
    menu.exec(event->globalPos());
}

} // namespace entropic::app
