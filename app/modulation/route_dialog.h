#pragma once
// "Modulate by…": one route's settings (docs/signals.md, "Routes"): the
// signal, depth (a fraction of the parameter's range, may be negative),
// polarity, and the processing chain (threshold, ADSR, slew, smoothing,
// quantize, invert, scale/offset). Every change applies at once, so the
// viewer shows it while the dialog is open; the whole session is one undo
// step. A change the graph refuses is shown in the dialog and not applied.
#include <QDialog>

#include "entropic/signal/spec.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace entropic::app {

class ProjectDocument;

class RouteDialog : public QDialog {
    Q_OBJECT
  public:
    // routeId: an existing route of the project. gestureId: the history entry
    // the dialog's changes join (the one that added the route); 0 starts one.
    RouteDialog(ProjectDocument& doc, const QString& routeId, const QString& title,
                int gestureId = 0, QWidget* parent = nullptr);

    // The form's route (tests drive the form through it).
    sig::RouteSpec route() const;
    QString lastError() const { return lastError_; }

  private:
    void load(const sig::RouteSpec& route);
    void apply();

    ProjectDocument& doc_;
    QString routeId_;
    sig::ParamTarget target_;
    int gesture_ = 0;
    bool loading_ = false;
    QString lastError_;
    QComboBox* signal_;
    QDoubleSpinBox* depth_;
    QComboBox* polarity_;
    QCheckBox* enabled_;
    QCheckBox* useThreshold_;
    QDoubleSpinBox* threshold_;
    QCheckBox* useAdsr_;
    QDoubleSpinBox *attack_, *decay_, *sustain_, *release_, *curve_;
    QDoubleSpinBox *slewRise_, *slewFall_, *smooth_;
    QSpinBox* quantize_;
    QCheckBox* invert_;
    QDoubleSpinBox *scale_, *offset_;
    QLabel* error_;
};

} // namespace entropic::app
