#include "modulation/modulation_panel.h"

#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "commands/edits.h"
#include "entropic/signal/operator_registry.h"
#include "model/project_document.h"
#include "modulation/signal_names.h"
#include "modulation/signal_node_card.h"
#include "modulation/signal_values.h"
#include "transport/clip_selection.h"

namespace entropic::app {

ModulationPanel::ModulationPanel(ProjectDocument& doc, SignalValues& values,
                                 ClipSelection& selection, QWidget* parent)
    : QWidget(parent), doc_(doc), values_(values), selection_(selection) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    add_ = new QToolButton(this);
    add_->setText(tr("Add signal"));
    add_->setPopupMode(QToolButton::InstantPopup);
    add_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(add_);
    add_->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &ModulationPanel::fillAddMenu);
    layout->addWidget(add_, 0, Qt::AlignLeft);

    hint_ = new QLabel(
        tr("No signals yet. Add an LFO, an envelope or a source measuring a clip's sound or "
           "picture, then right-click any effect parameter and choose \"Modulate by…\"."),
        this);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: #8c9098;"));
    layout->addWidget(hint_);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    cardsLayout_ = new QVBoxLayout(content);
    cardsLayout_->setContentsMargins(0, 0, 0, 0);
    cardsLayout_->addStretch();
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    connect(&doc_, &ProjectDocument::changed, this, &ModulationPanel::sync);
    sync();
}

QString ModulationPanel::structureKey() const {
    // What the cards' forms are built from: the nodes, their kinds and
    // input counts, and the clips a source could measure.
    QString key;
    const auto& spec = doc_.project().signals;
    for (const auto& s : spec.sources)
        key += QString::fromStdString(s.id) + QLatin1Char(':') +
               QString::number(static_cast<int>(s.kind)) + QLatin1Char(';');
    for (const auto& o : spec.operators)
        key += QString::fromStdString(o.id + ":" + o.op + ":") + QString::number(o.inputs.size()) +
               QLatin1Char(';');
    key += QLatin1Char('|');
    for (const auto& t : doc_.project().tracks)
        for (const auto& c : t.clips)
            key += QString::fromStdString(c.id) + QLatin1Char(',');
    return key;
}

void ModulationPanel::setKnobMenu(KnobMenu menu) {
    knobMenu_ = std::move(menu);
    builtKey_.clear();
    sync();
}

void ModulationPanel::sync() {
    const QString key = structureKey();
    if (key == builtKey_) {
        for (auto* card : cards_)
            card->refresh();
        return;
    }
    builtKey_ = key;
    for (auto* card : cards_)
        card->deleteLater();
    cards_.clear();
    const auto& spec = doc_.project().signals;
    std::vector<std::string> ids;
    for (const auto& s : spec.sources)
        ids.push_back(s.id);
    for (const auto& o : spec.operators)
        ids.push_back(o.id);
    for (const auto& id : ids) {
        auto* card = new SignalNodeCard(doc_, values_, id, this, knobMenu_);
        connect(card, &SignalNodeCard::message, this, &ModulationPanel::message);
        cardsLayout_->insertWidget(cardsLayout_->count() - 1, card);
        cards_ << card;
    }
    hint_->setVisible(ids.empty());
}

QString ModulationPanel::addOperator(const QString& opId) {
    const auto* d = sig::OperatorRegistry::builtin().find(opId.toStdString());
    QStringList inputs;
    if (d && d->minInputs > 0) {
        const auto& spec = doc_.project().signals;
        for (const auto& s : spec.sources)
            inputs << QString::fromStdString(s.id);
        for (const auto& o : spec.operators)
            inputs << QString::fromStdString(o.id);
        if (inputs.isEmpty()) {
            Q_EMIT message(tr("%1 reads another signal: add a source or an LFO first")
                               .arg(QString::fromStdString(d->name)));
            return {};
        }
        inputs = inputs.mid(0, d->minInputs);
    }
    QString error, id;
    if (!edits::addOperator(doc_, opId, inputs, &error, &id)) {
        Q_EMIT message(error);
        return {};
    }
    return id;
}

void ModulationPanel::fillAddMenu() {
    auto* menu = add_->menu();
    menu->clear();
    for (const auto* d : sig::OperatorRegistry::builtin().all()) {
        if (d != sig::OperatorRegistry::builtin().find(d->id)) continue; // newest versions only
        auto* action =
            menu->addAction(QString::fromStdString(d->name), this,
                            [this, id = QString::fromStdString(d->id)] { addOperator(id); });
        action->setToolTip(QString::fromStdString(d->help));
    }
    menu->setToolTipsVisible(true);
    menu->addSeparator();
    // Sources: what to measure, then which clip (video clips for the picture;
    // any clip with sound for audio).
    const auto& project = doc_.project();
    for (auto kind : sig::allSourceKinds()) {
        if (kind == sig::SourceKind::Gate && project.performance.empty()) continue;
        auto* sub = menu->addMenu(tr("Measure %1").arg(sourceKindLabel(kind).toLower()));
        for (const auto& [label, media] : measurableMedia(project, kind)) {
            const bool selected = selection_.contains(media);
            sub->addAction(selected ? label + tr("  (selected)") : label, this,
                           [this, kind, media] {
                               QString error;
                               const bool band = kind == sig::SourceKind::AudioBand;
                               if (!edits::addSource(doc_, kind, media, &error, nullptr,
                                                     band ? 40 : 0, band ? 120 : 0))
                                   Q_EMIT message(error);
                           });
        }
        sub->setEnabled(!sub->isEmpty());
    }
}

} // namespace entropic::app
