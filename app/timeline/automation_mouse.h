#pragma once
// The mouse on automation rows: drag a key to move it in time and value (one
// history entry per drag; it may pass other keys but not land on one),
// double-click empty lane to add a key there, double-click a key to delete
// it, and a context menu for the key (delete, the interpolation of the
// segment it starts) or the row (remove the automation). Edits go through
// edits::* and a refused one leaves the lane as it was, with the reason.
#include <cstdint>
#include <optional>

#include <QObject>
#include <QPoint>

#include "entropic/signal/spec.h"

class QMenu;

namespace entropic::app {

class ProjectDocument;
class TimelineGeometry;

class AutomationMouse : public QObject {
    Q_OBJECT
  public:
    AutomationMouse(ProjectDocument& doc, const TimelineGeometry& geometry,
                    QObject* parent = nullptr);

    // True when the point is on an automation row and the press is taken.
    bool press(QPoint pos);
    void move(QPoint pos);
    void release();
    bool active() const { return dragging_.has_value(); }
    bool doubleClick(QPoint pos);
    // Fills the menu for an automation row under pos; false if there is none.
    bool fillMenu(QPoint pos, QMenu& menu);

  Q_SIGNALS:
    void message(const QString& text);

  private:
    struct KeyHit {
        int row = -1;
        std::optional<std::int64_t> keyFrame; // the key under the point, if any
    };
    KeyHit hitAt(QPoint pos) const;
    void report(bool ok, const QString& error);

    ProjectDocument& doc_;
    const TimelineGeometry& geometry_;
    struct Drag {
        int row;
        sig::ParamTarget target;
        std::int64_t frame; // where the key is now
        int gesture;
    };
    std::optional<Drag> dragging_;
};

} // namespace entropic::app
