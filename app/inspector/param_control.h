#pragma once
// One parameter's control, built from its descriptor spec alone: slider + spin
// box with unit for numbers, combo box for choices, check box for switches,
// swatch for colours, x/y boxes for points. The help text is the tooltip; the
// context menu resets to the default. Mouse wheel, typed values and arrow keys
// work; Shift steps finer, Ctrl coarser.
//
// Edits are reported with a gesture id: every report of one slider drag (or
// one typed value) carries the same id, so the history merges them into one entry.
#include <functional>
#include <optional>

#include <QWidget>

#include "entropic/effects/params.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QDoubleSpinBox;
class QPushButton;
class QSlider;

namespace entropic::app {

class ParamControl : public QWidget {
    Q_OBJECT
  public:
    ParamControl(const fx::ParamSpec& spec, QWidget* parent = nullptr);

    const fx::ParamSpec& spec() const { return spec_; }
    fx::ParamValue value() const { return value_; }
    // Shows a value without reporting an edit.
    void setValue(const fx::ParamValue& value);
    void resetToDefault();

    // The ghost handle: what moves the parameter (a route, an automation
    // lane) and the value actually used on the current frame, shown beside
    // the base value the control edits: a mark on the slider, the number in
    // the signal's colour. nullopt: nothing moves it (hidden).
    void setGhost(std::optional<double> used, bool modulated, bool automated);
    std::optional<double> ghost() const { return ghost_; }
    // Adds entries to the context menu ("Modulate by…", "Add keyframe").
    void setMenuExtender(std::function<void(QMenu&)> extend) { extendMenu_ = std::move(extend); }

  Q_SIGNALS:
    void edited(const fx::ParamValue& value, int gestureId);

  protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

  private:
    void buildNumber();
    void buildChoice();
    void buildToggle();
    void buildColor();
    void buildPoint();
    void report(const fx::ParamValue& value, bool newGesture);
    void refresh();
    int sliderPosition(double v) const;
    double sliderValue(int position) const;

    fx::ParamSpec spec_;
    fx::ParamValue value_{};
    int gesture_ = 0;
    bool updating_ = false;
    QSlider* slider_ = nullptr;
    QDoubleSpinBox* spin_ = nullptr;
    QDoubleSpinBox* spinY_ = nullptr;
    QComboBox* combo_ = nullptr;
    QCheckBox* check_ = nullptr;
    QPushButton* swatch_ = nullptr;
    QLabel* ghostLabel_ = nullptr;
    QWidget* ghostMark_ = nullptr;
    std::optional<double> ghost_;
    std::function<void(QMenu&)> extendMenu_;
};

} // namespace entropic::app
