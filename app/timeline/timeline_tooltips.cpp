// Tooltips of the timeline's painted buttons: the track header toggles and the
// corner's add-track buttons show only a letter, so hovering names them. And
// the other events the widget takes before Qt's handlers: the Delete key for
// selected pad events.
#include <QHelpEvent>
#include <QKeyEvent>
#include <QToolTip>

#include "model/project_document.h"
#include "timeline/performance_mouse.h"
#include "timeline/timeline_geometry.h"
#include "timeline/timeline_widget.h"
#include "timeline/track_header.h"

namespace entropic::app {

QString TimelineWidget::toolTipAt(QPoint pos) const {
    if (geometry_.cornerRect().contains(pos)) {
        switch (TimelineCorner::partAt(geometry_.cornerRect(), pos)) {
        case TimelineCorner::Part::AddVideo:
            return tr("Add a video track (+V)");
        case TimelineCorner::Part::AddAudio:
            return tr("Add an audio track (+A)");
        case TimelineCorner::Part::None:
            return {};
        }
    }
    const auto hit = headerHitAt(pos);
    if (!hit) return {};
    const bool video = hit->track->kind == engine::TrackKind::Video;
    switch (hit->part) {
    case TrackHeader::Part::Mute:
        return video ? tr("Hide this track (H): it is left out of the picture")
                     : tr("Mute this track (M)");
    case TrackHeader::Part::Solo:
        return video ? tr("Solo (S): show only the soloed video tracks")
                     : tr("Solo (S): hear only the soloed audio tracks");
    case TrackHeader::Part::Lock:
        return tr("Lock (L): clips on this track cannot be moved, trimmed or deleted");
    case TrackHeader::Part::Level:
        return video ? tr("Opacity: drag or scroll; double-click resets to 100 %")
                     : tr("Volume: drag or scroll; double-click resets to 0 dB");
    case TrackHeader::Part::Blend:
        return tr("Blend mode of this track over the ones below");
    case TrackHeader::Part::Name:
        return tr("Double-click to rename the track");
    case TrackHeader::Part::None:
        break;
    }
    return {};
}

bool TimelineWidget::isPerformanceDelete(const QKeyEvent* event) const {
    return (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
           event->modifiers() == Qt::NoModifier && !performance_->selection().empty();
}

bool TimelineWidget::event(QEvent* event) {
    // Selected pad events take Delete from the window's "Delete Clips"
    // shortcut while the timeline has focus (keyPressEvent deletes them).
    if (event->type() == QEvent::ShortcutOverride &&
        isPerformanceDelete(static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace entropic::app
