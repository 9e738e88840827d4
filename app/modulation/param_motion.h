#pragma once
// What makes one effect parameter move, attached to its inspector control:
// the context menu's "Modulate by…", "Edit modulation…", "Add keyframe at
// playhead" and friends, and the ghost handle (the value the engine uses on
// the playhead's frame, from SignalValues). While a parameter is automated,
// turning its knob sets the keyframe at the playhead, as in other editors:
// the lane decides the value, so editing the base would change nothing.
#include <QObject>

#include "entropic/signal/spec.h"

class QMenu;

namespace entropic::app {

class ParamControl;
class ProjectDocument;
class SignalValues;

class ParamMotion : public QObject {
    Q_OBJECT
  public:
    ParamMotion(ProjectDocument& doc, SignalValues& values, ParamControl& control,
                sig::ParamTarget target, QObject* parent);

    const sig::ParamTarget& target() const { return target_; }
    // True when the control's edits go to the lane (the parameter is automated).
    bool editsKeyframe() const;
    // The key at the playhead takes the value (added if there is none).
    bool setKeyframe(double value, int gestureId, QString* error);
    void fillMenu(QMenu& menu);
    // The "Modulate by…" submenu: the project's signals, a new LFO, this
    // clip's sound (level, a band) and picture (brightness, motion), the
    // performance pads. A new source comes with its route in one undo step.
    void fillModulateMenu(QMenu& by);
    void updateGhost();

  Q_SIGNALS:
    void message(const QString& text);

  private:
    sig::RouteSpec newRoute(bool lfo) const;
    void modulateBy(const std::string& nodeId);
    void modulateByNewLfo();
    void modulateBySource(const sig::SourceSpec& source);
    void editRoute(const QString& routeId, int gestureId = 0);
    QString label() const;

    ProjectDocument& doc_;
    SignalValues& values_;
    ParamControl& control_;
    sig::ParamTarget target_;
};

} // namespace entropic::app
