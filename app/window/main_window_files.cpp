// The main window's files: new, open, save, import, export, recent files and
// the recovery offer after a crash.
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QUrl>

#include <algorithm>

#include "bin/media_bin.h"
#include "commands/edits.h"
#include "export/export_dialog.h"
#include "model/project_document.h"
#include "model/recovery_store.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"
#include "window/main_window.h"
#include "window/toast_overlay.h"
#include "window/window_settings.h"

namespace entropic::app {

using namespace window_settings;

namespace {

// What the import dialog offers first: the containers and stills FFmpeg reads
// that artists bring; "All files" stays for anything else FFmpeg may open.
QString mediaFilter() {
    return QCoreApplication::translate(
        "MainWindow",
        "Media (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mpg *.mpeg *.ts *.mts *.m2ts "
        "*.gif *.png *.jpg *.jpeg *.wav *.mp3 *.flac *.ogg *.m4a *.aac *.aif *.aiff);;"
        "Video (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mpg *.mpeg *.ts *.mts *.m2ts *.gif);;"
        "Audio (*.wav *.mp3 *.flac *.ogg *.m4a *.aac *.aif *.aiff);;"
        "All files (*)");
}

} // namespace

bool MainWindow::openPath(const QString& path) {
    const QFileInfo info(path);
    if (info.suffix().compare(QStringLiteral("entropic"), Qt::CaseInsensitive) == 0) {
        QString error;
        if (!doc_->load(path, &error)) {
            QMessageBox::warning(this, tr("Cannot open project"), error);
            return false;
        }
        addRecent(info.absoluteFilePath());
        selection_->clear();
        transport_->setFrame(doc_->editorState().playhead);
        // Report media the project names but the disk does not have.
        QStringList missing;
        for (const auto& track : doc_->project().tracks)
            for (const auto& clip : track.clips)
                if (!QFileInfo::exists(QString::fromStdString(clip.sourcePath)))
                    missing << QString::fromStdString(clip.source);
        missing.removeDuplicates();
        if (!missing.isEmpty())
            toasts_->show(tr("Missing media: %1. Relink it from the media bin.")
                              .arg(missing.join(QStringLiteral(", "))),
                          0);
        return true;
    }
    // A media file: a new project with it in the bin and on the timeline.
    if (!maybeSave()) return false;
    doc_->newProject();
    connect(
        bin_, &MediaBin::importFinished, this,
        [this](const QStringList& added) {
            if (added.isEmpty()) return;
            const auto* media = bin_->probed(added.front());
            if (!media) return;
            const auto& p = doc_->project();
            const double seconds = media->info.durationSeconds;
            const auto frames = std::max<std::int64_t>(
                1, static_cast<std::int64_t>(seconds * p.frameRate.toDouble()));
            QString error;
            const QString track = media->info.video ? QString::fromStdString(p.tracks.front().id)
                                                    : QString::fromStdString(p.tracks.back().id);
            if (!edits::addClip(*doc_, track, added.front(), 0, 0, frames, &error))
                toasts_->show(error);
        },
        Qt::SingleShotConnection);
    bin_->importFiles({path});
    return true;
}

void MainWindow::offerRecovery() {
    RecoveryStore store;
    const auto candidates = store.pending();
    if (candidates.empty()) return;
    const auto& c = candidates.front();
    const QString name =
        c.projectPath.isEmpty() ? tr("an untitled project") : QFileInfo(c.projectPath).fileName();
    const auto answer =
        QMessageBox::question(this, tr("Recover unsaved work?"),
                              tr("Entropic did not close properly. Changes to %1 from %2 were "
                                 "saved for recovery.\n\nRestore them?")
                                  .arg(name, c.savedAt.toLocalTime().toString()),
                              QMessageBox::Yes | QMessageBox::No | QMessageBox::Discard);
    QString error;
    if (answer == QMessageBox::Yes) {
        if (!store.restore(*doc_, c, &error))
            QMessageBox::warning(this, tr("Cannot recover"), error);
    } else if (answer == QMessageBox::Discard) {
        store.discard(c);
    }
}

bool MainWindow::maybeSave() {
    if (!doc_->isModified()) return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("Save the changes to %1?").arg(doc_->fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save() {
    if (doc_->filePath().isEmpty()) return saveAs();
    QString error;
    if (!doc_->save(doc_->filePath(), &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    status(tr("Saved %1").arg(doc_->filePath()));
    return true;
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save project"), doc_->filePath(),
                                                tr("Entropic projects (*.entropic)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(QStringLiteral(".entropic"))) path += QStringLiteral(".entropic");
    QString error;
    if (!doc_->save(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    addRecent(path);
    return true;
}

void MainWindow::openDialog() {
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open project"), QString(), tr("Entropic projects (*.entropic);;Media files (*)"));
    if (!path.isEmpty()) openPath(path);
}

void MainWindow::importDialog() {
    QSettings settings;
    const QString folder =
        settings.value(QString::fromLatin1(kImportFolderKey), QDir::homePath()).toString();
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import media"), folder, mediaFilter());
    if (paths.isEmpty()) return;
    settings.setValue(QString::fromLatin1(kImportFolderKey),
                      QFileInfo(paths.front()).absolutePath());
    bin_->importFiles(paths);
}

void MainWindow::showExport() {
    if (!exportDialog_) {
        exportDialog_ = new ExportDialog(*doc_, *engine_, this);
        connect(exportDialog_, &ExportDialog::finished, this,
                [this](const QString& state, const QString& path, const QString& message) {
                    if (state == QStringLiteral("done")) {
                        // Long enough to reach the button, then out of the timeline's way.
                        toasts_->show(message, 15000, tr("Show in folder"), [path] {
                            QDesktopServices::openUrl(
                                QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
                        });
                    } else {
                        toasts_->show(message, 12000);
                    }
                });
    }
    exportDialog_->show();
    exportDialog_->raise();
}

void MainWindow::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(QString::fromLatin1(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QString::fromLatin1(kRecentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QString::fromLatin1(kRecentKey)).toStringList();
    for (const QString& path : recent)
        recentMenu_
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave()) openPath(path);
                        })
            ->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

} // namespace entropic::app
