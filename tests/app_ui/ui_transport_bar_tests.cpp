// The transport bar under the viewer, clicked and typed into as a user does:
// its buttons move the playhead and play, the timecode field jumps to what is
// typed and refuses what is not a time, the shuttle label follows J/K/L, the
// tooltips name the shortcuts. Also grabs the viewer with its bar.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "timeline/timeline_widget.h"
#include "transport/transport.h"
#include "transport/transport_bar.h"
#include "ui_support.h"
#include "viewer/timecode.h"
#include "viewer/viewer_widget.h"
#include "window/main_window.h"

using namespace entropic;

namespace {

using test::actionFor;
using test::waitFor;

QString keyText(const QKeySequence& key) {
    return key.toString(QKeySequence::NativeText);
}

void typeInto(QLineEdit* field, const QString& text) {
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

TEST_CASE("the transport bar drives the playhead and the player, and says its shortcuts",
          "[ui][transport]") {
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic"), stills));

    auto& bar = window.transportBar();
    auto& transport = window.transport();
    auto button = [&](const char* name) {
        auto* b = bar.findChild<QToolButton*>(QString::fromLatin1(name));
        REQUIRE(b);
        return b;
    };

    SECTION("frame and go-to buttons move the playhead; tooltips carry the shortcuts") {
        transport.setFrame(10);
        QTest::mouseClick(button("nextFrame"), Qt::LeftButton);
        CHECK(transport.frame() == 11);
        QTest::mouseClick(button("previousFrame"), Qt::LeftButton);
        QTest::mouseClick(button("previousFrame"), Qt::LeftButton);
        CHECK(transport.frame() == 9);
        QTest::mouseClick(button("toEnd"), Qt::LeftButton);
        CHECK(transport.frame() == transport.lastFrame());
        QTest::mouseClick(button("toStart"), Qt::LeftButton);
        CHECK(transport.frame() == 0);

        CHECK(button("nextFrame")->toolTip() ==
              QStringLiteral("Next frame (%1)").arg(keyText(QKeySequence(Qt::Key_Right))));
        CHECK(
            button("previousFrame")->toolTip().endsWith(keyText(QKeySequence(Qt::Key_Left)) + ')'));
        CHECK(button("toStart")->toolTip().endsWith(keyText(QKeySequence(Qt::Key_Home)) + ')'));
        CHECK(button("toEnd")->toolTip().endsWith(keyText(QKeySequence(Qt::Key_End)) + ')'));
        CHECK(button("playPause")->toolTip() ==
              QStringLiteral("Play (%1)").arg(keyText(QKeySequence(Qt::Key_Space))));
        CHECK(
            button("loop")->toolTip().endsWith(keyText(QKeySequence(Qt::CTRL | Qt::Key_L)) + ')'));
        CHECK_FALSE(button("stop")->toolTip().isEmpty());
        CHECK_FALSE(button("followPlayhead")->toolTip().isEmpty());
    }

    SECTION("loop and follow playhead are the window's own switches") {
        QAction* loop = actionFor(window, QKeySequence(Qt::CTRL | Qt::Key_L));
        REQUIRE(loop);
        const bool wasLooping = loop->isChecked();
        CHECK(button("loop")->isChecked() == wasLooping);
        QTest::mouseClick(button("loop"), Qt::LeftButton);
        CHECK(loop->isChecked() == !wasLooping);
        CHECK(window.player().loopEnabled() == !wasLooping);
        loop->toggle(); // from the menu: the button follows
        CHECK(button("loop")->isChecked() == wasLooping);

        QAction* follow = window.timeline().followPlayheadAction();
        // Another test's key presses may have saved it off (shared test settings).
        follow->setChecked(true);
        REQUIRE(follow->isChecked());
        REQUIRE(button("followPlayhead")->isEnabled());
        CHECK(button("followPlayhead")->isChecked());
        QTest::mouseClick(button("followPlayhead"), Qt::LeftButton);
        CHECK_FALSE(follow->isChecked());
        CHECK_FALSE(QSettings().value(QStringLiteral("timeline/followPlayhead")).toBool());
        // Off: moving the playhead far right leaves the view where it was.
        window.timeline().setPixelsPerFrame(40);
        window.timeline().setScrollX(0);
        transport.setFrame(transport.lastFrame());
        CHECK(window.timeline().visibleRange().first == 0);
        QTest::mouseClick(button("followPlayhead"), Qt::LeftButton);
        CHECK(follow->isChecked());
        CHECK(QSettings().value(QStringLiteral("timeline/followPlayhead")).toBool());
        // On: the view pages on to the playhead.
        transport.setFrame(0);
        transport.setFrame(transport.lastFrame());
        CHECK(window.timeline().visibleRange().first > 0);
    }

    SECTION("the timecode field jumps to a timecode, seconds or a frame, and refuses the rest") {
        auto* field = bar.findChild<QLineEdit*>(QStringLiteral("timecode"));
        REQUIRE(field);
        transport.setFrame(7);
        CHECK(field->text() == QStringLiteral("00:00:00:07"));
        typeInto(field, QStringLiteral("00:00:01:00"));
        CHECK(transport.frame() == 30); // the demo runs at 30 fps
        CHECK(field->text() == QStringLiteral("00:00:01:00"));
        typeInto(field, QStringLiteral("45"));
        CHECK(transport.frame() == 45);
        typeInto(field, QStringLiteral("0.5s"));
        CHECK(transport.frame() == 15);
        typeInto(field, QStringLiteral("1:10"));
        CHECK(transport.frame() == 40);

        for (const char* bad : {"abc", "00:00:00:30", "1:75:00", "-5", "12:ab"}) {
            INFO(bad);
            typeInto(field, QString::fromLatin1(bad));
            CHECK(transport.frame() == 40);
            CHECK(field->text() == QStringLiteral("00:00:01:10")); // snapped back
            CHECK(QToolTip::text().contains(QStringLiteral("is not a time")));
        }
        // Past the end: the playhead stops at the last frame.
        typeInto(field, QStringLiteral("999999"));
        CHECK(transport.frame() == transport.lastFrame());
    }

    SECTION("play, the shuttle label following J/K/L, and stop back to where play started") {
        auto* shuttle = bar.findChild<QLabel*>(QStringLiteral("shuttle"));
        REQUIRE(shuttle);
        CHECK(shuttle->text() == QString(QChar(0x2016)));
        QAction* j = actionFor(window, QKeySequence(Qt::Key_J));
        QAction* k = actionFor(window, QKeySequence(Qt::Key_K));
        QAction* l = actionFor(window, QKeySequence(Qt::Key_L));
        REQUIRE((j && k && l));
        transport.setFrame(60);
        l->trigger();
        CHECK(shuttle->text() == QStringLiteral("\u25B6 1×"));
        l->trigger();
        CHECK(shuttle->text() == QStringLiteral("\u25B6 2×"));
        j->trigger();
        CHECK(shuttle->text() == QStringLiteral("\u25C0 1×"));
        j->trigger();
        j->trigger();
        CHECK(shuttle->text() == QStringLiteral("\u25C0 4×"));
        CHECK(button("playPause")->toolTip().startsWith(QStringLiteral("Pause")));
        k->trigger();
        CHECK(shuttle->text() == QString(QChar(0x2016)));
        CHECK_FALSE(window.player().playing());

        transport.setFrame(20);
        QTest::mouseClick(button("playPause"), Qt::LeftButton);
        CHECK(window.player().playing());
        CHECK(shuttle->text() == QStringLiteral("\u25B6 1×"));
        REQUIRE(waitFor([&] { return transport.frame() > 26; }, 20000));
        QTest::mouseClick(button("stop"), Qt::LeftButton);
        CHECK_FALSE(window.player().playing());
        CHECK(transport.frame() == 20);
        QTest::mouseClick(button("stop"), Qt::LeftButton);
        CHECK(transport.frame() == 0);
    }

    SECTION("a look at it") {
        transport.setFrame(42);
        const int before = stills.count;
        REQUIRE(waitFor([&] { return stills.count > before && window.viewer().shownFrame() == 42; },
                        20000));
        const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
        QDir().mkpath(shots);
        QWidget* panel = bar.parentWidget();
        CHECK(panel->grab().save(shots + QStringLiteral("/viewer-transport-bar.png")));
        CHECK(bar.grab().save(shots + QStringLiteral("/transport-bar.png")));
    }
}
