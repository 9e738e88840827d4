#pragma once
// What a mouse gesture on the lanes and ruler does: click selection (Shift
// adds, Ctrl toggles), rubber band, moving the selected clips (also across
// tracks of the same kind), trimming an edge, scrubbing the playhead — with
// snapping. The gesture is shown live (TimelineDrag, which the painter draws)
// and committed once, on release, through edits::*: one gesture, one undo
// entry. A refused edit changes nothing and its reason goes to onMessage.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <QPoint>
#include <QRect>
#include <QString>
#include <QStringList>

#include "commands/edits.h"
#include "timeline/timeline_snapping.h"

namespace entropic::app {

class ClipSelection;
class ProjectDocument;
class TimelineGeometry;
class Transport;

struct TimelineDrag {
    enum class Mode { None, PressedClip, PressedLane, Scrub, Move, Trim, RubberBand };
    Mode mode = Mode::None;
    QPoint pressPos;
    QPoint pos;
    QString clipId; // the clip pressed (PressedClip, Move, Trim)
    int pressRow = -1;
    bool pressedSelectedClip = false; // it was already selected: a plain click narrows to it

    // Move: where the clips would land.
    struct Ghost {
        QString clipId;
        int row = -1;
        std::int64_t start = 0;
        std::int64_t length = 0;
    };
    std::vector<Ghost> ghosts;
    std::int64_t deltaFrames = 0;
    int deltaRows = 0;
    // Trim: the edge and the frame it would go to.
    edits::ClipEdge edge = edits::ClipEdge::Left;
    std::int64_t edgeFrame = 0;
    std::int64_t trimFrame = 0;
    // Move / trim: false when the edit would be refused (drawn red).
    bool valid = true;

    QRect band; // RubberBand, widget coordinates
    QStringList baseSelection;

    std::optional<std::int64_t> snappedTo; // drawn as a guide line
    SnapTargets snaps;
};

class TimelineMouse {
  public:
    static constexpr int kDragThresholdPx = 4;
    static constexpr int kPlayheadGrabPx = 4;

    TimelineMouse(ProjectDocument& doc, Transport& transport, ClipSelection& selection,
                  const TimelineGeometry& geometry);

    bool snapping() const { return snapping_; }
    void setSnapping(bool on) { snapping_ = on; }
    const TimelineDrag& drag() const { return drag_; }
    bool active() const { return drag_.mode != TimelineDrag::Mode::None; }

    void press(QPoint pos, Qt::KeyboardModifiers modifiers);
    void move(QPoint pos);
    void release(QPoint pos, Qt::KeyboardModifiers modifiers);
    // Escape: drops the gesture without editing.
    void cancel();
    Qt::CursorShape cursorAt(QPoint pos) const;

    std::function<void(const QString&)> onMessage;

  private:
    void beginMove();
    void updateMove();
    void updateTrim();
    void updateRubberBand();
    void scrubTo(int x);
    void commitMove();
    void commitTrim();
    double snapFrames() const;
    bool nearPlayhead(QPoint pos) const;
    void message(const QString& text);

    ProjectDocument& doc_;
    Transport& transport_;
    ClipSelection& selection_;
    const TimelineGeometry& geometry_;
    bool snapping_ = true;
    TimelineDrag drag_;
};

} // namespace entropic::app
