// TimelineWidget: the clip's own entries of the context menu — properties,
// rename, disable/enable, reveal in the media bin, split the sound to its
// own track, link and unlink. Every change goes through edits::*.
#include "timeline/timeline_widget.h"

#include <algorithm>

#include <QAction>
#include <QMenu>

#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "model/project_document.h"
#include "timeline/clip_properties_dialog.h"
#include "timeline/inline_name_editor.h"
#include "timeline/waveform_cache.h"
#include "transport/clip_selection.h"

namespace entropic::app {

void TimelineWidget::fillClipMenu(QMenu& menu, const QString& clipId) {
    const auto ref = rules::findClip(doc_.project(), clipId.toStdString());
    if (!ref.clip) return;
    const engine::Clip& clip = *ref.clip;
    // Enable, link and unlink act on the selection when the clip is in it.
    const QStringList targets =
        selection_.contains(clipId) ? selection_.clips() : QStringList{clipId};
    auto add = [&](const QString& name, const QString& text, auto run) {
        QAction* action = menu.addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, run);
        return action;
    };
    auto done = [this](bool ok, const QString& error) {
        if (!ok) report(error);
    };

    add(QStringLiteral("clipProperties"), tr("Properties…"),
        [this, clipId] { showClipProperties(clipId); });
    add(QStringLiteral("clipRename"), tr("Rename…"), [this, clipId] { renameClipInline(clipId); });
    const bool enable = !clip.enabled;
    add(QStringLiteral("clipEnable"), enable ? tr("Enable") : tr("Disable"),
        [this, targets, enable, done] {
            QString e;
            done(edits::setClipsEnabled(doc_, targets, enable, &e), e);
        });
    add(QStringLiteral("clipReveal"), tr("Reveal in Media Bin"),
        [this, path = QString::fromStdString(clip.sourcePath)] { Q_EMIT revealRequested(path); });
    menu.addSeparator();
    if (ref.track->kind == engine::TrackKind::Video && !clip.soundMuted) {
        QAction* split = add(QStringLiteral("clipSplitSound"), tr("Split Audio to Its Own Track"),
                             [this, clipId, done] {
                                 QString e, soundId;
                                 const bool ok = edits::splitSound(doc_, clipId, &e, &soundId);
                                 done(ok, e);
                                 if (ok) selection_.set({clipId, soundId});
                             });
        // Known silent (its waveform came back empty): nothing to split off.
        if (waveforms_->isSilent(QString::fromStdString(clip.sourcePath))) {
            split->setEnabled(false);
            split->setToolTip(tr("The clip's source has no sound"));
        }
    }
    if (!clip.link.empty())
        add(QStringLiteral("clipUnlink"), tr("Unlink"), [this, targets, done] {
            QString e;
            done(edits::unlinkClips(doc_, targets, &e), e);
        });
    // Link: two clips or more selected that are not one group already.
    bool oneGroup = true;
    for (const QString& id : targets)
        if (const auto other = rules::findClip(doc_.project(), id.toStdString());
            !other.clip || other.clip->link.empty() || other.clip->link != clip.link)
            oneGroup = false;
    if (targets.size() >= 2 && !oneGroup)
        add(QStringLiteral("clipLink"), tr("Link"), [this, targets, done] {
            QString e;
            done(edits::linkClips(doc_, targets, &e), e);
        });
}

void TimelineWidget::showClipProperties(const QString& clipId) {
    auto* dialog = new ClipPropertiesDialog(doc_.project(), clipId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void TimelineWidget::renameClipInline(const QString& clipId) {
    const auto ref = rules::findClip(doc_.project(), clipId.toStdString());
    const int row = ref.track ? geometry_.rowOfTrack(QString::fromStdString(ref.track->id)) : -1;
    if (row < 0) return;
    const QRectF rect = geometry_.clipRect(row, *ref.clip);
    const QString shown = QString::fromStdString(engine::clipDisplayName(*ref.clip));
    // Over the title strip, at least wide enough to type in.
    const int left = std::max(static_cast<int>(rect.left()), TimelineGeometry::kHeaderWidth);
    nameEditor_->edit(QRect(left, static_cast<int>(rect.top()),
                            std::max(160, static_cast<int>(rect.right()) - left), 20),
                      shown, [this, clipId](const QString& name) {
                          QString error;
                          if (!edits::renameClip(doc_, clipId, name, &error)) report(error);
                      });
}

} // namespace entropic::app
