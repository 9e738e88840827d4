#pragma once
// The project's signals (docs/architecture.md, docs/signals.md): every source
// and operator as a card with its settings and a live plot over the visible
// timeline range, and an Add menu of every operator (from the registry's
// descriptors) and source kind. Rebuilds only when the set of nodes changes,
// so a knob being dragged keeps its grip while the document updates.
#include <QWidget>

#include "midi/knob_menu.h"

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace entropic::app {

class ClipSelection;
class ProjectDocument;
class SignalNodeCard;
class SignalValues;

class ModulationPanel : public QWidget {
    Q_OBJECT
  public:
    ModulationPanel(ProjectDocument& doc, SignalValues& values, ClipSelection& selection,
                    QWidget* parent = nullptr);

    // Adds an operator ("mod.lfo"); one that needs an input gets the first
    // existing signal. Returns the new node id, empty (and a message) if refused.
    QString addOperator(const QString& opId);
    QList<SignalNodeCard*> cards() const { return cards_; }
    QToolButton* addButton() const { return add_; }
    // Gives operator parameters' menus their MIDI learn entries (cards are rebuilt).
    void setKnobMenu(KnobMenu menu);

  Q_SIGNALS:
    void message(const QString& text);

  private:
    void sync();
    void fillAddMenu();
    QString structureKey() const;

    ProjectDocument& doc_;
    SignalValues& values_;
    KnobMenu knobMenu_;
    ClipSelection& selection_;
    QString builtKey_;
    QToolButton* add_;
    QLabel* hint_;
    QVBoxLayout* cardsLayout_;
    QList<SignalNodeCard*> cards_;
};

} // namespace entropic::app
