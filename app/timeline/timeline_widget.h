#pragma once
// The timeline panel: ruler, track headers and lanes, custom painted
// (timeline_view), edited with the mouse (timeline_mouse), the keyboard
// (timeline_edit_actions and the view actions here) and drops (media from the
// bin or a file manager, effects from the browser). It reads the project from
// ProjectDocument and changes it only through edits::*; it repaints on
// ProjectDocument::changed, Transport::frameChanged and ClipSelection::changed.
//
// For the window:
//   actions()            (QWidget's) every timeline action with its shortcut,
//                        for a menu and for the window (addAction) so the
//                        shortcuts work whichever panel has focus;
//   navigationActions()  ←/→/Home/End, NOT in actions(): the window's own
//                        Playback menu may already own those keys;
//   message(QString)     why an edit was refused, or what was done (status bar);
//   setCachedRanges()    the frames playback has ready (green bar on the ruler).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QElapsedTimer>
#include <QPair>
#include <QVector>
#include <QWidget>

#include "midi/knob_menu.h"
#include "timeline/timeline_geometry.h"
#include "timeline/track_header.h"

class QAction;
class QKeyEvent;
class QMenu;
class QMimeData;
class QScrollBar;

namespace entropic::app {

class AutomationMouse;
class ClipSelection;
class InlineNameEditor;
class PerformanceMouse;
struct ProbedMedia;
class ProjectDocument;
class ThumbnailCache;
class TimelineEditActions;
class TimelineMouse;
class Transport;
class WaveformCache;

class TimelineWidget : public QWidget {
    Q_OBJECT
  public:
    TimelineWidget(ProjectDocument& doc, Transport& transport, ClipSelection& selection,
                   QWidget* parent = nullptr);
    ~TimelineWidget() override;

    QList<QAction*> navigationActions() const;
    TimelineEditActions& editActions() { return *editActions_; }
    QAction* snappingAction() const { return snapAction_; }
    // Checked: the view pages on to keep the playhead in sight (QSettings
    // "timeline/followPlayhead"). Also in actions(), named "followPlayhead".
    QAction* followPlayheadAction() const { return followAction_; }
    // A track header's menu gets MIDI learn for its opacity (video) or volume (audio).
    void setKnobMenu(KnobMenu menu) { knobMenu_ = std::move(menu); }

    bool snapping() const;
    void setSnapping(bool on);
    // Frames [first, second) ready for playback, drawn green on the ruler.
    void setCachedRanges(const QVector<QPair<qint64, qint64>>& ranges);

    void zoomIn();
    void zoomOut();
    // The whole project in view.
    void zoomToFit();
    void setPixelsPerFrame(double ppf);
    void setScrollX(double px);

    // What a drop of media files does: probes them off the UI thread, then
    // adds them one after another from `frame` on trackId (or the nearest
    // track of their kind; audio-only files go on audio tracks).
    void importFiles(const QStringList& paths, const QString& trackId, qint64 frame);

    const TimelineGeometry& geometry() const { return geometry_; }
    // The performance rows' mouse: its selection of pad events (Delete
    // deletes them while the timeline has focus).
    PerformanceMouse& performanceMouse() { return *performance_; }
    ThumbnailCache& thumbnails() { return *thumbnails_; }
    WaveformCache& waveforms() { return *waveforms_; }
    QSize sizeHint() const override { return {1000, 300}; }

    // Timeline frames [first, end) the lanes show now.
    QPair<qint64, qint64> visibleRange() const;

    // The tooltip for a point of the widget: what a painted button does
    // (track header toggles, add-track buttons); empty elsewhere.
    QString toolTipAt(QPoint pos) const;

    // The context menu's entries for a clip (Properties, Rename, Disable or
    // Enable, Reveal in Media Bin, Split Audio to Its Own Track, Link /
    // Unlink), each QAction named ("clipProperties", "clipRename",
    // "clipEnable", "clipReveal", "clipSplitSound", "clipLink", "clipUnlink").
    void fillClipMenu(QMenu& menu, const QString& clipId);
    void showClipProperties(const QString& clipId);
    void renameClipInline(const QString& clipId);

    // QSettings key, a bool (default true): a dropped video's sound goes onto
    // an audio track as a clip linked to it (as Kdenlive does); false keeps it
    // inside the video clip (as Shotcut does). Edit ▸ Preferences sets it.
    static constexpr const char* kLinkSoundKey = "timeline/link_sound_on_drop";
    static bool linkSoundOnDrop();

  Q_SIGNALS:
    void message(const QString& text);
    // The shown frames moved (scroll, zoom, resize): plots follow them.
    void visibleRangeChanged(qint64 first, qint64 end);
    // After a drop or importFiles() has placed its clips (those it could).
    void mediaPlaced(const QStringList& clipIds);
    // Reveal in Media Bin: the clip's source file (absolute path).
    void revealRequested(const QString& path);

  protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void buildViewActions();
    void documentChanged();
    // Rows for the tracks and for the selected clips' automation lanes.
    void relayout();
    void playheadMoved(qint64 frame);
    void syncScrollBars();
    QPair<qint64, qint64> announcedRange_{-1, -1};
    void report(const QString& text); // status message and a tooltip at the pointer
    // Delete or Backspace, no modifiers, with pad events selected.
    bool isPerformanceDelete(const QKeyEvent* event) const;
    // What a point over a track's header hits: its row, the track and the
    // part (toggle, level, name…); nullopt off the headers or below the tracks.
    struct HeaderHit {
        int row;
        const TrackRow* trackRow;
        const engine::Track* track;
        TrackHeader::Part part;
    };
    std::optional<HeaderHit> headerHitAt(QPoint pos) const;
    bool pressHeader(QPoint pos);
    void dragLevel(QPoint pos);
    void setTrackLevel(const engine::Track& track, double value, int gesture);
    void openBlendMenu(const QString& trackId, const QRect& box);
    bool wheelHeader(QPoint pos, int notches);
    int markerAt(QPoint pos) const;
    void renameTrackInline(int row);
    void renameMarkerInline(int index);
    void clearDropState();
    // Updates what a drag from outside would do at pos; false if nothing.
    bool trackDrop(QPoint pos, const QMimeData* mime);
    void placeMedia(const std::vector<ProbedMedia>& media, const QString& trackId, qint64 frame);
    QString trackForKind(engine::TrackKind kind, const QString& preferred);

    ProjectDocument& doc_;
    KnobMenu knobMenu_;
    Transport& transport_;
    ClipSelection& selection_;
    TimelineGeometry geometry_;
    std::unique_ptr<ThumbnailCache> thumbnails_;
    std::unique_ptr<WaveformCache> waveforms_;
    std::unique_ptr<TimelineMouse> mouse_;
    AutomationMouse* automation_ = nullptr;
    PerformanceMouse* performance_ = nullptr;
    TimelineEditActions* editActions_ = nullptr;
    QAction* snapAction_ = nullptr;
    QAction* followAction_ = nullptr;
    QScrollBar* hScroll_ = nullptr;
    QScrollBar* vScroll_ = nullptr;
    InlineNameEditor* nameEditor_ = nullptr;
    QVector<QPair<qint64, qint64>> cachedRanges_;
    std::string fittedProject_; // the project zoomed to fit when it first showed

    // A track's level bar being dragged.
    struct LevelDrag {
        QString trackId;
        int row = -1;
        int gesture = 0;
    };
    std::optional<LevelDrag> levelDrag_;
    QElapsedTimer wheelGesture_; // since the last wheel notch on a level bar
    int wheelGestureId_ = 0;
    QString wheelTrack_;

    // A drag from outside in progress.
    std::optional<std::int64_t> dropFrame_;
    int dropRow_ = -1;
    QString effectTarget_;
};

} // namespace entropic::app
