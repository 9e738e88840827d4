#include "inspector/effect_card.h"

#include <algorithm>

#include <QApplication>
#include <QCheckBox>
#include <QContextMenuEvent>
#include <QDrag>
#include <QDragEnterEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QToolButton>
#include <QVBoxLayout>

#include "commands/edits.h"
#include "inspector/param_applicability.h"
#include "inspector/param_control.h"
#include "model/project_document.h"
#include "modulation/param_motion.h"
#include "performance/automation_recorder.h"

namespace entropic::app {
namespace {

// The container's own controls are parameters too: the same control class
// serves them, built from specs declared here once.
const fx::ParamSpec kMixSpec =
    fx::ParamSpec::number("mix", "Mix", 0, 100, 100, "%", "Dry/wet: 0 % is the input untouched");
// The blend modes as a choice, in fx::blendModes() order (index = position).
const fx::ParamSpec& blendSpec() {
    static const fx::ParamSpec spec = [] {
        std::vector<std::string> labels;
        for (const auto& m : fx::blendModes())
            labels.emplace_back(m.label);
        return fx::ParamSpec::choice("blend", "Blend", std::move(labels), 0,
                                     "How the effect's picture lays onto its input before the mix");
    }();
    return spec;
}
int blendIndex(fx::BlendMode mode) {
    const auto modes = fx::blendModes();
    for (std::size_t i = 0; i < modes.size(); ++i)
        if (modes[i].mode == mode) return static_cast<int>(i);
    return 0;
}
const fx::ParamSpec kSeedSpec = fx::ParamSpec::integer(
    "seed", "Seed", 0, 99999, 0, "", "Changes the random pattern of seeded effects");
const fx::ParamSpec kShapeSpec =
    fx::ParamSpec::choice("shape", "Mask", {"None", "Rectangle", "Ellipse", "Luma key"}, 0,
                          "Where the effect applies: a shape or the picture's brightness");
const fx::ParamSpec kMaskSpecs[] = {
    fx::ParamSpec::number("x", "Left", -1, 2, 0.25, "", "Left edge, as a fraction of the width"),
    fx::ParamSpec::number("y", "Top", -1, 2, 0.25, "", "Top edge, as a fraction of the height"),
    fx::ParamSpec::number("w", "Width", 0, 3, 0.5, "", "Width, as a fraction of the frame width"),
    fx::ParamSpec::number("h", "Height", 0, 3, 0.5, "",
                          "Height, as a fraction of the frame height"),
    fx::ParamSpec::number("feather", "Feather", 0, 1, 0, "",
                          "Soft edge, as a fraction of the smaller side"),
    fx::ParamSpec::number("luma_low", "Luma low", 0, 1, 0.5, "",
                          "Darkest brightness that gets the effect"),
    fx::ParamSpec::number("luma_high", "Luma high", 0, 1, 1, "",
                          "Brightest brightness that gets the effect"),
    fx::ParamSpec::number("softness", "Softness", 0, 1, 0.05, "", "Ramp outside the luma band"),
    fx::ParamSpec::toggle("invert", "Invert", false, "Apply the effect outside the mask instead"),
};

double maskField(const fx::MaskSpec& m, const QString& key) {
    if (key == "x") return m.x;
    if (key == "y") return m.y;
    if (key == "w") return m.w;
    if (key == "h") return m.h;
    if (key == "feather") return m.feather;
    if (key == "luma_low") return m.lumaLow;
    if (key == "luma_high") return m.lumaHigh;
    if (key == "softness") return m.softness;
    return m.invert ? 1 : 0;
}

void setMaskField(fx::MaskSpec& m, const QString& key, double v) {
    if (key == "x")
        m.x = v;
    else if (key == "y")
        m.y = v;
    else if (key == "w")
        m.w = v;
    else if (key == "h")
        m.h = v;
    else if (key == "feather")
        m.feather = v;
    else if (key == "luma_low")
        m.lumaLow = v;
    else if (key == "luma_high")
        m.lumaHigh = v;
    else if (key == "softness")
        m.softness = v;
    else
        m.invert = v != 0;
}

QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

EffectCard::EffectCard(ProjectDocument& doc, const QString& clipId,
                       const fx::EffectInstance& instance, int index, int chainLength,
                       SignalValues* values, QWidget* parent, KnobMenu knobMenu)
    : QFrame(parent), doc_(doc), clipId_(clipId), knobMenu_(std::move(knobMenu)),
      instanceId_(QString::fromStdString(instance.instanceId)), index_(index),
      chainLength_(chainLength), descriptor_(instance.descriptor), mask_(instance.mask) {
    setFrameShape(QFrame::StyledPanel);
    setAcceptDrops(true);
    setObjectName(QStringLiteral("effectCard"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 6, 8, 8);

    buildHeader(outer, index, chainLength);

    body_ = new QWidget(this);
    auto* form = new QFormLayout(body_);
    form_ = form;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    mix_ = new ParamControl(kMixSpec, this);
    form->addRow(tr("Mix"), mix_);
    blend_ = new ParamControl(blendSpec(), this);
    form->addRow(tr("Blend"), blend_);
    buildParameters(form, instance, values);
    seed_ = new ParamControl(kSeedSpec, this);
    form->addRow(tr("Seed"), seed_);
    buildMask(form);
    outer->addWidget(body_);

    connect(mix_, &ParamControl::edited, this, [this](const fx::ParamValue& v, int gesture) {
        apply([&](QString* e) {
            return edits::setEffectMix(doc_, clipId_, instanceId_, v[0] / 100.0, e, gesture);
        });
    });
    connect(blend_, &ParamControl::edited, this, [this](const fx::ParamValue& v, int) {
        const auto modes = fx::blendModes();
        const auto at = static_cast<std::size_t>(
            std::clamp<int>(static_cast<int>(v[0]), 0, static_cast<int>(modes.size()) - 1));
        apply([&](QString* e) {
            return edits::setEffectBlend(doc_, clipId_, instanceId_, modes[at].mode, e);
        });
    });
    connect(seed_, &ParamControl::edited, this, [this](const fx::ParamValue& v, int) {
        apply([&](QString* e) {
            return edits::setEffectSeed(doc_, clipId_, instanceId_,
                                        static_cast<std::uint64_t>(v[0]), e);
        });
    });
    refresh(instance);
}

void EffectCard::buildHeader(QVBoxLayout* outer, int index, int chainLength) {
    auto* header = new QHBoxLayout;
    collapse_ = toolButton(QStringLiteral("▾"), tr("Collapse"), this);
    enabled_ = new QCheckBox(this);
    enabled_->setToolTip(tr("Bypass: off skips this effect"));
    auto* title = new QLabel(
        QStringLiteral("<b>%1</b>").arg(QString::fromStdString(descriptor_->name)), this);
    title->setToolTip(QStringLiteral("%1 v%2 — %3 (drag to reorder)")
                          .arg(QString::fromStdString(descriptor_->id))
                          .arg(descriptor_->version)
                          .arg(QString::fromStdString(descriptor_->help)));
    auto* up = toolButton(QStringLiteral("▲"), tr("Move up the chain"), this);
    auto* down = toolButton(QStringLiteral("▼"), tr("Move down the chain"), this);
    auto* duplicate = toolButton(QStringLiteral("⊕"), tr("Duplicate"), this);
    auto* remove = toolButton(QStringLiteral("✕"), tr("Remove"), this);
    up->setEnabled(index > 0);
    down->setEnabled(index + 1 < chainLength);
    header->addWidget(collapse_);
    header->addWidget(enabled_);
    header->addWidget(title, 1);
    for (auto* b : {up, down, duplicate, remove})
        header->addWidget(b);
    outer->addLayout(header);

    connect(enabled_, &QCheckBox::toggled, this, [this](bool on) {
        apply(
            [&](QString* e) { return edits::setEffectEnabled(doc_, clipId_, instanceId_, on, e); });
    });
    connect(collapse_, &QToolButton::clicked, this, [this] { setCollapsed(!collapsed_); });
    connect(up, &QToolButton::clicked, this, [this] { move(index_ - 1); });
    connect(down, &QToolButton::clicked, this, [this] { move(index_ + 1); });
    connect(duplicate, &QToolButton::clicked, this, &EffectCard::duplicateSelf);
    connect(remove, &QToolButton::clicked, this, &EffectCard::removeSelf);
}

void EffectCard::buildParameters(QFormLayout* form, const fx::EffectInstance& instance,
                                 SignalValues* values) {
    for (const auto& spec : instance.descriptor->params) {
        auto* control = new ParamControl(spec, this);
        const QString key = QString::fromStdString(spec.key);
        params_.insert(key, control);
        auto* label = new QLabel(QString::fromStdString(spec.label), this);
        label->setToolTip(QString::fromStdString(spec.help));
        form->addRow(label, control);
        for (int c = 0; values && c < spec.components(); ++c) {
            auto* motion =
                new ParamMotion(doc_, *values, *control, {instance.instanceId, spec.key, c}, this);
            connect(motion, &ParamMotion::message, this, &EffectCard::message);
            motions_[key] << motion;
        }
        if (knobMenu_ && spec.components() == 1)
            control->addMenuExtender([this, key = spec.key](QMenu& menu) {
                knobMenu_(menu, MidiTarget{MidiTarget::Kind::EffectParam, clipId_.toStdString(),
                                           instanceId_.toStdString(), key, 0});
            });
        // Recording automation while playing: the move goes into the lane
        // being written (performance/automation_recorder.h), not the base.
        const sig::ParamTarget target{instance.instanceId, spec.key, 0};
        connect(control, &ParamControl::pressed, this, [this, target] {
            if (recorder_) recorder_->touch(target);
        });
        connect(control, &ParamControl::released, this, [this, target] {
            if (recorder_) recorder_->release(target);
        });
        connect(control, &ParamControl::edited, this,
                [this, key, target](const fx::ParamValue& v, int gesture) {
                    if (recorder_ && recorder_->move(target, v[0])) return;
                    apply([&](QString* e) { return editParameter(key, v, gesture, e); });
                    showApplicability(); // at once, even if the edit changed nothing
                });
    }
}

void EffectCard::buildMask(QFormLayout* form) {
    auto* shape = new ParamControl(kShapeSpec, this);
    maskControls_.insert(QStringLiteral("shape"), shape);
    form->addRow(tr("Mask"), shape);
    connect(shape, &ParamControl::edited, this, [this](const fx::ParamValue& v, int gesture) {
        mask_.shape = static_cast<fx::MaskShape>(static_cast<int>(v[0]));
        updateMaskVisibility();
        applyMask(gesture);
    });
    for (const auto& spec : kMaskSpecs) {
        const QString key = QString::fromStdString(spec.key);
        auto* control = new ParamControl(spec, this);
        auto* label = new QLabel(QString::fromStdString(spec.label), this);
        form->addRow(label, control);
        maskControls_.insert(key, control);
        maskRows_.insert(key, label);
        connect(control, &ParamControl::edited, this,
                [this, key](const fx::ParamValue& v, int gesture) {
                    setMaskField(mask_, key, v[0]);
                    applyMask(gesture);
                });
    }
}

void EffectCard::updateMaskVisibility() {
    const bool shape =
        mask_.shape == fx::MaskShape::Rectangle || mask_.shape == fx::MaskShape::Ellipse;
    const bool luma = mask_.shape == fx::MaskShape::LumaKey;
    for (auto it = maskRows_.begin(); it != maskRows_.end(); ++it) {
        const QString& key = it.key();
        bool visible = false;
        if (key == "x" || key == "y" || key == "w" || key == "h" || key == "feather")
            visible = shape;
        else if (key == "luma_low" || key == "luma_high" || key == "softness")
            visible = luma;
        else
            visible = mask_.shape != fx::MaskShape::None; // invert
        it.value()->setVisible(visible);
        maskControls_.value(key)->setVisible(visible);
    }
}

void EffectCard::applyMask(int gestureId) {
    apply([&](QString* e) {
        return edits::setEffectMask(doc_, clipId_, instanceId_, mask_, e, gestureId);
    });
}

bool EffectCard::editParameter(const QString& key, const fx::ParamValue& value, int gesture,
                               QString* error) {
    // Automated components set their key at the playhead; the rest set the base.
    bool ok = true, allKeyed = true;
    for (auto* motion : motions_.value(key)) {
        if (!motion->editsKeyframe()) {
            allKeyed = false;
            continue;
        }
        const auto component = static_cast<std::size_t>(motion->target().component);
        ok = motion->setKeyframe(value[component], gesture, error) && ok;
    }
    if (!allKeyed || motions_.value(key).isEmpty())
        ok = edits::setParameter(doc_, clipId_, instanceId_, key, value, error, gesture) && ok;
    return ok;
}

void EffectCard::refresh(const fx::EffectInstance& instance) {
    const QSignalBlocker block(enabled_);
    enabled_->setChecked(instance.enabled);
    mix_->setValue({instance.mix * 100.0, 0, 0, 0});
    blend_->setValue({static_cast<double>(blendIndex(instance.blend)), 0, 0, 0});
    seed_->setValue({static_cast<double>(instance.userSeed), 0, 0, 0});
    for (std::size_t i = 0; i < instance.params.size(); ++i) {
        const QString key = QString::fromStdString(instance.descriptor->params[i].key);
        if (auto* control = params_.value(key)) control->setValue(instance.params.at(i));
        for (auto* motion : motions_.value(key))
            motion->updateGhost();
    }
    mask_ = instance.mask;
    maskControls_.value(QStringLiteral("shape"))
        ->setValue({static_cast<double>(mask_.shape), 0, 0, 0});
    for (auto it = maskControls_.begin(); it != maskControls_.end(); ++it)
        if (it.key() != "shape") it.value()->setValue({maskField(mask_, it.key()), 0, 0, 0});
    updateMaskVisibility();
    showApplicability();
    setProperty("bypassed", !instance.enabled);
}

void EffectCard::showApplicability() {
    app::showApplicability(descriptor_->params, params_, form_);
}

void EffectCard::move(int toIndex) {
    apply([&](QString* e) { return edits::moveEffect(doc_, clipId_, instanceId_, toIndex, e); });
}

void EffectCard::duplicateSelf() {
    apply([&](QString* e) { return edits::duplicateEffect(doc_, clipId_, instanceId_, e); });
}

void EffectCard::removeSelf() {
    apply([&](QString* e) { return edits::removeEffect(doc_, clipId_, instanceId_, e); });
}

void EffectCard::setCollapsed(bool collapsed) {
    if (collapsed == collapsed_) return;
    collapsed_ = collapsed;
    body_->setVisible(!collapsed);
    collapse_->setText(collapsed ? QStringLiteral("▸") : QStringLiteral("▾"));
    collapse_->setToolTip(collapsed ? tr("Expand") : tr("Collapse"));
    Q_EMIT collapsedChanged(collapsed);
}

QMenu* EffectCard::buildContextMenu(QWidget* parent) {
    auto* menu = new QMenu(parent);
    const auto add = [&](const QString& name, const QString& text, bool enabled, auto&& slot) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        action->setEnabled(enabled);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    const bool bypassed = !enabled_->isChecked();
    QAction* bypass = add(QStringLiteral("bypass"), tr("Bypass"), true, [this, bypassed] {
        apply([&](QString* e) {
            return edits::setEffectEnabled(doc_, clipId_, instanceId_, bypassed, e);
        });
    });
    bypass->setCheckable(true);
    bypass->setChecked(bypassed);
    add(QStringLiteral("duplicate"), tr("Duplicate"), true, [this] { duplicateSelf(); });
    add(QStringLiteral("remove"), tr("Remove"), true, [this] { removeSelf(); });
    menu->addSeparator();
    add(QStringLiteral("reset"), tr("Reset all parameters"), !descriptor_->params.empty(), [this] {
        apply([&](QString* e) {
            return edits::resetEffectParameters(doc_, clipId_, instanceId_, e);
        });
    });
    add(QStringLiteral("collapse"), collapsed_ ? tr("Expand") : tr("Collapse"), true,
        [this] { setCollapsed(!collapsed_); });
    menu->addSeparator();
    add(QStringLiteral("move_up"), tr("Move up"), index_ > 0, [this] { move(index_ - 1); });
    add(QStringLiteral("move_down"), tr("Move down"), index_ + 1 < chainLength_,
        [this] { move(index_ + 1); });
    return menu;
}

void EffectCard::contextMenuEvent(QContextMenuEvent* event) {
    // Controls open their own menus (reset, modulate); this one is the header's and the
    // background's.
    QMenu* menu = buildContextMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
    event->accept();
}

void EffectCard::mousePressEvent(QMouseEvent* event) {
    pressPos_ = event->position().toPoint();
    QFrame::mousePressEvent(event);
}

void EffectCard::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton) ||
        (event->position().toPoint() - pressPos_).manhattanLength() <
            QApplication::startDragDistance())
        return;
    auto* drag = new QDrag(this);
    auto* mime = new QMimeData;
    mime->setData(kEffectInstanceMimeType, instanceId_.toUtf8());
    drag->setMimeData(mime);
    drag->setPixmap(grab().scaledToWidth(std::min(240, width()), Qt::SmoothTransformation));
    drag->exec(Qt::MoveAction);
}

void EffectCard::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(kEffectInstanceMimeType)) event->acceptProposedAction();
}

void EffectCard::dropEvent(QDropEvent* event) {
    const QString moved = QString::fromUtf8(event->mimeData()->data(kEffectInstanceMimeType));
    if (moved.isEmpty() || moved == instanceId_) return;
    apply([&](QString* e) { return edits::moveEffect(doc_, clipId_, moved, index_, e); });
    event->acceptProposedAction();
}

} // namespace entropic::app
