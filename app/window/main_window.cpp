#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUrl>

#include "bin/media_bin.h"
#include "browser/effect_browser.h"
#include "commands/edits.h"
#include "export/export_dialog.h"
#include "history/history_panel.h"
#include "inspector/inspector_panel.h"
#include "model/autosaver.h"
#include "model/history_policy.h"
#include "model/project_document.h"
#include "model/recovery_store.h"
#include "modulation/analysis_monitor.h"
#include "modulation/modulation_panel.h"
#include "modulation/signal_values.h"
#include "performance/performance_panel.h"
#include "playback/cache_monitor.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "supervision/project_sync.h"
#include "timeline/timeline_widget.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"
#include "viewer/viewer_widget.h"
#include "window/preferences_dialog.h"
#include "window/toast_overlay.h"

namespace entropic::app {
namespace {

constexpr int kMaxRecent = 10;
const char* const kRecentKey = "files/recent";
const char* const kGeometryKey = "window/geometry";
const char* const kStateKey = "window/state";
constexpr int kLayoutVersion = 1;

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                  Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, window);
    d->setObjectName(name); // saveState() keys panels by object name
    d->setWidget(content);
    window->addDockWidget(area, d);
    return d;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    doc_ = new ProjectDocument(this);
    transport_ = new Transport(this);
    selection_ = new ClipSelection(this);
    engine_ = new EngineSupervisor(this);
    sync_ = new ProjectSync(engine_, this);
    feed_ = new FrameFeed(engine_, this);
    player_ = new Player(engine_, transport_, this);
    cache_ = new CacheMonitor(engine_, this);
    autosaver_ = new Autosaver(*doc_, RecoveryStore::defaultDirectory(), this);
    setMinimumSize(960, 600);
    buildPanels();
    buildMenus();
    connectEngine();
    connectPlayback();
    toasts_ = new ToastOverlay(this);

    connect(doc_, &ProjectDocument::changed, this, &MainWindow::onDocumentChanged);
    connect(doc_, &ProjectDocument::fileStateChanged, this, &MainWindow::updateTitle);
    connect(doc_, &ProjectDocument::clipEffectsChanged, this, &MainWindow::rememberEffectChange);
    connect(transport_, &Transport::frameChanged, this, [this](qint64 frame) {
        viewer_->setCurrentFrame(frame);
        if (!player_->playing()) requestCurrentFrame(); // playing: the presenter shows frames
    });
    connect(viewer_, &ViewerWidget::displaySizeChanged, this, [this](QSize size) {
        player_->setViewSize(size);
        requestCurrentFrame();
    });
    connect(&doc_->history(), &HistoryPolicy::spilledToDisk, this, [this](int entries, qint64) {
        toasts_->show(tr("History is large: the %1 oldest steps were moved to disk. They still undo.").arg(entries));
    });
    connect(autosaver_, &Autosaver::autosaveFailed, this,
            [this](const QString& message) { toasts_->show(tr("Autosave failed: %1").arg(message)); });

    doc_->newProject();
    sync_->setDocument(doc_);
    onDocumentChanged();
    restoreLayout();
    engine_->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanels() {
    viewer_ = new ViewerWidget(this);
    setCentralWidget(viewer_);
    bin_ = new MediaBin(*doc_, this);
    browser_ = new EffectBrowser(this);
    signalValues_ = new SignalValues(*doc_, engine_, sync_, *transport_, this);
    inspector_ = new InspectorPanel(*doc_, *selection_, signalValues_, this);
    history_ = new HistoryPanel(*doc_, this);
    timeline_ = new TimelineWidget(*doc_, *transport_, *selection_, this);
    modulation_ = new ModulationPanel(*doc_, *signalValues_, *selection_, this);

    auto* binDock = dock(this, tr("Media"), QStringLiteral("media"), bin_, Qt::LeftDockWidgetArea);
    auto* browserDock = dock(this, tr("Effects"), QStringLiteral("effects"), browser_, Qt::LeftDockWidgetArea);
    auto* inspectorDock = dock(this, tr("Inspector"), QStringLiteral("inspector"), inspector_, Qt::RightDockWidgetArea);
    auto* historyDock = dock(this, tr("History"), QStringLiteral("history"), history_, Qt::RightDockWidgetArea);
    auto* modulationDock =
        dock(this, tr("Modulation"), QStringLiteral("modulation"), modulation_, Qt::RightDockWidgetArea);
    auto* timelineDock = dock(this, tr("Timeline"), QStringLiteral("timeline"), timeline_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(inspectorDock, historyDock);
    tabifyDockWidget(inspectorDock, modulationDock);
    auto* performance = new PerformancePanel(*doc_, *player_, *transport_, *selection_, this);
    connect(performance, &PerformancePanel::notice, this, &MainWindow::status);
    tabifyDockWidget(inspectorDock, dock(this, tr("Performance"), QStringLiteral("performance"),
                                         performance, Qt::RightDockWidgetArea));
    inspectorDock->raise();
    splitDockWidget(binDock, browserDock, Qt::Vertical);
    resizeDocks({binDock, inspectorDock}, {300, 360}, Qt::Horizontal);
    resizeDocks({timelineDock}, {300}, Qt::Vertical);

    connect(browser_, &EffectBrowser::effectActivated, inspector_, &InspectorPanel::addEffect);
    connect(browser_, &EffectBrowser::presetActivated, inspector_, &InspectorPanel::applyPreset);
    connect(inspector_, &InspectorPanel::message, this, &MainWindow::status);
    connect(modulation_, &ModulationPanel::message, this, &MainWindow::status);
    connect(timeline_, &TimelineWidget::visibleRangeChanged, signalValues_, &SignalValues::setVisibleRange);
    connect(timeline_, &TimelineWidget::message, this, &MainWindow::status);
    connect(bin_, &MediaBin::message, this, [this](const QString& text) {
        status(text);
        toasts_->show(text, 9000);
    });
    connect(bin_, &MediaBin::relinkRequested, this, [this](const QString& source) {
        const QString path = QFileDialog::getOpenFileName(this, tr("Relink %1").arg(QFileInfo(source).fileName()));
        if (path.isEmpty()) return;
        QString error;
        if (!edits::relinkSource(*doc_, source, path, &error)) toasts_->show(error);
    });
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave()) doc_->newProject();
    });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Import Media…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::importDialog);
    file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::showExport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, [this] {
        PreferencesDialog(doc_->history(), *autosaver_, cache_, this).exec();
    });
    auto* timelineMenu = menuBar()->addMenu(tr("&Timeline"));
    for (QAction* action : timeline_->actions()) {
        timelineMenu->addAction(action);
        addAction(action); // shortcuts work whichever panel has focus
    }

    auto* view = menuBar()->addMenu(tr("&View"));
    auto* zoom = view->addAction(tr("Viewer at 100 %"), QKeySequence(Qt::SHIFT | Qt::Key_Z), this, [this] {
        viewer_->setZoom(viewer_->zoom() == ViewerWidget::Zoom::Fit ? ViewerWidget::Zoom::Actual : ViewerWidget::Zoom::Fit);
    });
    zoom->setCheckable(true);
    view->addSeparator();
    for (auto* d : findChildren<QDockWidget*>()) view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("Reset Layout"), this, [this] {
        QSettings().remove(QString::fromLatin1(kStateKey));
        toasts_->show(tr("The default layout returns the next time Entropic starts."));
    });

    buildPlaybackMenu();

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About Entropic"), this, [this] {
        QMessageBox::about(this, tr("About Entropic"),
                           tr("<b>Entropic</b> 0.1 — a video glitch editor.<br>Engine: %1").arg(engine_->stateText()));
    });

    engineLabel_ = new QLabel(this);
    renderLabel_ = new QLabel(this);
    analysisLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(analysisLabel_);
    statusBar()->addPermanentWidget(renderLabel_);
    analysis_ = new AnalysisMonitor(engine_, sync_, this);
    connect(analysis_, &AnalysisMonitor::textChanged, analysisLabel_, &QLabel::setText);
    connect(analysis_, &AnalysisMonitor::sourceFailed, this, [this](const QString& text) {
        status(text);
        toasts_->show(text, 9000);
    });
    statusBar()->addPermanentWidget(engineLabel_);
}

void MainWindow::connectEngine() {
    engineLabel_->setText(engine_->stateText());
    connect(engine_, &EngineSupervisor::stateChanged, this, [this] { engineLabel_->setText(engine_->stateText()); });
    connect(engine_, &EngineSupervisor::restarting, this, [this](const QString&) {
        toasts_->show(tr("Engine restarting…"), 0, {}, {}, QStringLiteral("engine"));
    });
    connect(engine_, &EngineSupervisor::engineResumed, this, [this] {
        toasts_->dismiss(QStringLiteral("engine"));
        requestCurrentFrame();
    });
    connect(engine_, &EngineSupervisor::gaveUp, this, &MainWindow::onEngineGaveUp);
    connect(engine_, &EngineSupervisor::exportInterrupted, this, [this](const QString& path, const QString& message) {
        toasts_->show(tr("Export to %1 failed: %2").arg(QFileInfo(path).fileName(), message), 0);
    });
    connect(sync_, &ProjectSync::loaded, this, &MainWindow::requestCurrentFrame);
    connect(sync_, &ProjectSync::syncFailed, this, [this](const QString& message) {
        viewer_->setMessage(message);
        status(message);
    });
    connect(feed_, &FrameFeed::frameReady, this, [this](const QImage& image, qint64 frame, const QString&, double ms) {
        viewer_->setMessage({});
        viewer_->showFrame(image, frame, ms);
        renderLabel_->setText(tr("frame %1 · %2 ms").arg(frame).arg(ms, 0, 'f', 1));
    });
    connect(feed_, &FrameFeed::renderFailed, this, [this](const QString& code, const QString& message) {
        if (code == QStringLiteral("engine_unavailable")) return; // the supervisor is already on it
        viewer_->setMessage(message);
        status(message);
    });
}

void MainWindow::buildPlaybackMenu() {
    auto* playback = menuBar()->addMenu(tr("&Playback"));
    auto add = [&](const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = playback->addAction(text, key, player_, slot);
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        return action;
    };
    add(tr("Play / Pause"), QKeySequence(Qt::Key_Space), &Player::togglePlay);
    add(tr("Play Backwards (J: faster)"), QKeySequence(Qt::Key_J), &Player::shuttleBackward);
    add(tr("Pause (K)"), QKeySequence(Qt::Key_K), &Player::pause);
    add(tr("Play Forwards (L: faster)"), QKeySequence(Qt::Key_L), &Player::shuttleForward);
    QAction* loop = playback->addAction(tr("Loop In/Out"));
    loop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    loop->setCheckable(true);
    loop->setChecked(QSettings().value(QStringLiteral("playback/loop"), true).toBool());
    player_->setLoopEnabled(loop->isChecked());
    connect(loop, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("playback/loop"), on);
        player_->setLoopEnabled(on);
    });
    addAction(loop);
    playback->addSeparator();
    for (QAction* action : timeline_->navigationActions()) {
        playback->addAction(action);
        addAction(action);
    }
}

void MainWindow::connectPlayback() {
    connect(player_, &Player::framePresented, viewer_, &ViewerWidget::showPlaybackFrame);
    connect(player_, &Player::playingChanged, this, [this](bool playing) {
        // Stopped: the frame on screen may be a reduced one; ask for it whole.
        if (!playing) {
            requestCurrentFrame();
            cache_->poll();
        }
    });
    connect(player_, &Player::notice, this, &MainWindow::status);
    connect(cache_, &CacheMonitor::rangesChanged, timeline_, &TimelineWidget::setCachedRanges);
    player_->setViewSize(viewer_->displaySize());
}

void MainWindow::updatePlaybackProject() {
    try {
        player_->setProject(std::make_shared<const engine::Project>(
            engine::parseProject(doc_->toEngineJson(), doc_->baseDir().toStdString())));
    } catch (const std::exception&) {
        // The engine reports a project it cannot take (ProjectSync); playback
        // keeps the last good one meanwhile.
    }
    const auto& editor = doc_->editorState();
    if (editor.inPoint || editor.outPoint)
        player_->setLoopRange(engine::PlayLoop{editor.inPoint.value_or(0),
                                               editor.outPoint.value_or(doc_->project().frameCount())});
    else
        player_->setLoopRange(std::nullopt);
}

void MainWindow::requestCurrentFrame() {
    if (!doc_ || player_->playing()) return;
    feed_->requestFrame(transport_->frame(), viewer_->displaySize());
}

void MainWindow::onDocumentChanged() {
    const auto& p = doc_->project();
    viewer_->setFrameRate(p.frameRate);
    viewer_->setProjectSize(QSize(p.width, p.height));
    transport_->setLastFrame(std::max<std::int64_t>(0, p.frameCount() - 1));
    updatePlaybackProject();
    QStringList clipIds;
    for (const auto& track : p.tracks)
        for (const auto& clip : track.clips) clipIds << QString::fromStdString(clip.id);
    selection_->retainOnly(clipIds);
    updateTitle();
}

void MainWindow::rememberEffectChange(const QString& clipId) {
    // Name the instance whose settings differ from what we saw before: the
    // effect to offer bypassing if the engine keeps dying on this project.
    for (const auto& track : doc_->project().tracks)
        for (const auto& clip : track.clips) {
            if (QString::fromStdString(clip.id) != clipId) continue;
            const nlohmann::json now = engine::clipToJson(clip, track.kind)["effects"];
            const nlohmann::json before = chains_[clipId];
            for (const auto& effect : now) {
                bool same = false;
                for (const auto& old : before) same = same || old == effect;
                if (!same) {
                    lastChangedClip_ = clipId;
                    lastChangedEffect_ = QString::fromStdString(effect.value("id", ""));
                }
            }
            chains_[clipId] = now;
        }
}

void MainWindow::onEngineGaveUp(const QString& reason) {
    toasts_->dismiss(QStringLiteral("engine"));
    QMessageBox box(this);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("The engine keeps stopping"));
    QString text = tr("The render engine stopped 3 times in a minute, so Entropic stopped restarting it.\n\n%1").arg(reason);
    if (!lastChangedEffect_.isEmpty())
        text += tr("\n\nThe effect changed last was %1 on clip %2.").arg(lastChangedEffect_, lastChangedClip_);
    box.setText(text);
    QPushButton* bypass = lastChangedEffect_.isEmpty() ? nullptr : box.addButton(tr("Bypass it and restart"), QMessageBox::AcceptRole);
    QPushButton* retry = box.addButton(tr("Restart the engine"), QMessageBox::ActionRole);
    box.addButton(tr("Not now"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == bypass) {
        QString error;
        edits::setEffectEnabled(*doc_, lastChangedClip_, lastChangedEffect_, false, &error);
        engine_->restart();
    } else if (box.clickedButton() == retry) {
        engine_->restart();
    }
}

void MainWindow::updateTitle() {
    setWindowTitle(QStringLiteral("%1 — Entropic").arg(doc_->displayName())); // "demo.entropic* — Entropic"
}

void MainWindow::status(const QString& text) { statusBar()->showMessage(text, 8000); }

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
            toasts_->show(tr("Missing media: %1. Relink it from the media bin.").arg(missing.join(QStringLiteral(", "))), 0);
        return true;
    }
    // A media file: a new project with it in the bin and on the timeline.
    if (!maybeSave()) return false;
    doc_->newProject();
    connect(bin_, &MediaBin::importFinished, this, [this](const QStringList& added) {
        if (added.isEmpty()) return;
        const auto* media = bin_->probed(added.front());
        if (!media) return;
        const auto& p = doc_->project();
        const double seconds = media->info.durationSeconds;
        const auto frames = std::max<std::int64_t>(1, static_cast<std::int64_t>(seconds * p.frameRate.toDouble()));
        QString error;
        const QString track = media->info.video ? QString::fromStdString(p.tracks.front().id)
                                                : QString::fromStdString(p.tracks.back().id);
        if (!edits::addClip(*doc_, track, added.front(), 0, 0, frames, &error)) toasts_->show(error);
    }, Qt::SingleShotConnection);
    bin_->importFiles({path});
    return true;
}

void MainWindow::offerRecovery() {
    RecoveryStore store;
    const auto candidates = store.pending();
    if (candidates.empty()) return;
    const auto& c = candidates.front();
    const QString name = c.projectPath.isEmpty() ? tr("an untitled project") : QFileInfo(c.projectPath).fileName();
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved work?"),
        tr("Entropic did not close properly. Changes to %1 from %2 were saved for recovery.\n\nRestore them?")
            .arg(name, c.savedAt.toLocalTime().toString()),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Discard);
    QString error;
    if (answer == QMessageBox::Yes) {
        if (!store.restore(*doc_, c, &error)) QMessageBox::warning(this, tr("Cannot recover"), error);
    } else if (answer == QMessageBox::Discard) {
        store.discard(c);
    }
}

bool MainWindow::maybeSave() {
    if (!doc_->isModified()) return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("Save the changes to %1?").arg(doc_->displayName()),
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
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("Entropic projects (*.entropic);;Media files (*)"));
    if (!path.isEmpty()) openPath(path);
}

void MainWindow::importDialog() {
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import media"));
    if (!paths.isEmpty()) bin_->importFiles(paths);
}

void MainWindow::showExport() {
    if (!exportDialog_) {
        exportDialog_ = new ExportDialog(*doc_, *engine_, this);
        connect(exportDialog_, &ExportDialog::finished, this,
                [this](const QString& state, const QString& path, const QString& message) {
                    if (state == QStringLiteral("done")) {
                        toasts_->show(message, 0, tr("Show in folder"), [path] {
                            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
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
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue(QString::fromLatin1(kRecentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QString::fromLatin1(kRecentKey)).toStringList();
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave()) openPath(path);
        })->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value(QString::fromLatin1(kGeometryKey)).toByteArray());
    restoreState(settings.value(QString::fromLatin1(kStateKey)).toByteArray(), kLayoutVersion);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QString::fromLatin1(kGeometryKey), saveGeometry());
    settings.setValue(QString::fromLatin1(kStateKey), saveState(kLayoutVersion));
    autosaver_->discard();
    event->accept();
}

} // namespace entropic::app
