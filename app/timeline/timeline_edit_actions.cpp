#include "timeline/timeline_edit_actions.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QKeySequence>
#include <QMimeData>

#include "commands/edits.h"
#include "model/project_document.h"
#include "timeline/timeline_mime.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

namespace entropic::app {

TimelineEditActions::TimelineEditActions(ProjectDocument& doc, Transport& transport,
                                         ClipSelection& selection, QObject* parent)
    : QObject(parent), doc_(doc), transport_(transport), selection_(selection) {
    clipMenu_ = {
        make(
            tr("Split at Playhead"), QKeySequence(Qt::Key_S), [this] { split(); }, edits_),
        make(
            tr("Delete Clips"), QKeySequence(Qt::Key_Delete), [this] { deleteSelected(false); },
            edits_),
        make(
            tr("Ripple Delete Clips"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
            [this] { deleteSelected(true); }, edits_),
        make(
            tr("Copy Clips"), QKeySequence(Qt::CTRL | Qt::Key_C), [this] { copy(); }, edits_),
    };
    paste_ = make(
        tr("Paste Clips at Playhead"), QKeySequence(Qt::CTRL | Qt::Key_V), [this] { paste(); },
        edits_);
    make(
        tr("Select All Clips"), QKeySequence(Qt::CTRL | Qt::Key_A), [this] { selectAll(); },
        edits_);
    make(
        tr("Mark In"), QKeySequence(Qt::Key_I), [this] { markIn(); }, edits_);
    make(
        tr("Mark Out"), QKeySequence(Qt::Key_O), [this] { markOut(); }, edits_);
    make(
        tr("Clear In and Out"), QKeySequence(Qt::ALT | Qt::Key_X), [this] { clearInOut(); },
        edits_);
    make(
        tr("Add Marker"), QKeySequence(Qt::Key_M), [this] { addMarker(); }, edits_);
    make(
        tr("Next Marker"), QKeySequence(Qt::SHIFT | Qt::Key_M), [this] { jumpToMarker(1); },
        edits_);
    make(
        tr("Previous Marker"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
        [this] { jumpToMarker(-1); }, edits_);

    make(
        tr("Previous Frame"), QKeySequence(Qt::Key_Left), [this] { transport_.step(-1); },
        navigation_);
    make(
        tr("Next Frame"), QKeySequence(Qt::Key_Right), [this] { transport_.step(1); }, navigation_);
    make(
        tr("Go to Start"), QKeySequence(Qt::Key_Home), [this] { transport_.toStart(); },
        navigation_);
    make(
        tr("Go to End"), QKeySequence(Qt::Key_End), [this] { transport_.toEnd(); }, navigation_);
}

QAction* TimelineEditActions::make(const QString& text, const QKeySequence& key,
                                   std::function<void()> run, QList<QAction*>& into) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, [run = std::move(run)] { run(); });
    into.push_back(action);
    return action;
}

void TimelineEditActions::refused(bool ok, const QString& error) {
    if (!ok) Q_EMIT message(error);
}

void TimelineEditActions::split() {
    const qint64 frame = transport_.frame();
    const auto& project = doc_.project();
    const auto& locked = doc_.editorState().lockedTracks;
    // The selected clips under the playhead; with nothing selected, every
    // clip under it on an unlocked track (what S means in most NLEs).
    QStringList targets, atEdge; // a selected clip starting on the playhead cannot split
    const bool useSelection = !selection_.clips().isEmpty();
    for (const auto& track : project.tracks) {
        const bool isLocked = std::find(locked.begin(), locked.end(), track.id) != locked.end();
        for (const auto& clip : track.clips) {
            const QString id = QString::fromStdString(clip.id);
            const bool inside = clip.start < frame && frame < clip.end();
            if (useSelection ? selection_.contains(id) && clip.covers(frame) : !isLocked && inside)
                (inside ? targets : atEdge).push_back(id);
        }
    }
    if (targets.isEmpty() && atEdge.isEmpty()) {
        Q_EMIT message(useSelection ? tr("No selected clip is under the playhead")
                                    : tr("No clip is under the playhead"));
        return;
    }
    // One history entry for every clip split here; an edge clip is reported.
    QString error;
    if (!targets.isEmpty()) refused(edits::splitClips(doc_, targets, frame, &error), error);
    if (!atEdge.isEmpty()) refused(edits::splitClip(doc_, atEdge.front(), frame, &error), error);
}

void TimelineEditActions::deleteSelected(bool ripple) {
    const QStringList ids = selection_.clips();
    if (ids.isEmpty()) return;
    QString error;
    const bool ok = ripple ? edits::rippleDeleteClips(doc_, ids, &error)
                           : edits::deleteClips(doc_, ids, &error);
    refused(ok, error);
    if (ok) selection_.clear();
}

void TimelineEditActions::copy() {
    if (selection_.clips().isEmpty()) return;
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kClipsMimeType),
                  QByteArray::fromStdString(edits::copyClips(doc_, selection_.clips()).dump()));
    QApplication::clipboard()->setMimeData(mime);
    Q_EMIT message(tr("Copied %n clip(s)", nullptr, static_cast<int>(selection_.clips().size())));
}

void TimelineEditActions::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(QString::fromLatin1(kClipsMimeType))) {
        Q_EMIT message(tr("The clipboard holds no clips"));
        return;
    }
    const auto clipboard = nlohmann::json::parse(
        mime->data(QString::fromLatin1(kClipsMimeType)).toStdString(), nullptr,
        /*allow_exceptions=*/false);
    QString error;
    QStringList added;
    if (edits::pasteClips(doc_, clipboard, transport_.frame(), &error, &added))
        selection_.set(added);
    else
        Q_EMIT message(error);
}

void TimelineEditActions::markIn() {
    QString error;
    refused(edits::setInPoint(doc_, transport_.frame(), &error), error);
}

void TimelineEditActions::markOut() {
    // The out mark is exclusive; O includes the frame under the playhead.
    QString error;
    refused(edits::setOutPoint(doc_, transport_.frame() + 1, &error), error);
}

void TimelineEditActions::clearInOut() {
    QString error;
    refused(edits::setInPoint(doc_, std::nullopt, &error) &&
                edits::setOutPoint(doc_, std::nullopt, &error),
            error);
}

void TimelineEditActions::addMarker() {
    const auto& markers = doc_.editorState().markers;
    QString error;
    refused(
        edits::addMarker(doc_, transport_.frame(), tr("Marker %1").arg(markers.size() + 1), &error),
        error);
}

void TimelineEditActions::jumpToMarker(int direction) {
    const auto& markers = doc_.editorState().markers; // sorted by frame
    const qint64 now = transport_.frame();
    if (direction > 0) {
        for (const auto& m : markers)
            if (m.frame > now) return transport_.setFrame(m.frame);
    } else {
        for (auto it = markers.rbegin(); it != markers.rend(); ++it)
            if (it->frame < now) return transport_.setFrame(it->frame);
    }
    Q_EMIT message(direction > 0 ? tr("No marker after the playhead")
                                 : tr("No marker before the playhead"));
}

void TimelineEditActions::selectAll() {
    QStringList ids;
    for (const auto& track : doc_.project().tracks)
        for (const auto& clip : track.clips)
            ids.push_back(QString::fromStdString(clip.id));
    selection_.set(ids);
}

} // namespace entropic::app
