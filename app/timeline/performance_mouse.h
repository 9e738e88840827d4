#pragma once
// The mouse on the performance rows (a pad lane each, under the tracks):
// click selects an event (Shift adds), a drag of a block moves the selected
// events (snapping as clips do), a drag of a block's end trims it, Alt+drag
// sets the selection's velocity to the pointer's height, Delete deletes the
// selection, and a block's context menu has Velocity… and Delete. A gesture
// is previewed (shownLanes(), computed by the very rules the edit uses) and
// committed once, on release: one gesture, one undo entry. The rules that
// keep a lane valid are gate_event_rules.h's.
#include <cstdint>
#include <optional>
#include <vector>

#include <QObject>
#include <QPoint>

#include "commands/gate_event_rules.h"
#include "timeline/timeline_snapping.h"

class QMenu;

namespace entropic::app {

class ProjectDocument;
class TimelineGeometry;

class PerformanceMouse : public QObject {
    Q_OBJECT
  public:
    static constexpr int kDragThresholdPx = 4;

    PerformanceMouse(ProjectDocument& doc, const TimelineGeometry& geometry,
                     QObject* parent = nullptr);

    // True when the point is on a performance row: the press is taken.
    bool press(QPoint pos, Qt::KeyboardModifiers modifiers, std::int64_t playhead, bool snapping);
    void move(QPoint pos);
    void release();
    // Escape, or the project changed under the gesture: nothing is edited.
    void cancel();
    bool active() const { return drag_.has_value(); }
    // The cursor a point over a row asks for (edges, blocks); nullopt elsewhere.
    std::optional<Qt::CursorShape> cursorAt(QPoint pos) const;
    // Fills the menu for a block under pos; false if there is none.
    bool fillMenu(QPoint pos, QMenu& menu);

    const std::vector<gate::EventRef>& selection() const { return selection_; }
    bool isSelected(const std::string& lane, const sig::GateEvent& event) const;
    void clearSelection();
    bool deleteSelected();
    bool setSelectionVelocity(double velocity);

    // What the rows show: the gesture's outcome while one is under way,
    // otherwise the project's lanes.
    const std::vector<engine::PerformanceLane>& shownLanes() const;
    // The frame a moved or trimmed edge snapped to (drawn as a guide).
    std::optional<std::int64_t> snappedTo() const;
    // After any change of the document: selected events that are gone (an
    // undo) leave the selection; a gesture in progress is dropped.
    void documentChanged();

  Q_SIGNALS:
    void message(const QString& text);
    void changed(); // selection or preview: repaint

  private:
    enum class Mode { Pressed, Move, TrimOn, TrimOff, Velocity };
    struct Drag {
        Mode mode = Mode::Pressed;
        Mode intent = Mode::Move; // what a drag past the threshold becomes
        QPoint pressPos;
        int row = -1;
        gate::EventRef pressed;
        bool narrowOnClick = false; // a plain click on a selected block selects only it
        SnapTargets snaps;
        bool snapping = true;
        std::int64_t delta = 0;     // Move
        std::int64_t edgeFrame = 0; // TrimOn / TrimOff
        double velocity = 1;        // Velocity
        std::optional<gate::LaneEdit> preview;
        std::optional<std::int64_t> snappedTo;
    };
    void updatePreview(QPoint pos);
    bool commit();
    void report(bool ok, const QString& error);

    ProjectDocument& doc_;
    const TimelineGeometry& geometry_;
    std::vector<gate::EventRef> selection_;
    std::optional<Drag> drag_;
    bool committing_ = false;
};

} // namespace entropic::app
