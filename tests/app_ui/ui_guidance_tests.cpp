// What a newcomer meets in the first minutes: every shortcut in the menus
// does its one thing from the keyboard, the docs list the same keys, Help
// explains, the status bar tells the truth while playing, and files, prompts
// and history speak the user's words.
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <functional>

#include "bin/media_bin.h"
#include "commands/edits.h"
#include "model/project_document.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "timeline/timeline_widget.h"
#include "transport/transport.h"
#include "ui_support.h"
#include "viewer/viewer_widget.h"
#include "window/documentation_dialog.h"
#include "window/main_window.h"
#include "window/shortcut_list.h"
#include "window/shortcuts_dialog.h"

using namespace entropic;
using test::waitFor;

namespace {

const QString kDemo = QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic");

// Closes every dialog an action opens, modal or not, as a user dismissing it
// would, and hands each to `inspect` first.
class DialogCloser {
  public:
    explicit DialogCloser(std::function<void(QWidget*)> inspect = {})
        : inspect_(std::move(inspect)) {
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (!w->isVisible() || !(qobject_cast<QDialog*>(w))) continue;
                if (inspect_) inspect_(w);
                w->close();
                ++closed;
            }
        });
        timer_.start(25);
    }
    int closed = 0;

  private:
    std::function<void(QWidget*)> inspect_;
    QTimer timer_;
};

void focusEditor(app::MainWindow& window) {
    QApplication::setActiveWindow(&window);
    window.activateWindow();
    window.timeline().setFocus(Qt::OtherFocusReason);
    QApplication::processEvents();
}

// The section of docs/editor.md between the shortcut markers.
QString documentedTable() {
    QFile file(QStringLiteral(ENTROPIC_SOURCE_DIR "/docs/editor.md"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    const QString text = QString::fromUtf8(file.readAll());
    const QString begin = QStringLiteral("<!-- shortcuts:begin -->\n"),
                  end = QStringLiteral("<!-- shortcuts:end -->");
    const auto from = text.indexOf(begin), to = text.indexOf(end);
    if (from < 0 || to < from) return {};
    return text.mid(from + begin.size(), to - from - begin.size());
}

} // namespace

TEST_CASE("every menu shortcut is unique, fires its action from the keyboard, and docs/editor.md "
          "lists the same keys",
          "[ui][shortcuts]") {
    app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const auto entries = app::menuShortcuts(window.menuBar());
    REQUIRE(entries.size() > 30);
    INFO(app::shortcutClashes(entries).join(QStringLiteral("\n")).toStdString());
    CHECK(app::shortcutClashes(entries).isEmpty());

    // The documented keys are the menus' keys, row for row.
    CHECK(documentedTable().toStdString() == app::shortcutTable(entries).toStdString());

    DialogCloser closer;
    QString error;
    // Quit closes the window, so it goes last.
    auto ordered = entries;
    std::stable_partition(ordered.begin(), ordered.end(), [](const app::ShortcutEntry& e) {
        return e.action != QStringLiteral("Quit");
    });
    REQUIRE(ordered.back().action == QStringLiteral("Quit"));
    for (const auto& entry : ordered) {
        for (const QKeySequence& key : entry.keys) {
            // Undo and Redo are enabled only with something to undo or redo.
            if (entry.action == QStringLiteral("Undo") ||
                entry.action.startsWith(QStringLiteral("Undo ")))
                REQUIRE(app::edits::addTrack(window.document(), engine::TrackKind::Video, &error));
            if (entry.action == QStringLiteral("Redo") ||
                entry.action.startsWith(QStringLiteral("Redo "))) {
                REQUIRE(app::edits::addTrack(window.document(), engine::TrackKind::Video, &error));
                window.document().undoStack()->undo();
            }
            focusEditor(window);
            QSignalSpy fired(entry.source, &QAction::triggered);
            const QKeyCombination combination = key[0];
            INFO((entry.menu + QStringLiteral(" ▸ ") + entry.action + QStringLiteral(": ") +
                  key.toString(QKeySequence::PortableText))
                     .toStdString());
            CHECK(entry.source->isEnabled());
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window,
                            combination.key(), combination.keyboardModifiers());
            CHECK(waitFor([&] { return fired.count() >= 1; }, 3000));
            waitFor([&] { return QApplication::activeModalWidget() == nullptr; }, 3000);
        }
    }
    // Quit, with the edits above unsaved, asked first; the closer cancelled it.
    CHECK(window.isVisible());
}

TEST_CASE(
    "redo answers Ctrl+Shift+Z and Ctrl+Y, Save As answers Ctrl+Shift+S and opens the save dialog",
    "[ui][shortcuts]") {
    app::MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto& doc = window.document();
    QString error;
    for (const auto key : {QKeyCombination(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                           QKeyCombination(Qt::CTRL | Qt::Key_Y)}) {
        REQUIRE(app::edits::addTrack(doc, engine::TrackKind::Video, &error));
        const int tracks = static_cast<int>(doc.project().tracks.size());
        focusEditor(window);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        CHECK(static_cast<int>(doc.project().tracks.size()) == tracks - 1);
        QTest::keyClick(QApplication::focusWidget(), key.key(), key.keyboardModifiers());
        CHECK(static_cast<int>(doc.project().tracks.size()) == tracks); // redone
    }
    QString title;
    DialogCloser closer([&](QWidget* w) {
        if (auto* dialog = qobject_cast<QFileDialog*>(w)) title = dialog->windowTitle();
    });
    focusEditor(window);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S,
                    Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(waitFor([&] { return !title.isEmpty(); }, 3000));
    CHECK(title == QStringLiteral("Save project"));
}

TEST_CASE("Help: keyboard shortcuts searchable, documentation shipped, About names the version and "
          "libraries",
          "[ui][help]") {
    app::MainWindow window;
    app::ShortcutsDialog shortcuts(app::menuShortcuts(window.menuBar()));
    const int all = shortcuts.list()->topLevelItemCount();
    CHECK(all > 30);
    shortcuts.setFilter(QStringLiteral("redo"));
    int shown = 0;
    for (int i = 0; i < all; ++i)
        shown += shortcuts.list()->topLevelItem(i)->isHidden() ? 0 : 1;
    CHECK(shown == 1);
    shortcuts.setFilter(QStringLiteral("Ctrl+Shift+S"));
    for (int i = 0; i < all; ++i)
        if (!shortcuts.list()->topLevelItem(i)->isHidden())
            CHECK(shortcuts.list()->topLevelItem(i)->text(0) == QStringLiteral("Save As"));

    app::DocumentationDialog docs;
    CHECK(docs.pages().size() >= 10);
    REQUIRE(docs.showPage(QStringLiteral("editor.md")));
    CHECK(docs.browser()->toPlainText().contains(QStringLiteral("Shortcuts")));

    const QString about = window.aboutText();
    CHECK(about.contains(QApplication::applicationVersion()));
    CHECK(about.contains(QStringLiteral("FFmpeg")));
    CHECK(about.contains(QStringLiteral("Qt 6")));
    CHECK(about.contains(QStringLiteral("PortAudio")));
}

TEST_CASE(
    "a new project guides: empty bin and viewer say how to begin, history starts at 'New project'",
    "[ui][guidance]") {
    app::MainWindow window;
    CHECK(window.mediaBin().itemCount() == 0);
    CHECK(app::MediaBin::emptyHint().contains(QStringLiteral("Ctrl+I")));
    CHECK(window.viewer().hint().contains(QStringLiteral("Import")));
    CHECK(window.document().origin() == QStringLiteral("New project"));
    REQUIRE(window.openPath(kDemo));
    CHECK(window.viewer().hint().isEmpty());
    CHECK(window.document().origin() == QStringLiteral("Opened demo.entropic"));
}

TEST_CASE("timeline header buttons that show a letter name their action", "[ui][guidance]") {
    app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto& timeline = window.timeline();
    QStringList tips;
    for (int y = 0; y < timeline.height(); y += 3)
        for (int x = 0; x < 220; x += 3) {
            const QString tip = timeline.toolTipAt(QPoint(x, y));
            if (!tip.isEmpty() && !tips.contains(tip)) tips << tip;
        }
    INFO(tips.join(QStringLiteral(" | ")).toStdString());
    CHECK(tips.filter(QStringLiteral("(H)")).size() == 1);
    CHECK(tips.filter(QStringLiteral("(M)")).size() == 1);
    CHECK(tips.filter(QStringLiteral("Solo (S)")).size() == 2);
    CHECK(tips.filter(QStringLiteral("Lock (L)")).size() == 1);
    CHECK(tips.filter(QStringLiteral("(+V)")).size() == 1);
    CHECK(tips.filter(QStringLiteral("(+A)")).size() == 1);
}

TEST_CASE("the quit prompt names the file without the title's unsaved mark", "[ui][guidance]") {
    app::MainWindow window;
    window.show();
    QString error;
    REQUIRE(app::edits::addTrack(window.document(), engine::TrackKind::Video, &error));
    REQUIRE(window.document().displayName() == QStringLiteral("Untitled*"));
    QString asked;
    QTimer::singleShot(50, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        asked = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    window.close();
    CHECK(asked == QStringLiteral("Save the changes to Untitled?"));
    CHECK(window.isVisible()); // cancelled
}

TEST_CASE("the import dialog offers media first, keeps All files, and remembers the folder",
          "[ui][files]") {
    app::MainWindow window;
    window.show();
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    QSettings().setValue(QStringLiteral("files/importFolder"), folder.path());
    QString openedIn;
    QStringList filters;
    DialogCloser closer([&](QWidget* w) {
        auto* dialog = qobject_cast<QFileDialog*>(w);
        if (!dialog || !openedIn.isEmpty()) return;
        openedIn = dialog->directory().absolutePath();
        filters = dialog->nameFilters();
    });
    QAction* import = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == QStringLiteral("&Import Media…")) import = action;
    REQUIRE(import);
    import->trigger();
    CHECK(openedIn == QDir(folder.path()).absolutePath());
    REQUIRE(filters.size() >= 2);
    CHECK(filters.front().startsWith(QStringLiteral("Media (")));
    CHECK(filters.front().contains(QStringLiteral("*.mp4")));
    CHECK(filters.back() == QStringLiteral("All files (*)"));
}

TEST_CASE("while playing, the status bar shows the frame on screen, the playhead is saved with the "
          "project",
          "[ui][playback]") {
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("moved.entropic"));
    {
        app::MainWindow window;
        window.resize(1600, 960);
        window.show();
        int stills = 0;
        QObject::connect(&window.frameFeed(), &app::FrameFeed::frameReady, &window,
                         [&] { ++stills; });
        REQUIRE(window.openPath(kDemo));
        REQUIRE(waitFor([&] { return window.engine().isReady() && stills > 0; }));
        int presented = 0;
        QObject::connect(&window.player(), &app::Player::framePresented, &window,
                         [&] { ++presented; });
        window.player().play();
        REQUIRE(waitFor([&] { return presented >= 12; }, 20000));
        const QString status = window.frameStatus();
        INFO(status.toStdString());
        CHECK(status.startsWith(
            QStringLiteral("frame %1 · playing").arg(window.viewer().shownFrame())));
        CHECK(!status.contains(QStringLiteral(" ms")));
        window.player().pause();
        window.transport().setFrame(37);
        QString error;
        REQUIRE(window.document().save(saved, &error));
    }
    app::MainWindow reopened;
    REQUIRE(reopened.openPath(saved));
    CHECK(reopened.document().editorState().playhead == 37);
    CHECK(reopened.transport().frame() == 37);
}
