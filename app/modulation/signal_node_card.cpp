#include "modulation/signal_node_card.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "commands/edits.h"
#include "entropic/signal/operator_registry.h"
#include "inspector/param_applicability.h"
#include "inspector/param_control.h"
#include "model/project_document.h"
#include "modulation/signal_names.h"
#include "modulation/signal_plot.h"
#include "modulation/signal_values.h"

namespace entropic::app {

namespace {

const sig::SourceSpec* sourceOf(const sig::SignalGraphSpec& spec, const std::string& id) {
    for (const auto& s : spec.sources)
        if (s.id == id) return &s;
    return nullptr;
}

const sig::OperatorSpec* operatorOf(const sig::SignalGraphSpec& spec, const std::string& id) {
    for (const auto& o : spec.operators)
        if (o.id == id) return &o;
    return nullptr;
}

fx::ParamValue valueOf(const sig::OperatorSpec& op, const fx::ParamSpec& spec) {
    const auto it = op.params.find(spec.key);
    if (it == op.params.end()) return spec.def;
    return {it->second, 0, 0, 0};
}

void fillMedia(QComboBox* box, const engine::Project& project, sig::SourceKind kind) {
    box->clear();
    for (const auto& [label, id] : measurableMedia(project, kind))
        box->addItem(label, id);
}

} // namespace

SignalNodeCard::SignalNodeCard(ProjectDocument& doc, SignalValues& values,
                               const std::string& nodeId, QWidget* parent, KnobMenu knobMenu)
    : QFrame(parent), doc_(doc), values_(values), knobMenu_(std::move(knobMenu)), nodeId_(nodeId) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("signalCard"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);

    const auto& spec = doc_.project().signals;
    const auto* source = sourceOf(spec, nodeId_);
    const auto* op = operatorOf(spec, nodeId_);

    auto* header = new QHBoxLayout;
    name_ = new QLineEdit(this);
    // Unnamed, the node is shown by what it is ("Sound level of clip X", "LFO 2").
    name_->setPlaceholderText(source ? describeSource(doc_.project(), *source)
                              : op   ? describeOperator(*op)
                                     : QString());
    name_->setToolTip(tr("Name shown in \"Modulate by…\" menus; empty: what it measures or does"));
    auto* what = new QLabel(this);
    what->setStyleSheet(QStringLiteral("color: #8c9098;"));
    if (source) what->setText(sourceKindLabel(source->kind));
    if (op) {
        const auto* d = sig::OperatorRegistry::builtin().find(op->op, op->version);
        what->setText(d ? QString::fromStdString(d->name) : QString::fromStdString(op->op));
        if (d) what->setToolTip(QString::fromStdString(d->help));
    }
    auto* remove = new QToolButton(this);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this signal and its modulations"));
    header->addWidget(name_, 1);
    header->addWidget(what);
    header->addWidget(remove);
    layout->addLayout(header);
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        if (updating_) return;
        QString error;
        report(
            edits::renameSignalNode(doc_, QString::fromStdString(nodeId_), name_->text(), &error),
            error);
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        QString error;
        report(edits::removeSignalNode(doc_, QString::fromStdString(nodeId_), &error), error);
    });

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    if (source) buildSource(form, *source);
    if (op) buildOperator(form, *op);
    layout->addLayout(form);
    layout->addWidget(new SignalPlot(values_, nodeId_, this));
    refresh();
}

void SignalNodeCard::buildSource(QFormLayout* form, const sig::SourceSpec& source) {
    kind_ = new QComboBox(this);
    for (auto k : sig::allSourceKinds())
        kind_->addItem(sourceKindLabel(k), static_cast<int>(k));
    media_ = new QComboBox(this);
    fillMedia(media_, doc_.project(), source.kind);
    form->addRow(tr("Measures"), kind_);
    form->addRow(tr("Of"), media_);
    if (source.kind == sig::SourceKind::AudioBand) {
        bandLow_ = new QDoubleSpinBox(this);
        bandHigh_ = new QDoubleSpinBox(this);
        auto* row = new QWidget(this);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        for (auto* box : {bandLow_, bandHigh_}) {
            box->setRange(0, 24000);
            box->setDecimals(0);
            box->setSuffix(QStringLiteral(" Hz"));
            box->setKeyboardTracking(false);
            h->addWidget(box);
            connect(box, &QDoubleSpinBox::valueChanged, this, &SignalNodeCard::applySource);
        }
        form->addRow(tr("Band"), row);
    }
    connect(kind_, &QComboBox::currentIndexChanged, this, &SignalNodeCard::applySource);
    connect(media_, &QComboBox::currentIndexChanged, this, &SignalNodeCard::applySource);
}

void SignalNodeCard::buildOperator(QFormLayout* form, const sig::OperatorSpec& op) {
    const auto* d = sig::OperatorRegistry::builtin().find(op.op, op.version);
    if (!d) return;
    descriptor_ = d;
    form_ = form;
    const int slots = std::max<int>(
        d->minInputs, static_cast<int>(op.inputs.size()) +
                          (static_cast<int>(op.inputs.size()) < d->maxInputs ? 1 : 0));
    for (int i = 0; i < std::min(slots, d->maxInputs); ++i) {
        auto* box = new QComboBox(this);
        box->addItem(i < d->minInputs ? tr("(choose)") : tr("(none)"), QString());
        for (const auto& [id, name] : signalNodes(doc_.project()))
            if (id != nodeId_) box->addItem(name, QString::fromStdString(id));
        box->setToolTip(QString::fromStdString(d->inputsHelp));
        inputs_ << box;
        form->addRow(d->maxInputs == 1 ? tr("Input") : tr("Input %1").arg(i + 1), box);
        connect(box, &QComboBox::currentIndexChanged, this, &SignalNodeCard::applyInputs);
    }
    for (const auto& spec : d->params) {
        auto* control = new ParamControl(spec, this);
        const QString key = QString::fromStdString(spec.key);
        params_.insert(key, control);
        form->addRow(QString::fromStdString(spec.label), control);
        if (knobMenu_)
            control->addMenuExtender([this, key = spec.key](QMenu& menu) {
                knobMenu_(menu, MidiTarget{MidiTarget::Kind::OperatorParam, nodeId_, {}, key, 0});
            });
        connect(control, &ParamControl::edited, this,
                [this, key](const fx::ParamValue& v, int gesture) {
                    QString error;
                    report(edits::setOperatorParam(doc_, QString::fromStdString(nodeId_), key, v[0],
                                                   &error, gesture),
                           error);
                    if (descriptor_) showApplicability(descriptor_->params, params_, form_);
                });
    }
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 999999);
    seed_->setKeyboardTracking(false);
    seed_->setToolTip(tr("Random shapes (sample and hold, smooth random) draw from this seed"));
    form->addRow(tr("Seed"), seed_);
    connect(seed_, &QSpinBox::valueChanged, this, [this](int seed) {
        if (updating_) return;
        QString error;
        report(edits::setOperatorSeed(doc_, QString::fromStdString(nodeId_),
                                      static_cast<std::uint64_t>(seed), &error),
               error);
    });
}

void SignalNodeCard::refresh() {
    const auto& spec = doc_.project().signals;
    updating_ = true;
    if (const auto* s = sourceOf(spec, nodeId_)) {
        if (!name_->hasFocus()) name_->setText(QString::fromStdString(s->name));
        kind_->setCurrentIndex(kind_->findData(static_cast<int>(s->kind)));
        fillMedia(media_, doc_.project(), s->kind);
        media_->setCurrentIndex(media_->findData(QString::fromStdString(s->media)));
        if (bandLow_) bandLow_->setValue(s->bandLowHz);
        if (bandHigh_) bandHigh_->setValue(s->bandHighHz);
    }
    if (const auto* o = operatorOf(spec, nodeId_)) {
        if (!name_->hasFocus()) name_->setText(QString::fromStdString(o->name));
        for (int i = 0; i < inputs_.size(); ++i) {
            const QString id = i < static_cast<int>(o->inputs.size())
                                   ? QString::fromStdString(o->inputs[static_cast<std::size_t>(i)])
                                   : QString();
            inputs_[i]->setCurrentIndex(std::max(0, inputs_[i]->findData(id)));
        }
        if (const auto* d = sig::OperatorRegistry::builtin().find(o->op, o->version))
            for (const auto& p : d->params)
                if (auto* control = params_.value(QString::fromStdString(p.key)))
                    control->setValue(valueOf(*o, p));
        if (seed_) seed_->setValue(static_cast<int>(o->seed % 1000000));
        if (descriptor_) showApplicability(descriptor_->params, params_, form_);
    }
    updating_ = false;
}

void SignalNodeCard::applySource() {
    if (updating_) return;
    const auto* current = sourceOf(doc_.project().signals, nodeId_);
    if (!current) return;
    sig::SourceSpec s = *current;
    s.kind = static_cast<sig::SourceKind>(kind_->currentData().toInt());
    // A kind that measures other media keeps the choice only if it still fits.
    QComboBox probe;
    fillMedia(&probe, doc_.project(), s.kind);
    const QString media = media_->currentData().toString();
    s.media = (probe.findData(media) >= 0 ? media : probe.itemData(0).toString()).toStdString();
    if (bandLow_) s.bandLowHz = bandLow_->value();
    if (bandHigh_) s.bandHighHz = bandHigh_->value();
    if (s.kind == sig::SourceKind::AudioBand && s.bandHighHz <= s.bandLowHz) {
        s.bandLowHz = 40;
        s.bandHighHz = 120;
    }
    if (s.kind != sig::SourceKind::AudioBand) s.bandLowHz = s.bandHighHz = 0;
    QString error;
    report(edits::setSource(doc_, s, &error), error);
}

void SignalNodeCard::applyInputs() {
    if (updating_) return;
    QStringList ids;
    for (auto* box : inputs_)
        if (!box->currentData().toString().isEmpty()) ids << box->currentData().toString();
    QString error;
    report(edits::setOperatorInputs(doc_, QString::fromStdString(nodeId_), ids, &error), error);
}

void SignalNodeCard::report(bool ok, const QString& error) {
    if (!ok) {
        Q_EMIT message(error);
        refresh(); // a refused edit leaves the form as the project is
    }
}

} // namespace entropic::app
