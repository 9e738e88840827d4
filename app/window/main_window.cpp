#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
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

#include <cmath>

#include "bin/media_bin.h"
#include "browser/effect_browser.h"
#include "commands/edits.h"
#include "export/export_dialog.h"
#include "history/history_panel.h"
#include "inspector/inspector_panel.h"
#include "midi/midi_control.h"
#include "model/autosaver.h"
#include "model/history_policy.h"
#include "model/project_document.h"
#include "model/recovery_store.h"
#include "modulation/analysis_monitor.h"
#include "modulation/modulation_panel.h"
#include "modulation/signal_values.h"
#include "performance/automation_recorder.h"
#include "performance/performance_panel.h"
#include "performance/playback_clock.h"
#include "playback/cache_monitor.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "supervision/project_sync.h"
#include "timeline/timeline_widget.h"
#include "transport/clip_selection.h"
#include "transport/tempo_control.h"
#include "transport/transport.h"
#include "transport/transport_bar.h"
#include "viewer/viewer_widget.h"
#include "window/preferences_dialog.h"
#include "window/toast_overlay.h"
#include "window/window_settings.h"

namespace entropic::app {

using namespace window_settings;
namespace {

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                  Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, window);
    d->setObjectName(name); // saveState() keys panels by object name
    d->setWidget(content);
    window->addDockWidget(area, d);
    return d;
}

// "frame 62 · playing 2× · 50 %": what the status bar says while playing.
QString playbackStatusText(qint64 frame, double rate, double scale) {
    QString text = QCoreApplication::translate("MainWindow", "frame %1 · playing").arg(frame);
    if (std::abs(rate - 1.0) > 1e-9) text += QStringLiteral(" %1×").arg(rate, 0, 'g', 3);
    if (scale < 0.999) text += QStringLiteral(" · %1 %").arg(qRound(scale * 100));
    return text;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    doc_ = new ProjectDocument(this);
    transport_ = new Transport(this);
    selection_ = new ClipSelection(this);
    engine_ = new EngineSupervisor(this);
    sync_ = new ProjectSync(engine_, this);
    feed_ = new FrameFeed(engine_, this);
    feed_->setScrubProxies(FrameFeed::scrubProxiesSetting());
    player_ = new Player(engine_, transport_, this);
    cache_ = new CacheMonitor(engine_, this);
    autosaver_ = new Autosaver(*doc_, RecoveryStore::defaultDirectory(), this);
    setMinimumSize(960, 600);
    buildPanels();
    buildMenus();
    buildStatusBar();
    connectEngine();
    connectPlayback();
    toasts_ = new ToastOverlay(this);

    connect(doc_, &ProjectDocument::changed, this, &MainWindow::onDocumentChanged);
    connect(doc_, &ProjectDocument::fileStateChanged, this, &MainWindow::updateTitle);
    connect(doc_, &ProjectDocument::clipEffectsChanged, this,
            [this](const QString& clipId) { culprit_.noteChainChange(doc_->project(), clipId); });
    connect(transport_, &Transport::frameChanged, this, [this](qint64 frame) {
        viewer_->setCurrentFrame(frame);
        doc_->setPlayhead(frame); // saved with the project, reopened where the user left it
        if (!player_->playing()) requestCurrentFrame(); // playing: the presenter shows frames
    });
    connect(viewer_, &ViewerWidget::displaySizeChanged, this, [this](QSize size) {
        player_->setViewSize(size);
        requestCurrentFrame();
    });
    connect(&doc_->history(), &HistoryPolicy::spilledToDisk, this, [this](int entries, qint64) {
        toasts_->show(
            tr("History is large: the %1 oldest steps were moved to disk. They still undo.")
                .arg(entries));
    });
    connect(autosaver_, &Autosaver::autosaveFailed, this, [this](const QString& message) {
        toasts_->show(tr("Autosave failed: %1").arg(message));
    });

    doc_->newProject();
    sync_->setDocument(doc_);
    onDocumentChanged();
    restoreLayout();
    engine_->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanels() {
    viewer_ = new ViewerWidget(this);
    transportBar_ = new TransportBar(*player_, *transport_, this);
    setCentralWidget(TransportBar::under(viewer_, transportBar_, this));
    transportBar_->attachTempo(*doc_);
    connect(transportBar_->tempo(), &TempoControl::notice, this, &MainWindow::status);
    bin_ = new MediaBin(*doc_, this);
    browser_ = new EffectBrowser(this);
    signalValues_ = new SignalValues(*doc_, engine_, sync_, *transport_, this);
    inspector_ = new InspectorPanel(*doc_, *selection_, signalValues_, this);
    history_ = new HistoryPanel(*doc_, this);
    timeline_ = new TimelineWidget(*doc_, *transport_, *selection_, this);
    modulation_ = new ModulationPanel(*doc_, *signalValues_, *selection_, this);

    auto* binDock = dock(this, tr("Media"), QStringLiteral("media"), bin_, Qt::LeftDockWidgetArea);
    auto* browserDock =
        dock(this, tr("Effects"), QStringLiteral("effects"), browser_, Qt::LeftDockWidgetArea);
    auto* inspectorDock = dock(this, tr("Inspector"), QStringLiteral("inspector"), inspector_,
                               Qt::RightDockWidgetArea);
    auto* historyDock =
        dock(this, tr("History"), QStringLiteral("history"), history_, Qt::RightDockWidgetArea);
    auto* modulationDock = dock(this, tr("Modulation"), QStringLiteral("modulation"), modulation_,
                                Qt::RightDockWidgetArea);
    auto* timelineDock =
        dock(this, tr("Timeline"), QStringLiteral("timeline"), timeline_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(inspectorDock, historyDock);
    tabifyDockWidget(inspectorDock, modulationDock);
    auto* performance = new PerformancePanel(*doc_, *player_, *transport_, *selection_, this);
    connect(performance, &PerformancePanel::notice, this, &MainWindow::status);
    midi_ = new MidiControl(*doc_, this);
    connect(midi_, &MidiControl::notice, this, &MainWindow::status);
    const KnobMenu knobMenu = [this](QMenu& menu, const MidiTarget& target) {
        midi_->addLearnEntries(menu, target);
    };
    inspector_->setKnobMenu(knobMenu);
    modulation_->setKnobMenu(knobMenu);
    timeline_->setKnobMenu(knobMenu);
    performance->setMidi(*midi_);
    recorder_ = new AutomationRecorder(*doc_, playbackClock(*player_, *transport_), this);
    recorder_->setMode(AutomationRecorder::savedMode());
    connect(recorder_, &AutomationRecorder::modeChanged, this, &AutomationRecorder::saveMode);
    connect(player_, &Player::playingChanged, recorder_, &AutomationRecorder::setPlaying);
    connect(recorder_, &AutomationRecorder::notice, this, &MainWindow::status);
    inspector_->setRecorder(recorder_);
    midi_->setRecorder(recorder_);
    transportBar_->attachAutomation(*recorder_);
    midi_->startFromSettings();
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
    connect(timeline_, &TimelineWidget::visibleRangeChanged, signalValues_,
            &SignalValues::setVisibleRange);
    connect(timeline_, &TimelineWidget::message, this, &MainWindow::status);
    connect(timeline_, &TimelineWidget::revealRequested, bin_, &MediaBin::reveal);
    connect(bin_, &MediaBin::message, this, [this](const QString& text) {
        status(text);
        toasts_->show(text, 9000);
    });
    connect(bin_, &MediaBin::relinkRequested, this, [this](const QString& source) {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Relink %1").arg(QFileInfo(source).fileName()));
        if (path.isEmpty()) return;
        QString error;
        if (!edits::relinkSource(*doc_, source, path, &error)) toasts_->show(error);
    });
}

void MainWindow::buildStatusBar() {
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
    connect(engine_, &EngineSupervisor::stateChanged, this,
            [this] { engineLabel_->setText(engine_->stateText()); });
    connect(engine_, &EngineSupervisor::restarting, this, [this](const QString&) {
        toasts_->show(tr("Engine restarting…"), 0, {}, {}, QStringLiteral("engine"));
    });
    connect(engine_, &EngineSupervisor::engineResumed, this, [this] {
        toasts_->dismiss(QStringLiteral("engine"));
        requestCurrentFrame();
    });
    connect(engine_, &EngineSupervisor::gaveUp, this, &MainWindow::onEngineGaveUp);
    connect(engine_, &EngineSupervisor::exportInterrupted, this,
            [this](const QString& path, const QString& message) {
                toasts_->show(
                    tr("Export to %1 failed: %2").arg(QFileInfo(path).fileName(), message), 0);
            });
    connect(sync_, &ProjectSync::loaded, this, &MainWindow::requestCurrentFrame);
    connect(sync_, &ProjectSync::syncFailed, this, [this](const QString& message) {
        viewer_->setMessage(message);
        status(message);
    });
    connect(feed_, &FrameFeed::frameReady, this,
            [this](const QImage& image, qint64 frame, const QString&, double ms) {
                viewer_->setMessage({});
                viewer_->showFrame(image, frame, ms);
                renderLabel_->setText(tr("frame %1 · %2 ms").arg(frame).arg(ms, 0, 'f', 1));
            });
    connect(feed_, &FrameFeed::renderFailed, this,
            [this](const QString& code, const QString& message) {
                if (code == QStringLiteral("engine_unavailable"))
                    return; // the supervisor is already on it
                viewer_->setMessage(message);
                status(message);
            });
}

void MainWindow::connectPlayback() {
    connect(player_, &Player::framePresented, viewer_, &ViewerWidget::showPlaybackFrame);
    // While playing, the engine's per-frame cost is not what the user sees:
    // the frame on screen, the speed and the resolution tier are.
    connect(player_, &Player::framePresented, this,
            [this](const QImage&, qint64 frame, double scale) {
                renderLabel_->setText(playbackStatusText(frame, player_->rate(), scale));
            });
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
        player_->setLoopRange(engine::PlayLoop{
            editor.inPoint.value_or(0), editor.outPoint.value_or(doc_->project().frameCount())});
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
    transportBar_->setFrameRate(p.frameRate);
    viewer_->setProjectSize(QSize(p.width, p.height));
    transport_->setLastFrame(std::max<std::int64_t>(0, p.frameCount() - 1));
    updatePlaybackProject();
    QStringList clipIds;
    for (const auto& track : p.tracks)
        for (const auto& clip : track.clips)
            clipIds << QString::fromStdString(clip.id);
    selection_->retainOnly(clipIds);
    viewer_->setHint(
        clipIds.isEmpty()
            ? tr("Start by importing media: File ▸ Import Media (Ctrl+I), or drop video "
                 "files on the media bin or straight onto the timeline below.")
            : QString());
    updateTitle();
}

void MainWindow::onEngineGaveUp(const QString& reason) {
    toasts_->dismiss(QStringLiteral("engine"));
    QMessageBox box(this);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("The engine keeps stopping"));
    box.setText(culprit_.gaveUpText(engine_->restartPolicy(), reason));
    QPushButton* bypass = culprit_.known()
                              ? box.addButton(tr("Bypass it and restart"), QMessageBox::AcceptRole)
                              : nullptr;
    QPushButton* retry = box.addButton(tr("Restart the engine"), QMessageBox::ActionRole);
    box.addButton(tr("Not now"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == bypass) {
        QString error;
        if (!edits::setEffectEnabled(*doc_, culprit_.clipId(), culprit_.effectInstance(), false,
                                     &error))
            toasts_->show(tr("Could not bypass %1: %2").arg(culprit_.effectName(), error));
        engine_->restart();
    } else if (box.clickedButton() == retry) {
        engine_->restart();
    }
}

void MainWindow::updateTitle() {
    setWindowTitle(
        QStringLiteral("%1 — Entropic").arg(doc_->displayName())); // "demo.entropic* — Entropic"
}

QString MainWindow::frameStatus() const {
    return renderLabel_->text();
}

void MainWindow::status(const QString& text) {
    statusBar()->showMessage(text, 8000);
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
