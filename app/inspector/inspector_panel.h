#pragma once
// The selected clip's effect chain (docs/architecture.md): a card per effect,
// built from descriptors. Effects dropped here from the browser are added to
// the clip. Rebuilds only when the chain's structure changes, so a knob being
// dragged keeps its grip while the document updates.
#include <QSet>
#include <QWidget>

#include "midi/knob_menu.h"

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace entropic::app {

class AutomationRecorder;
class ClipSelection;
class EffectCard;
class ProjectDocument;
class SignalValues;

class InspectorPanel : public QWidget {
    Q_OBJECT
  public:
    // values: null leaves parameters without modulation menus and ghosts.
    InspectorPanel(ProjectDocument& doc, ClipSelection& selection, SignalValues* values = nullptr,
                   QWidget* parent = nullptr);

    // Adds an effect to the inspected clip (double-click in the browser).
    bool addEffect(const QString& effectId);
    // The preset's chain appended to the selected clip's (one undo step).
    bool applyPreset(const QString& presetId);
    QString clipId() const { return clipId_; }
    QList<EffectCard*> cards() const { return cards_; }
    // Gives the parameters' menus their MIDI learn entries (cards are rebuilt).
    void setKnobMenu(KnobMenu menu);
    // Where parameter moves go while automation is recorded (EffectCard::setRecorder).
    void setRecorder(AutomationRecorder* recorder);

  Q_SIGNALS:
    void message(const QString& text);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void sync();
    QString structureKey() const;

    ProjectDocument& doc_;
    ClipSelection& selection_;
    SignalValues* values_;
    KnobMenu knobMenu_;
    AutomationRecorder* recorder_ = nullptr;
    QString clipId_;
    QString builtKey_;
    QLabel* title_;
    QLabel* hint_;
    QScrollArea* scroll_;
    QWidget* content_;
    QVBoxLayout* cardsLayout_;
    QList<EffectCard*> cards_;
    QSet<QString> collapsed_; // instance ids whose card is collapsed
};

} // namespace entropic::app
