#pragma once
// One effect instance of the inspected clip: its header (bypass, name,
// reorder, duplicate, remove), the container's controls (mix, seed, mask) and
// a control per parameter, all built from the descriptor. It edits the
// document through app/commands/edits.h only.
#include <QFrame>
#include <QMap>

#include "entropic/effects/container.h"

class QCheckBox;
class QFormLayout;
class QLabel;

namespace entropic::app {

class ParamControl;
class ParamMotion;
class ProjectDocument;
class SignalValues;

class EffectCard : public QFrame {
    Q_OBJECT
  public:
    // values: where modulated and automated parameters get their menus and
    // ghost handles; null leaves the parameters plain.
    EffectCard(ProjectDocument& doc, const QString& clipId, const fx::EffectInstance& instance, int index,
               int chainLength, SignalValues* values = nullptr, QWidget* parent = nullptr);

    const QString& instanceId() const { return instanceId_; }
    // Shows new values without rebuilding (a drag in progress keeps its grip).
    void refresh(const fx::EffectInstance& instance);

  Q_SIGNALS:
    // An edit was refused: the reason, for the status bar.
    void message(const QString& text);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void buildMask(QFormLayout* form);
    void updateMaskVisibility();
    void applyMask(int gestureId);
    void report(bool ok, const QString& error);

    ProjectDocument& doc_;
    QString clipId_;
    QString instanceId_;
    int index_ = 0;
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
