#pragma once
// One signal node of the project in the modulation panel: its name, what it
// is, its settings built from its descriptor (operators: parameters, inputs,
// seed; sources: what it measures, on which clip or track, the band) and a
// live plot of its output over the visible timeline range. Parameters that
// do not apply in the current setting are greyed out, with the reason. Edits
// go through app/commands/edits.h only.
#include <QFrame>
#include <QMap>

#include "entropic/signal/operator.h"
#include "entropic/signal/spec.h"
#include "midi/knob_menu.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace entropic::app {

class ParamControl;
class ProjectDocument;
class SignalValues;

class SignalNodeCard : public QFrame {
    Q_OBJECT
  public:
    // knobMenu: the MIDI learn entries of operator parameters (may be empty).
    SignalNodeCard(ProjectDocument& doc, SignalValues& values, const std::string& nodeId,
                   QWidget* parent = nullptr, KnobMenu knobMenu = {});

    const std::string& nodeId() const { return nodeId_; }
    // Shows the project's current settings without rebuilding (a drag keeps its grip).
    void refresh();

  Q_SIGNALS:
    void message(const QString& text);

  private:
    void buildSource(QFormLayout* form, const sig::SourceSpec& source);
    void buildOperator(QFormLayout* form, const sig::OperatorSpec& op);
    void applySource();
    void applyInputs();
    void report(bool ok, const QString& error);

    ProjectDocument& doc_;
    SignalValues& values_;
    KnobMenu knobMenu_;
    std::string nodeId_;
    bool updating_ = false;
    QLineEdit* name_ = nullptr;
    // Sources
    QComboBox* kind_ = nullptr;
    QComboBox* media_ = nullptr;
    QDoubleSpinBox* bandLow_ = nullptr;
    QDoubleSpinBox* bandHigh_ = nullptr;
    // Operators
    QList<QComboBox*> inputs_;
    QSpinBox* seed_ = nullptr;
    QMap<QString, ParamControl*> params_;
    const sig::OperatorDescriptor* descriptor_ = nullptr;
    QFormLayout* form_ = nullptr; // where the parameters' labels are
};

} // namespace entropic::app
