// Pads in the editor as a user plays them: the Performance panel's grid and
// default keys; "Drive a parameter…" from a pad's menu; a pad key held while
// stopped changes the frame on screen and releasing it brings the frame
// back; keys typed into a text field never play a pad; "Keys play pads" lets
// a pad take a key the editor uses (S); an armed take recorded while
// playing, quantized to the beat, starts on a beat and renders in
// entropic-render exactly as the preview shows it.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include "commands/edits.h"
#include "commands/performance_edits.h"
#include "model/project_document.h"
#include "modulation/route_dialog.h"
#include "performance/pad_button.h"
#include "performance/performance_panel.h"
#include "performance/quantize.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"
#include "ui_support.h"
#include "viewer/viewer_widget.h"
#include "window/main_window.h"

using namespace entropic;
using test::waitFor;

namespace {

QAction* actionWithData(QMenu& menu, const QString& data) {
    for (auto* action : menu.actions()) {
        if (action->data().toString() == data) return action;
        if (action->menu())
            if (auto* inner = actionWithData(*action->menu(), data)) return inner;
    }
    return nullptr;
}

// The Performance panel, its dock raised as a user would bring it up.
app::PerformancePanel* shownPerformancePanel(app::MainWindow& window) {
    for (auto* dock : window.findChildren<QDockWidget*>())
        if (dock->objectName() == QStringLiteral("performance")) dock->raise();
    return window.findChild<app::PerformancePanel*>();
}

} // namespace

TEST_CASE("pads: a key held while stopped changes the frame, a recorded take renders as previewed",
          "[ui][performance]") {
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/signals.entropic"), stills));
    auto& doc = window.document();

    auto* panel = shownPerformancePanel(window);
    REQUIRE(panel);
    CHECK((panel->rows() == 4 && panel->columns() == 4));
    CHECK(panel->padButton(0)->key() == "1");
    CHECK(panel->padButton(5)->key() == "W");
    CHECK(panel->padButton(15)->key() == "V");
    CHECK(panel->padButton(0)->isEmptySlot());

    // A click on the first slot makes a pad there, with its key.
    QTest::mouseClick(panel->padButton(0), Qt::LeftButton);
    REQUIRE(doc.editorState().pads.size() == 1);
    CHECK(panel->padButton(0)->name() == "Pad 1");
    CHECK(panel->padButton(0)->key() == "1");
    const QString lane = QString::fromStdString(doc.editorState().pads[0].lane);

    // "Drive a parameter…": the wave's phase through an envelope, in the
    // route dialog, one undo step.
    window.selection().select(QStringLiteral("life"));
    {
        QMenu menu;
        panel->fillPadMenu(0, menu);
        auto* drive = actionWithData(menu, QStringLiteral("wave-1.phase"));
        REQUIRE(drive);
        QTimer::singleShot(300, [] {
            auto* dialog = qobject_cast<app::RouteDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            for (auto* box : dialog->findChildren<QDoubleSpinBox*>())
                if (box->suffix() == QStringLiteral(" %")) box->setValue(80);
            dialog->accept();
        });
        const int entries = doc.undoStack()->count();
        drive->trigger();
        CHECK(doc.undoStack()->count() == entries + 1);
    }
    const auto& route = doc.project().signals.routes.back();
    CHECK(route.signal == app::edits::padSource(doc, lane).toStdString());
    CHECK(route.target.param == "phase");
    CHECK(route.processing.adsr.has_value());

    // Stopped at frame 40: holding the key shows the pad on that frame.
    window.transport().setFrame(40);
    REQUIRE(waitFor([&] { return stills.shown == 40; }));
    waitFor([] { return false; }, 1500); // the route's reload settles
    const QString before = stills.hash;
    QTest::keyPress(&window.viewer(), Qt::Key_1);
    CHECK(panel->padButton(0)->isLit());
    REQUIRE(waitFor([&] { return stills.shown == 40 && stills.hash != before; }));
    const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
    QDir().mkpath(shots);
    CHECK(panel->grab().save(shots + QStringLiteral("/performance-panel.png")));
    QTest::keyRelease(&window.viewer(), Qt::Key_1);
    CHECK_FALSE(panel->padButton(0)->isLit());
    REQUIRE(waitFor([&] { return stills.shown == 40 && stills.hash == before; }));
    CHECK(doc.project().performance.front().events.empty()); // playing stopped is not recording

    // Typing in a text field never plays a pad.
    {
        QLineEdit field(&window);
        field.show();
        field.setFocus();
        QTest::keyPress(&field, Qt::Key_1);
        CHECK_FALSE(panel->padButton(0)->isLit());
        QTest::keyRelease(&field, Qt::Key_1);
        CHECK(field.text() == "1");
    }

    // S splits clips; with "Keys play pads" on, the pad on S takes it.
    while (doc.editorState().pads.size() < 10)
        REQUIRE(panel->makePad(static_cast<int>(doc.editorState().pads.size())));
    CHECK(panel->padButton(9)->key() == "S");
    panel->keysPlayPads()->setChecked(true);
    const int entries = doc.undoStack()->count();
    QTest::keyPress(&window.viewer(), Qt::Key_S);
    CHECK(panel->padButton(9)->isLit());
    QTest::keyRelease(&window.viewer(), Qt::Key_S);
    CHECK_FALSE(panel->padButton(9)->isLit());
    CHECK(doc.undoStack()->count() == entries); // nothing was split
    panel->keysPlayPads()->setChecked(false);

    // Armed, playing, quantized to the beat: the held key becomes an event
    // starting on a beat of the project's tempo, written at stop.
    panel->armButton()->setChecked(true);
    REQUIRE(panel->quantize()->count() == static_cast<int>(app::quantizeChoices().size()));
    panel->quantize()->setCurrentIndex(4);
    REQUIRE(panel->quantize()->currentText() == "1 beat");
    const double beat = app::quantizeStep(1, doc.project().tempoBpm, doc.project().frameRate);
    REQUIRE(beat > 1);
    window.transport().setFrame(0);
    auto& player = window.player();
    player.play();
    REQUIRE(waitFor([&] { return player.position() >= 10; }, 30000));
    const double pressedAt = player.position();
    QTest::keyPress(&window.viewer(), Qt::Key_1);
    REQUIRE(waitFor([&] { return player.position() >= pressedAt + 15; }, 30000));
    QTest::keyRelease(&window.viewer(), Qt::Key_1);
    REQUIRE(waitFor([&] { return player.position() >= pressedAt + 20; }, 30000));
    player.pause();
    REQUIRE(waitFor([&] { return !player.playing(); }));
    CHECK(doc.undoStack()->undoText() == "Record take");
    REQUIRE(doc.project().performance.front().events.size() == 1);
    const auto event = doc.project().performance.front().events.front();
    // On the beat nearest the press, its length kept.
    const double beats = std::round(static_cast<double>(event.onFrame) / beat);
    CHECK(event.onFrame == std::llround(beats * beat));
    CHECK(std::abs(static_cast<double>(event.onFrame) - pressedAt) <= beat / 2 + 1);
    CHECK(event.offFrame - event.onFrame >= 14);
    panel->quantize()->setCurrentIndex(0); // the choice is saved: leave it off

    // The preview of a frame inside the hit equals entropic-render's.
    const std::int64_t inside = (event.onFrame + event.offFrame) / 2;
    window.transport().setFrame(inside);
    REQUIRE(waitFor([&] { return stills.shown == inside; }));
    waitFor([] { return false; }, 1500);
    REQUIRE(stills.shown == inside);
    const QString preview = stills.hash;
    QTemporaryDir dir;
    QString error;
    REQUIRE(doc.save(dir.filePath(QStringLiteral("take.entropic")), &error));
    QProcess render;
    render.start(QStringLiteral(ENTROPIC_RENDER_PATH),
                 {dir.filePath(QStringLiteral("take.entropic")), QStringLiteral("-o"),
                  dir.filePath(QStringLiteral("frames/")), QStringLiteral("--range"),
                  QStringLiteral("%1:%2").arg(inside).arg(inside + 1),
                  QStringLiteral("--frame-hashes"), dir.filePath(QStringLiteral("hashes.txt")),
                  QStringLiteral("--no-audio"), QStringLiteral("--quiet")});
    REQUIRE(render.waitForFinished(120000));
    INFO(render.readAllStandardError().toStdString());
    REQUIRE(render.exitCode() == 0);
    QFile hashes(dir.filePath(QStringLiteral("hashes.txt")));
    REQUIRE(hashes.open(QIODevice::ReadOnly));
    const QStringList line = QString::fromUtf8(hashes.readLine()).trimmed().split(QLatin1Char(' '));
    REQUIRE(line.size() == 2);
    CHECK(line[1] == preview);
    doc.undoStack()->clear();
}

TEST_CASE("a pad bypasses an effect while held and jumps to its marker", "[ui][performance]") {
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/signals.entropic"), stills));
    auto& doc = window.document();
    auto* panel = shownPerformancePanel(window);
    REQUIRE(panel);
    REQUIRE(panel->makePad(0));
    window.selection().select(QStringLiteral("life"));

    // Bypass the wave while the pad is held: one undo step, a route into its mix.
    {
        QMenu menu;
        panel->fillPadMenu(0, menu);
        auto* bypass = menu.findChild<QMenu*>(QStringLiteral("padBypassMenu"));
        REQUIRE(bypass);
        auto* wave = actionWithData(*bypass, QStringLiteral("wave-1"));
        REQUIRE(wave);
        const int entries = doc.undoStack()->count();
        wave->trigger();
        CHECK(doc.undoStack()->count() == entries + 1);
    }
    const auto route = doc.project().signals.routes.back();
    CHECK(route.target.effect == "wave-1");
    CHECK(route.target.param == "mix");
    CHECK(route.depth == -1);
    CHECK_FALSE(route.processing.invert);

    // Held while stopped, the frame is the frame of the project with the
    // wave switched off; released, it comes back. (The demo's wave rests at
    // amplitude 0 until its sweep moves it: give it a visible base.)
    QString error;
    REQUIRE(app::edits::setParameter(doc, QStringLiteral("life"), QStringLiteral("wave-1"),
                                     QStringLiteral("amplitude"), {40, 0, 0, 0}, &error));
    window.transport().setFrame(120);
    REQUIRE(waitFor([&] { return stills.shown == 120; }));
    waitFor([] { return false; }, 1500); // the edits' reload settles
    const QString before = stills.hash;
    REQUIRE(app::edits::setEffectEnabled(doc, QStringLiteral("life"), QStringLiteral("wave-1"),
                                         false, &error));
    REQUIRE(waitFor([&] { return stills.shown == 120 && stills.hash != before; }));
    const QString withoutWave = stills.hash;
    doc.undoStack()->undo();
    REQUIRE(waitFor([&] { return stills.shown == 120 && stills.hash == before; }));
    // As a user would: a click on the picture takes the keys from any text box.
    QTest::mouseClick(&window.viewer(), Qt::LeftButton);
    CHECK(QApplication::focusWidget() == &window.viewer());
    QTest::keyPress(&window.viewer(), Qt::Key_1);
    CHECK(panel->padButton(0)->isLit());
    REQUIRE(waitFor([&] { return stills.shown == 120 && stills.hash == withoutWave; }));
    QTest::keyRelease(&window.viewer(), Qt::Key_1);
    REQUIRE(waitFor([&] { return stills.shown == 120 && stills.hash == before; }));

    // Jump to a marker: the pad shows it, and a hit while stopped moves the
    // playhead there at once.
    REQUIRE(app::edits::addMarker(doc, 90, QStringLiteral("Drop"), &error));
    {
        QMenu menu;
        panel->fillPadMenu(0, menu);
        auto* jump = menu.findChild<QMenu*>(QStringLiteral("padJumpMenu"));
        REQUIRE(jump);
        QAction* drop = nullptr;
        for (auto* action : jump->actions())
            if (action->data().toLongLong() == 90) drop = action;
        REQUIRE(drop);
        CHECK(drop->text().contains("Drop"));
        drop->trigger();
    }
    CHECK(doc.editorState().pads[0].cueFrame == 90);
    CHECK(panel->padButton(0)->mode().contains("Drop"));
    QTest::keyPress(&window.viewer(), Qt::Key_1);
    QTest::keyRelease(&window.viewer(), Qt::Key_1);
    CHECK(window.transport().frame() == 90);
    REQUIRE(waitFor([&] { return stills.shown == 90; }));
    doc.undoStack()->clear();
}
