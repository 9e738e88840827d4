#pragma once
// One parameter's control, built from its descriptor spec alone: slider + spin
// box with unit for numbers, combo box for choices, check box for switches,
// swatch for colours, x/y boxes for points. The help text is the tooltip; the
// context menu resets to the default. Mouse wheel, typed values and arrow keys
// work; Shift steps finer, Ctrl coarser.
//
// Edits are reported with a gesture id: every report of one slider drag (or
// one typed value) carries the same id, so the history merges them into one entry.
#include <array>
#include <functional>
#include <optional>
#include <vector>

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
    // One component at a time (points: x, y; colours: r, g, b, a).
    void setGhost(int component, std::optional<double> used, bool modulated, bool automated);
    // Component 0's ghost.
    std::optional<double> ghost() const { return ghosts_[0].used; }
    // Adds entries to the context menu ("Modulate by…", "Add keyframe"); one
    // per component for points and colours.
    void addMenuExtender(std::function<void(QMenu&)> extend) {
        extendMenus_.push_back(std::move(extend));
    }
    // Greys the control out while its parameter has no effect in the current
    // setting (fx::applicability); `reason` ("Applies when Direction is
    // Angle") leads the tooltip. Enabled again with the plain help text.
    void setApplies(bool applies, const QString& reason = {});
    bool applies() const { return isEnabled(); }
    // "X", "Y" for points; "Red" … "Alpha" for colours; empty for one-component types.
    QString componentName(int component) const;

  Q_SIGNALS:
    void edited(const fx::ParamValue& value, int gestureId);
    // The mouse took / let go of the slider (numbers only): what automation
    // recording's Touch mode holds a parameter by.
    void pressed();
    void released();

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
    struct Ghost {
        std::optional<double> used;
        bool modulated = false, automated = false;
    };
    std::array<Ghost, 4> ghosts_{};
    std::vector<std::function<void(QMenu&)>> extendMenus_;
    void showGhosts();
};

} // namespace entropic::app
