// The main window's menus. Every shortcut of the editor is set here (or on an
// action a panel hands to a menu here), so the menus are the one list of keys:
// Help ▸ Keyboard Shortcuts and docs/editor.md are read from them
// (window/shortcut_list.h). Keys are spelled out rather than taken from
// QKeySequence's standard keys, which are empty or doubled on some desktops.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QtGlobal>

#include <portaudio.h>

#include "entropic/engine/media/library_versions.h"
#include "model/project_document.h"
#include "performance/automation_recorder.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "timeline/timeline_widget.h"
#include "transport/tempo_control.h"
#include "transport/transport_bar.h"
#include "viewer/viewer_widget.h"
#include "window/documentation_dialog.h"
#include "window/main_window.h"
#include "window/preferences_dialog.h"
#include "window/shortcuts_dialog.h"
#include "window/toast_overlay.h"
#include "window/window_settings.h"

namespace entropic::app {

using namespace window_settings;

namespace {

QKeySequence keys(QKeyCombination combination) {
    return QKeySequence(combination);
}

} // namespace

void MainWindow::buildMenus() {
    buildFileMenu();
    buildEditMenu();
    auto* timelineMenu = menuBar()->addMenu(tr("&Timeline"));
    for (QAction* action : timeline_->actions()) {
        timelineMenu->addAction(action);
        addAction(action); // shortcuts work whichever panel has focus
    }
    buildViewMenu();
    buildPlaybackMenu();
    buildHelpMenu();
}

void MainWindow::buildFileMenu() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), keys(Qt::CTRL | Qt::Key_N), this, [this] {
        if (maybeSave()) doc_->newProject();
    });
    file->addAction(tr("&Open…"), keys(Qt::CTRL | Qt::Key_O), this, &MainWindow::openDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save"), keys(Qt::CTRL | Qt::Key_S), this, &MainWindow::save);
    file->addAction(tr("Save &As…"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                    &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Import Media…"), keys(Qt::CTRL | Qt::Key_I), this,
                    &MainWindow::importDialog);
    file->addAction(tr("&Export…"), keys(Qt::CTRL | Qt::Key_E), this, &MainWindow::showExport);
    file->addSeparator();
    file->addAction(tr("&Quit"), keys(Qt::CTRL | Qt::Key_Q), this, &QWidget::close);
}

void MainWindow::buildEditMenu() {
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(keys(Qt::CTRL | Qt::Key_Z));
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({keys(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), keys(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Preferences…"), keys(Qt::CTRL | Qt::Key_Comma), this, [this] {
        PreferencesDialog(doc_->history(), *autosaver_, cache_, this, midi_, feed_).exec();
    });
}

void MainWindow::buildViewMenu() {
    auto* view = menuBar()->addMenu(tr("&View"));
    auto* zoom = view->addAction(tr("Viewer at 100 %"), keys(Qt::SHIFT | Qt::Key_Z), this, [this] {
        viewer_->setZoom(viewer_->zoom() == ViewerWidget::Zoom::Fit ? ViewerWidget::Zoom::Actual
                                                                    : ViewerWidget::Zoom::Fit);
    });
    zoom->setCheckable(true);
    view->addSeparator();
    for (auto* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("Reset Layout"), this, [this] {
        QSettings().remove(QString::fromLatin1(kStateKey));
        toasts_->show(tr("The default layout returns the next time Entropic starts."));
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
    add(tr("Play / Pause"), keys(Qt::Key_Space), &Player::togglePlay);
    add(tr("Play Backwards (J: faster)"), keys(Qt::Key_J), &Player::shuttleBackward);
    add(tr("Pause (K)"), keys(Qt::Key_K), &Player::pause);
    add(tr("Play Forwards (L: faster)"), keys(Qt::Key_L), &Player::shuttleForward);
    QAction* loop = playback->addAction(tr("Loop In/Out"));
    loop->setShortcut(keys(Qt::CTRL | Qt::Key_L));
    loop->setCheckable(true);
    loop->setChecked(QSettings().value(QStringLiteral("playback/loop"), true).toBool());
    player_->setLoopEnabled(loop->isChecked());
    connect(loop, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("playback/loop"), on);
        player_->setLoopEnabled(on);
    });
    addAction(loop);
    QAction* tap = playback->addAction(tr("Tap Tempo"));
    tap->setObjectName(QStringLiteral("tapTempo"));
    tap->setShortcut(keys(Qt::SHIFT | Qt::Key_T));
    tap->setShortcutContext(Qt::WindowShortcut);
    TempoControl* tempo = transportBar_->tempo();
    connect(tap, &QAction::triggered, tempo, &TempoControl::tap);
    tempo->setTapAction(tap);
    addAction(tap);
    addAutomationModes(*playback->addMenu(tr("Record Automation")));
    playback->addSeparator();
    for (QAction* action : timeline_->navigationActions()) {
        playback->addAction(action);
        addAction(action);
    }
    transportBar_->adoptActions(actions());
}

void MainWindow::addAutomationModes(QMenu& menu) {
    // In AutomationMode order; checked as the recorder's mode, from wherever it is set.
    auto* group = new QActionGroup(&menu);
    const QString names[] = {tr("Off"), tr("Latch"), tr("Touch")};
    const char* ids[] = {"automationOff", "automationLatch", "automationTouch"};
    for (int i = 0; i < 3; ++i) {
        QAction* action = menu.addAction(names[i]);
        action->setObjectName(QString::fromLatin1(ids[i]));
        action->setCheckable(true);
        action->setChecked(static_cast<int>(recorder_->mode()) == i);
        group->addAction(action);
        connect(action, &QAction::triggered, recorder_,
                [this, i] { recorder_->setMode(static_cast<AutomationMode>(i)); });
        connect(
            recorder_, &AutomationRecorder::modeChanged, action,
            [action, i](AutomationMode mode) { action->setChecked(static_cast<int>(mode) == i); });
    }
}

void MainWindow::buildHelpMenu() {
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts…"), keys(Qt::CTRL | Qt::Key_Slash), this, [this] {
        ShortcutsDialog dialog(menuShortcuts(menuBar()), this);
        dialog.exec();
    });
    help->addAction(tr("&Documentation…"), keys(Qt::Key_F1), this, [this] {
        auto* dialog = new DocumentationDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addSeparator();
    help->addAction(tr("&About Entropic"), this,
                    [this] { QMessageBox::about(this, tr("About Entropic"), aboutText()); });
}

QString MainWindow::aboutText() const {
    QStringList libraries;
    libraries << QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()));
    for (const auto& line : engine::libraryVersions())
        libraries << QString::fromStdString(line);
    libraries << QString::fromLatin1(Pa_GetVersionText());
    return tr("<b>Entropic %1</b> — a video glitch editor.<p>Engine: %2</p><p>Built "
              "with:<br>%3</p>")
        .arg(QApplication::applicationVersion(), engine_->stateText(),
             libraries.join(QStringLiteral("<br>")));
}

} // namespace entropic::app
