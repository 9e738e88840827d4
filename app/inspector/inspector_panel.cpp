#include "inspector/inspector_panel.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QScrollArea>
#include <QVBoxLayout>

#include "browser/effect_browser.h"
#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "inspector/effect_card.h"
#include "model/project_document.h"
#include "transport/clip_selection.h"

namespace entropic::app {

InspectorPanel::InspectorPanel(ProjectDocument& doc, ClipSelection& selection, SignalValues* values,
                               QWidget* parent)
    : QWidget(parent), doc_(doc), selection_(selection), values_(values) {
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: #8a8a94;"));
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    content_ = new QWidget(scroll_);
    cardsLayout_ = new QVBoxLayout(content_);
    cardsLayout_->setContentsMargins(0, 0, 0, 0);
    cardsLayout_->addStretch();
    scroll_->setWidget(content_);
    layout->addWidget(title_);
    layout->addWidget(hint_);
    layout->addWidget(scroll_, 1);
    connect(&doc_, &ProjectDocument::changed, this, &InspectorPanel::sync);
    connect(&selection_, &ClipSelection::changed, this, &InspectorPanel::sync);
    sync();
}

QString InspectorPanel::structureKey() const {
    const auto ref = rules::findClip(doc_.project(), clipId_.toStdString());
    if (!ref.clip) return {};
    QString key = clipId_;
    for (std::size_t i = 0; i < ref.clip->effects.size(); ++i) {
        const auto& e = ref.clip->effects[i];
        key +=
            QStringLiteral("|%1:%2:%3")
                .arg(QString::fromStdString(e.instanceId), QString::fromStdString(e.descriptor->id))
                .arg(e.descriptor->version);
    }
    return key;
}

void InspectorPanel::setKnobMenu(KnobMenu menu) {
    knobMenu_ = std::move(menu);
    builtKey_.clear();
    sync();
}

void InspectorPanel::setRecorder(AutomationRecorder* recorder) {
    recorder_ = recorder;
    for (auto* card : cards_)
        card->setRecorder(recorder);
}

void InspectorPanel::sync() {
    clipId_ = selection_.current();
    const auto ref = rules::findClip(doc_.project(), clipId_.toStdString());
    const bool video = ref.clip && ref.track->kind == engine::TrackKind::Video;
    if (!ref.clip) clipId_.clear();

    const QString key = video ? structureKey() : QString();
    if (key != builtKey_) {
        for (auto* card : cards_)
            card->deleteLater();
        cards_.clear();
        builtKey_ = key;
        if (video) {
            const int count = static_cast<int>(ref.clip->effects.size());
            for (int i = 0; i < count; ++i) {
                auto* card =
                    new EffectCard(doc_, clipId_, ref.clip->effects[static_cast<std::size_t>(i)], i,
                                   count, values_, content_, knobMenu_);
                connect(card, &EffectCard::message, this, &InspectorPanel::message);
                card->setRecorder(recorder_);
                // Collapsed cards stay collapsed when the chain is rebuilt.
                card->setCollapsed(collapsed_.contains(card->instanceId()));
                connect(card, &EffectCard::collapsedChanged, this,
                        [this, id = card->instanceId()](bool on) {
                            if (on)
                                collapsed_.insert(id);
                            else
                                collapsed_.remove(id);
                        });
                cardsLayout_->insertWidget(i, card);
                cards_.push_back(card);
            }
        }
    } else if (video) {
        for (int i = 0; i < cards_.size(); ++i)
            cards_[i]->refresh(ref.clip->effects[static_cast<std::size_t>(i)]);
    }

    if (!ref.clip) {
        title_->setText(tr("<b>No clip selected</b>"));
        hint_->setText(tr("Select a clip on the timeline to see its effects."));
    } else if (!video) {
        title_->setText(tr("<b>%1</b> (audio)")
                            .arg(QFileInfo(QString::fromStdString(ref.clip->source)).fileName()));
        hint_->setText(tr("Audio clips carry no video effects."));
    } else {
        const auto count = static_cast<int>(ref.clip->effects.size());
        title_->setText(tr("<b>%1</b>  ·  %2")
                            .arg(QFileInfo(QString::fromStdString(ref.clip->source)).fileName(),
                                 count == 1 ? tr("1 effect") : tr("%1 effects").arg(count)));
        hint_->setText(ref.clip->effects.empty()
                           ? tr("Drag an effect here from the browser, or double-click one there.")
                           : QString());
    }
    hint_->setVisible(!hint_->text().isEmpty());
}

bool InspectorPanel::addEffect(const QString& effectId) {
    if (clipId_.isEmpty()) {
        Q_EMIT message(tr("Select a video clip first, then add %1.").arg(effectId));
        return false;
    }
    QString error;
    const bool ok = edits::addEffect(doc_, clipId_, effectId, -1, &error);
    if (!ok) Q_EMIT message(error);
    return ok;
}

bool InspectorPanel::applyPreset(const QString& presetId) {
    if (clipId_.isEmpty()) {
        Q_EMIT message(tr("Select a video clip first, then apply %1.").arg(presetId));
        return false;
    }
    QString error;
    try {
        const auto preset = engine::findPreset(engine::presetFolder(), presetId.toStdString());
        if (edits::applyPreset(doc_, clipId_, preset, &error)) return true;
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    }
    Q_EMIT message(error);
    return false;
}

void InspectorPanel::dragEnterEvent(QDragEnterEvent* event) {
    const auto* mime = event->mimeData();
    if ((mime->hasFormat(kEffectMimeType) || mime->hasFormat(kPresetMimeType)) &&
        !clipId_.isEmpty())
        event->acceptProposedAction();
}

void InspectorPanel::dropEvent(QDropEvent* event) {
    const auto* mime = event->mimeData();
    const bool ok = mime->hasFormat(kPresetMimeType)
                        ? applyPreset(QString::fromUtf8(mime->data(kPresetMimeType)))
                        : addEffect(QString::fromUtf8(mime->data(kEffectMimeType)));
    if (ok) event->acceptProposedAction();
}

} // namespace entropic::app
