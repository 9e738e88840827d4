#pragma once
// One effect instance of the inspected clip: its header (collapse, bypass,
// name, reorder, duplicate, remove), the container's controls (mix, seed,
// mask) and a control per parameter, all built from the descriptor; the
// parameters that do not apply in the current setting are greyed out. A
// right click on the header or the background opens the same actions as a
// menu, with "Reset all parameters". It edits the document through
// app/commands/edits.h only.
#include <QFrame>
#include <QMap>

#include "entropic/effects/container.h"
#include "midi/knob_menu.h"

class QCheckBox;
class QFormLayout;
class QVBoxLayout;
class QLabel;
class QMenu;
class QToolButton;

namespace entropic::app {

class AutomationRecorder;
class ParamControl;
class ParamMotion;
class ProjectDocument;
class SignalValues;

class EffectCard : public QFrame {
    Q_OBJECT
  public:
    // values: where modulated and automated parameters get their menus and
    // ghost handles; null leaves the parameters plain. knobMenu: their MIDI
    // learn entries.
    EffectCard(ProjectDocument& doc, const QString& clipId, const fx::EffectInstance& instance,
               int index, int chainLength, SignalValues* values = nullptr,
               QWidget* parent = nullptr, KnobMenu knobMenu = {});

    const QString& instanceId() const { return instanceId_; }
    // Where a parameter's moves go while automation is recorded (null: none;
    // every move is an ordinary edit).
    void setRecorder(AutomationRecorder* recorder) { recorder_ = recorder; }
    // Shows new values without rebuilding (a drag in progress keeps its grip).
    void refresh(const fx::EffectInstance& instance);

    // Only the header shows while collapsed (a view setting, not an edit).
    void setCollapsed(bool collapsed);
    bool collapsed() const { return collapsed_; }
    // The card's context menu: bypass, duplicate, remove, reset all
    // parameters, collapse/expand, move up/down, each action named by its
    // objectName ("bypass", "duplicate", …) and disabled where meaningless.
    QMenu* buildContextMenu(QWidget* parent);

  Q_SIGNALS:
    // An edit was refused: the reason, for the status bar.
    void message(const QString& text);
    void collapsedChanged(bool collapsed);

  protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void buildHeader(QVBoxLayout* outer, int index, int chainLength);
    void buildParameters(QFormLayout* form, const fx::EffectInstance& instance,
                         SignalValues* values);
    void buildMask(QFormLayout* form);
    void updateMaskVisibility();
    void applyMask(int gestureId);
    // The card's one error path: runs an edit (a callable given the QString*
    // error out-parameter every edits:: function takes) and passes a refusal
    // on as message().
    template <class Edit> void apply(Edit&& edit) {
        QString error;
        if (!edit(&error) && !error.isEmpty()) Q_EMIT message(error);
    }
    // A parameter's control moved: a keyframe where it is automated, else the base value.
    bool editParameter(const QString& key, const fx::ParamValue& value, int gesture,
                       QString* error);
    void duplicateSelf();
    void removeSelf();
    void showApplicability();
    void move(int toIndex);

    ProjectDocument& doc_;
    QString clipId_;
    KnobMenu knobMenu_; // MIDI learn entries of the parameters (may be empty)
    AutomationRecorder* recorder_ = nullptr;
    QString instanceId_;
    int index_ = 0;
    int chainLength_ = 1;
    const fx::EffectDescriptor* descriptor_ = nullptr;
    bool collapsed_ = false;
    QToolButton* collapse_ = nullptr;
    QWidget* body_ = nullptr;
    QFormLayout* form_ = nullptr;
    fx::MaskSpec mask_;
    QCheckBox* enabled_ = nullptr;
    ParamControl* mix_ = nullptr;
    ParamControl* blend_ = nullptr;
    ParamControl* seed_ = nullptr;
    QMap<QString, ParamControl*> params_;
    QMap<QString, QList<ParamMotion*>> motions_; // one per component
    QMap<QString, ParamControl*> maskControls_;
    QMap<QString, QWidget*> maskRows_;
    QPoint pressPos_;
};

// Drag of an instance within the chain (reorder).
inline constexpr const char* kEffectInstanceMimeType = "application/x-entropic-effect-instance";

} // namespace entropic::app
