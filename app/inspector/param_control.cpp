#include "inspector/param_control.h"

#include "commands/edits.h"
#include "timeline/timeline_palette.h"

#include <QApplication>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace entropic::app {
namespace {

constexpr int kSliderSteps = 1000;

// Shift steps ten times finer, Ctrl ten times coarser (Qt's own Ctrl-wheel
// acceleration is turned off so the rule is the same for keys and wheel).
class StepSpinBox : public QDoubleSpinBox {
  public:
    using QDoubleSpinBox::QDoubleSpinBox;
    void stepBy(int steps) override {
        const auto mods = QApplication::keyboardModifiers();
        const double base = singleStep();
        double step = base;
        if (mods & Qt::ShiftModifier)
            step = base / 10;
        else if (mods & Qt::ControlModifier)
            step = base * 10;
        setValue(value() + steps * step);
    }
};

// The ghost's mark on a slider: a small triangle under the groove where the
// value actually used sits. Follows the slider's size; never takes the mouse.
class GhostMark : public QWidget {
  public:
    explicit GhostMark(QSlider* slider) : QWidget(slider), slider_(slider) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        slider->installEventFilter(this);
        setGeometry(slider->rect());
    }
    void setFraction(std::optional<double> f, QColor color) {
        fraction_ = f;
        color_ = color;
        update();
    }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == slider_ && event->type() == QEvent::Resize) setGeometry(slider_->rect());
        return false;
    }
    void paintEvent(QPaintEvent*) override {
        if (!fraction_) return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        // The handle's travel is the groove less half a handle at each end.
        const double inset = 8;
        const double x = inset + std::clamp(*fraction_, 0.0, 1.0) * (width() - 2 * inset);
        const double y = height() - 1;
        const QPointF tri[3] = {{x, y - 6}, {x - 4.5, y}, {x + 4.5, y}};
        p.setPen(Qt::NoPen);
        p.setBrush(color_);
        p.drawPolygon(tri, 3);
    }

  private:
    QSlider* slider_;
    std::optional<double> fraction_;
    QColor color_;
};

} // namespace

ParamControl::ParamControl(const fx::ParamSpec& spec, QWidget* parent)
    : QWidget(parent), spec_(spec) {
    value_ = spec.def;
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    setToolTip(QString::fromStdString(spec.help));
    switch (spec.type) {
    case fx::ParamType::Float:
    case fx::ParamType::Int:
        buildNumber();
        break;
    case fx::ParamType::Enum:
        buildChoice();
        break;
    case fx::ParamType::Bool:
        buildToggle();
        break;
    case fx::ParamType::Color:
        buildColor();
        break;
    case fx::ParamType::Point:
        buildPoint();
        break;
    }
    ghostLabel_ = new QLabel(this);
    ghostLabel_->setMinimumWidth(52);
    ghostLabel_->hide();
    layout->addWidget(ghostLabel_);
    if (slider_) ghostMark_ = new GhostMark(slider_);
    refresh();
}

int ParamControl::sliderPosition(double v) const {
    if (spec_.max <= spec_.min) return 0;
    return static_cast<int>(std::lround((v - spec_.min) / (spec_.max - spec_.min) * kSliderSteps));
}

double ParamControl::sliderValue(int position) const {
    double v = spec_.min + (spec_.max - spec_.min) * position / kSliderSteps;
    if (spec_.type == fx::ParamType::Int) v = std::round(v);
    return v;
}

void ParamControl::buildNumber() {
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(0, kSliderSteps);
    slider_->setToolTip(toolTip());
    spin_ = new StepSpinBox(this);
    spin_->setRange(spec_.min, spec_.max);
    spin_->setDecimals(spec_.uiDecimals());
    spin_->setSingleStep(spec_.uiStep());
    spin_->setKeyboardTracking(false);
    spin_->setAccelerated(true);
    spin_->setMinimumWidth(80);
    if (!spec_.unit.empty())
        spin_->setSuffix(QStringLiteral(" ") + QString::fromStdString(spec_.unit));
    spin_->setToolTip(toolTip());
    layout()->addWidget(slider_);
    layout()->addWidget(spin_);
    connect(slider_, &QSlider::sliderPressed, this, [this] {
        gesture_ = edits::newGestureId();
        Q_EMIT pressed();
    });
    connect(slider_, &QSlider::sliderReleased, this, &ParamControl::released);
    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        if (updating_) return;
        // Clicks on the groove and keys move the slider without a press: a gesture of their own.
        report({sliderValue(position), 0, 0, 0}, !slider_->isSliderDown());
    });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!updating_) report({v, 0, 0, 0}, true);
    });
}

void ParamControl::buildChoice() {
    combo_ = new QComboBox(this);
    for (const auto& choice : spec_.choices)
        combo_->addItem(QString::fromStdString(choice));
    combo_->setToolTip(toolTip());
    layout()->addWidget(combo_);
    connect(combo_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!updating_ && index >= 0) report({static_cast<double>(index), 0, 0, 0}, true);
    });
}

void ParamControl::buildToggle() {
    check_ = new QCheckBox(this);
    check_->setToolTip(toolTip());
    layout()->addWidget(check_);
    connect(check_, &QCheckBox::toggled, this, [this](bool on) {
        if (!updating_) report({on ? 1.0 : 0.0, 0, 0, 0}, true);
    });
}

void ParamControl::buildColor() {
    swatch_ = new QPushButton(this);
    swatch_->setFixedSize(48, 22);
    swatch_->setToolTip(toolTip());
    layout()->addWidget(swatch_);
    static_cast<QHBoxLayout*>(layout())->addStretch();
    connect(swatch_, &QPushButton::clicked, this, [this] {
        const QColor initial = QColor::fromRgbF(value_[0], value_[1], value_[2], value_[3]);
        const QColor chosen = QColorDialog::getColor(
            initial, this, QString::fromStdString(spec_.label), QColorDialog::ShowAlphaChannel);
        if (chosen.isValid())
            report({chosen.redF(), chosen.greenF(), chosen.blueF(), chosen.alphaF()}, true);
    });
}

void ParamControl::buildPoint() {
    spin_ = new StepSpinBox(this);
    spinY_ = new StepSpinBox(this);
    for (auto* box : {spin_, spinY_}) {
        box->setRange(spec_.min, spec_.max);
        box->setDecimals(spec_.uiDecimals());
        box->setSingleStep(spec_.uiStep());
        box->setKeyboardTracking(false);
        box->setToolTip(toolTip());
        layout()->addWidget(box);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            if (!updating_) report({spin_->value(), spinY_->value(), 0, 0}, true);
        });
    }
    spin_->setPrefix(QStringLiteral("x "));
    spinY_->setPrefix(QStringLiteral("y "));
}

void ParamControl::setValue(const fx::ParamValue& value) {
    value_ = spec_.clamp(value);
    refresh();
}

void ParamControl::resetToDefault() {
    report(spec_.def, true);
}

void ParamControl::report(const fx::ParamValue& value, bool newGesture) {
    if (newGesture || gesture_ == 0) gesture_ = edits::newGestureId();
    value_ = spec_.clamp(value);
    refresh();
    Q_EMIT edited(value_, gesture_);
}

void ParamControl::refresh() {
    updating_ = true;
    if (slider_) slider_->setValue(sliderPosition(value_[0]));
    if (spin_) spin_->setValue(value_[0]);
    if (spinY_) spinY_->setValue(value_[1]);
    if (combo_) combo_->setCurrentIndex(static_cast<int>(value_[0]));
    if (check_) check_->setChecked(value_[0] != 0);
    if (swatch_) {
        const QColor c = QColor::fromRgbF(value_[0], value_[1], value_[2], value_[3]);
        swatch_->setStyleSheet(
            QStringLiteral("background-color: %1; border: 1px solid #555;").arg(c.name()));
    }
    updating_ = false;
}

QString ParamControl::componentName(int component) const {
    if (spec_.type == fx::ParamType::Point) return component == 0 ? tr("X") : tr("Y");
    if (spec_.type == fx::ParamType::Color) {
        const QString names[] = {tr("Red"), tr("Green"), tr("Blue"), tr("Alpha")};
        return names[std::clamp(component, 0, 3)];
    }
    return {};
}

void ParamControl::setGhost(int component, std::optional<double> used, bool modulated,
                            bool automated) {
    auto& g = ghosts_[static_cast<std::size_t>(std::clamp(component, 0, 3))];
    g.used = (modulated || automated) ? used : std::nullopt;
    g.modulated = modulated;
    g.automated = automated;
    showGhosts();
}

void ParamControl::showGhosts() {
    bool modulated = false, automated = false;
    QStringList parts;
    const int decimals = spec_.uiDecimals();
    for (int c = 0; c < spec_.components(); ++c) {
        const auto& g = ghosts_[static_cast<std::size_t>(c)];
        if (!g.modulated && !g.automated) continue;
        modulated |= g.modulated;
        automated |= g.automated;
        const QString name = componentName(c);
        const QString value =
            g.used ? QString::number(*g.used, 'f', decimals) : QStringLiteral("…");
        parts << (name.isEmpty() ? value : name.left(1).toLower() + QLatin1Char(' ') + value);
    }
    const bool moving = modulated || automated;
    const QColor color = modulated ? palette::kModulation : palette::kAutomation;
    ghostLabel_->setVisible(moving);
    if (moving) {
        const QString what = modulated && automated ? tr("automated and modulated")
                             : modulated            ? tr("modulated")
                                                    : tr("automated");
        ghostLabel_->setText(QStringLiteral("→ ") + parts.join(QLatin1Char(' ')));
        ghostLabel_->setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));
        ghostLabel_->setToolTip(tr("Value used on this frame (%1)").arg(what));
    }
    if (auto* mark = static_cast<GhostMark*>(ghostMark_)) {
        std::optional<double> fraction;
        if (ghosts_[0].used && spec_.max > spec_.min)
            fraction = (*ghosts_[0].used - spec_.min) / (spec_.max - spec_.min);
        mark->setFraction(fraction, color);
    }
}

void ParamControl::setApplies(bool applies, const QString& reason) {
    setEnabled(applies);
    const QString help = QString::fromStdString(spec_.help);
    const QString tip = applies || reason.isEmpty() ? help : reason + QStringLiteral("\n") + help;
    setToolTip(tip);
    // The parts carry the tooltip too: hovering the slider or the box shows it.
    for (auto* part : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
        if (part != ghostLabel_) part->setToolTip(tip);
}

void ParamControl::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Reset to default"), this, &ParamControl::resetToDefault);
    for (const auto& extend : extendMenus_)
        extend(menu);
    menu.exec(event->globalPos());
}

} // namespace entropic::app
