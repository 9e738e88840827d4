#include "timeline/timeline_widget.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <QAction>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QToolTip>
#include <QWheelEvent>

#include "commands/edits.h"
#include "model/project_document.h"
#include "timeline/automation_mouse.h"
#include "timeline/inline_name_editor.h"
#include "timeline/performance_mouse.h"
#include "timeline/thumbnail_cache.h"
#include "timeline/timeline_edit_actions.h"
#include "timeline/timeline_mouse.h"
#include "timeline/timeline_view.h"
#include "timeline/track_header.h"
#include "timeline/waveform_cache.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

namespace entropic::app {

namespace {
constexpr double kZoomStep = 1.4142135623730951; // two presses double
// Room to scroll past the last clip, to drop or move clips after it.
constexpr double kTailSeconds = 30;
} // namespace

TimelineWidget::TimelineWidget(ProjectDocument& doc, Transport& transport, ClipSelection& selection,
                               QWidget* parent)
    : QWidget(parent), doc_(doc), transport_(transport), selection_(selection),
      thumbnails_(std::make_unique<ThumbnailCache>()),
      waveforms_(std::make_unique<WaveformCache>()),
      mouse_(std::make_unique<TimelineMouse>(doc, transport, selection, geometry_)) {
    setObjectName(QStringLiteral("timeline"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(400, 140);

    hScroll_ = new QScrollBar(Qt::Horizontal, this);
    vScroll_ = new QScrollBar(Qt::Vertical, this);
    nameEditor_ = new InlineNameEditor(this);
    connect(hScroll_, &QScrollBar::valueChanged, this, [this](int v) {
        geometry_.setScrollX(v);
        update();
    });
    connect(vScroll_, &QScrollBar::valueChanged, this, [this](int v) {
        geometry_.setScrollY(v);
        update();
    });

    mouse_->onMessage = [this](const QString& text) { report(text); };
    automation_ = new AutomationMouse(doc_, geometry_, this);
    connect(automation_, &AutomationMouse::message, this, &TimelineWidget::report);
    performance_ = new PerformanceMouse(doc_, geometry_, this);
    connect(performance_, &PerformanceMouse::message, this, &TimelineWidget::report);
    connect(performance_, &PerformanceMouse::changed, this, qOverload<>(&QWidget::update));
    editActions_ = new TimelineEditActions(doc, transport, selection, this);
    connect(editActions_, &TimelineEditActions::message, this, &TimelineWidget::report);
    addActions(editActions_->edits());
    buildViewActions();

    connect(&doc_, &ProjectDocument::changed, this, &TimelineWidget::documentChanged);
    connect(&transport_, &Transport::frameChanged, this, &TimelineWidget::playheadMoved);
    // The selected clips' automation lanes open under their tracks.
    connect(&selection_, &ClipSelection::changed, this, [this] {
        relayout();
        syncScrollBars();
        update();
    });
    connect(thumbnails_.get(), &ThumbnailCache::thumbnailReady, this,
            qOverload<>(&QWidget::update));
    connect(waveforms_.get(), &WaveformCache::waveformReady, this, qOverload<>(&QWidget::update));
    documentChanged();
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::buildViewActions() {
    snapAction_ = new QAction(tr("Snapping"), this);
    snapAction_->setCheckable(true);
    snapAction_->setChecked(mouse_->snapping());
    snapAction_->setShortcut(QKeySequence(Qt::Key_N));
    connect(snapAction_, &QAction::toggled, this, [this](bool on) {
        mouse_->setSnapping(on);
        Q_EMIT message(on ? tr("Snapping on") : tr("Snapping off"));
    });
    auto* zoomInAction = new QAction(tr("Zoom In"), this);
    zoomInAction->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    connect(zoomInAction, &QAction::triggered, this, &TimelineWidget::zoomIn);
    auto* zoomOutAction = new QAction(tr("Zoom Out"), this);
    zoomOutAction->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence(Qt::Key_Underscore)});
    connect(zoomOutAction, &QAction::triggered, this, &TimelineWidget::zoomOut);
    auto* fitAction = new QAction(tr("Zoom to Fit"), this);
    fitAction->setShortcut(QKeySequence(Qt::Key_Backslash));
    connect(fitAction, &QAction::triggered, this, &TimelineWidget::zoomToFit);
    // Off: playback leaves the view where the user put it (reading one part
    // of the timeline while the rest plays). Remembered across sessions.
    followAction_ = new QAction(tr("Follow Playhead"), this);
    followAction_->setObjectName(QStringLiteral("followPlayhead"));
    followAction_->setCheckable(true);
    followAction_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F));
    followAction_->setChecked(
        QSettings().value(QStringLiteral("timeline/followPlayhead"), true).toBool());
    connect(followAction_, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("timeline/followPlayhead"), on); });
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    addActions({separator, snapAction_, followAction_, zoomInAction, zoomOutAction, fitAction});
}

QList<QAction*> TimelineWidget::navigationActions() const {
    return editActions_->navigation();
}

bool TimelineWidget::snapping() const {
    return mouse_->snapping();
}

void TimelineWidget::setSnapping(bool on) {
    snapAction_->setChecked(on);
}

void TimelineWidget::setCachedRanges(const QVector<QPair<qint64, qint64>>& ranges) {
    cachedRanges_ = ranges;
    update(geometry_.rulerRect());
}

void TimelineWidget::relayout() {
    std::set<QString> expanded;
    for (const QString& id : selection_.clips())
        expanded.insert(id);
    geometry_.layoutTracks(doc_.project(), expanded);
}

void TimelineWidget::documentChanged() {
    relayout();
    // After an undo a selected clip may be gone.
    QStringList ids;
    for (const auto& track : doc_.project().tracks)
        for (const auto& clip : track.clips)
            ids.push_back(QString::fromStdString(clip.id));
    selection_.retainOnly(ids);
    if (mouse_->active()) mouse_->cancel(); // the gesture's clips may have changed under it
    performance_->documentChanged();
    // A project just opened shows whole, once; after that the zoom is the user's.
    if (fittedProject_ != doc_.project().id && doc_.project().frameCount() > 0 && isVisible()) {
        fittedProject_ = doc_.project().id;
        zoomToFit();
    }
    syncScrollBars();
    update();
}

void TimelineWidget::playheadMoved(qint64 frame) {
    // Playback runs off the right edge: page on, as NLEs do. Not while the
    // user drags (a scrub keeps the view still under the pointer), nor with
    // Follow Playhead off.
    if (!mouse_->active() && followAction_->isChecked()) {
        const double x = geometry_.frameToX(static_cast<double>(frame));
        if (x < TimelineGeometry::kHeaderWidth || x > geometry_.viewSize().width()) {
            geometry_.setScrollX(frame * geometry_.pixelsPerFrame() - geometry_.lanesWidth() * 0.1);
            syncScrollBars();
        }
    }
    update();
}

void TimelineWidget::syncScrollBars() {
    const double fps = std::max(1.0, doc_.project().frameRate.toDouble());
    const double frames =
        std::max<double>(doc_.project().frameCount(), transport_.frame()) + kTailSeconds * fps;
    const double contentWidth = frames * geometry_.pixelsPerFrame();
    const QSignalBlocker hb(hScroll_), vb(vScroll_);
    hScroll_->setRange(
        0, static_cast<int>(std::max(
               0.0, std::max(contentWidth - geometry_.lanesWidth(), geometry_.scrollX()))));
    hScroll_->setPageStep(static_cast<int>(geometry_.lanesWidth()));
    hScroll_->setSingleStep(20);
    hScroll_->setValue(static_cast<int>(geometry_.scrollX()));
    vScroll_->setRange(0, geometry_.maxScrollY());
    vScroll_->setPageStep(
        std::max(1, geometry_.viewSize().height() - TimelineGeometry::kRulerHeight));
    vScroll_->setSingleStep(20);
    vScroll_->setValue(geometry_.scrollY());
    // Every scroll and zoom ends here: tell the plots once per change.
    const auto range = visibleRange();
    if (range != announcedRange_) {
        announcedRange_ = range;
        Q_EMIT visibleRangeChanged(range.first, range.second);
    }
}

QPair<qint64, qint64> TimelineWidget::visibleRange() const {
    const auto first = static_cast<qint64>(
        std::floor(std::max(0.0, geometry_.xToFrame(TimelineGeometry::kHeaderWidth))));
    const auto end =
        static_cast<qint64>(std::ceil(geometry_.xToFrame(geometry_.viewSize().width())));
    return {first, std::max(first + 1, end)};
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int barH = hScroll_->sizeHint().height();
    const int barW = vScroll_->sizeHint().width();
    geometry_.setViewSize(QSize(width() - barW, height() - barH));
    hScroll_->setGeometry(TimelineGeometry::kHeaderWidth, height() - barH,
                          width() - barW - TimelineGeometry::kHeaderWidth, barH);
    vScroll_->setGeometry(width() - barW, TimelineGeometry::kRulerHeight, barW,
                          height() - barH - TimelineGeometry::kRulerHeight);
    if (fittedProject_ != doc_.project().id && doc_.project().frameCount() > 0) {
        fittedProject_ = doc_.project().id;
        zoomToFit();
    }
    syncScrollBars();
}

void TimelineWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    // The strip under the headers beside the horizontal scroll bar.
    p.fillRect(rect(), QColor(0x2b, 0x2c, 0x31));
    p.setClipRect(QRect(QPoint(0, 0), geometry_.viewSize()));
    TimelineScene scene{doc_.project(),    doc_.editorState(), geometry_,     selection_,
                        mouse_->drag(),    transport_.frame(), cachedRanges_, *thumbnails_,
                        *waveforms_,       dropFrame_,         dropRow_,      effectTarget_,
                        mouse_->snapping()};
    scene.performance = performance_;
    paintTimeline(p, scene);
}

void TimelineWidget::setPixelsPerFrame(double ppf) {
    geometry_.setPixelsPerFrame(ppf);
    syncScrollBars();
    update();
}

void TimelineWidget::setScrollX(double px) {
    geometry_.setScrollX(px);
    syncScrollBars();
    update();
}

void TimelineWidget::zoomIn() {
    // Around the playhead when it is in view, as keyboard zoom is in most NLEs.
    double x = geometry_.frameToX(static_cast<double>(transport_.frame()));
    if (x < TimelineGeometry::kHeaderWidth || x > geometry_.viewSize().width())
        x = TimelineGeometry::kHeaderWidth;
    geometry_.zoomAround(x, kZoomStep);
    syncScrollBars();
    update();
}

void TimelineWidget::zoomOut() {
    double x = geometry_.frameToX(static_cast<double>(transport_.frame()));
    if (x < TimelineGeometry::kHeaderWidth || x > geometry_.viewSize().width())
        x = TimelineGeometry::kHeaderWidth;
    geometry_.zoomAround(x, 1.0 / kZoomStep);
    syncScrollBars();
    update();
}

void TimelineWidget::zoomToFit() {
    const double frames = std::max<double>(doc_.project().frameCount(), 30);
    geometry_.setPixelsPerFrame(geometry_.lanesWidth() * 0.95 / frames);
    geometry_.setScrollX(0);
    syncScrollBars();
    update();
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    const double x = event->position().x();
    if (!(event->modifiers() & Qt::ControlModifier) && angle.y() != 0 &&
        wheelHeader(event->position().toPoint(), angle.y() > 0 ? 1 : -1)) {
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = angle.y() / 120.0;
        geometry_.zoomAround(std::max<double>(x, TimelineGeometry::kHeaderWidth),
                             std::pow(kZoomStep, steps));
    } else if ((event->modifiers() & Qt::ShiftModifier) || angle.x() != 0) {
        // Shift+wheel, or a sideways swipe: along time. (Some platforms turn
        // Shift+wheel into angleDelta().x() themselves.)
        const int delta = angle.x() != 0 ? angle.x() : angle.y();
        geometry_.setScrollX(geometry_.scrollX() - delta);
    } else if (geometry_.maxScrollY() > 0) {
        geometry_.setScrollY(geometry_.scrollY() - angle.y() / 2);
    } else {
        // All tracks fit: the wheel has nothing to do vertically, so it
        // scrolls along time rather than doing nothing.
        geometry_.setScrollX(geometry_.scrollX() - angle.y());
    }
    syncScrollBars();
    update();
    event->accept();
}

// The wheel over a level bar steps it (5 % or 1 dB a notch). True if it did.
bool TimelineWidget::wheelHeader(QPoint pos, int notches) {
    const auto hit = headerHitAt(pos);
    if (!hit || hit->part != TrackHeader::Part::Level) return false;
    const auto& r = *hit->trackRow;
    const auto& track = *hit->track;
    // Notches in quick succession are one gesture: one history entry.
    if (!wheelGesture_.isValid() || wheelGesture_.elapsed() > 600 || wheelTrack_ != r.trackId) {
        wheelGestureId_ = edits::newGestureId();
        wheelTrack_ = r.trackId;
    }
    wheelGesture_.restart();
    setTrackLevel(track, TrackLevel::stepped(track, notches), wheelGestureId_);
    return true;
}

void TimelineWidget::report(const QString& text) {
    Q_EMIT message(text);
    if (isVisible()) QToolTip::showText(QCursor::pos(), text, this, QRect(), 4000);
}

} // namespace entropic::app
