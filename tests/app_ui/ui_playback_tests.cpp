// Playing in the editor as a user does: Space plays the demo, the viewer
// shows the presented frames and the playhead moves; Space again pauses on a
// full-resolution frame; left idle, the green bar fills with cached frames.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>

#include <functional>

#include "playback/cache_monitor.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "timeline/timeline_widget.h"
#include "transport/transport.h"
#include "ui_support.h"
#include "viewer/viewer_widget.h"
#include "window/main_window.h"

using namespace entropic;

namespace {

using test::actionFor;
using test::waitFor;

} // namespace

TEST_CASE("Space plays and pauses the demo, the green bar fills while idle", "[ui][playback]") {
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic"), stills));
    window.transport().setFrame(5);

    QAction* space = actionFor(window, QKeySequence(Qt::Key_Space));
    REQUIRE(space);
    int presented = 0;
    QObject::connect(&window.player(), &app::Player::framePresented, &window, [&] { ++presented; });
    space->trigger();
    CHECK(window.player().playing());
    REQUIRE(waitFor([&] { return presented >= 10; }, 20000));
    CHECK(window.transport().frame() > 5);
    CHECK(window.viewer().shownFrame() > 5);

    const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
    QDir().mkpath(shots);
    CHECK(window.grab().save(shots + QStringLiteral("/editor-playing.png")));

    const int before = stills.count;
    space->trigger();
    CHECK_FALSE(window.player().playing());
    // Paused: the viewer gets the paused frame from render_frame, whole.
    REQUIRE(waitFor([&] { return stills.count > before; }, 20000));
    CHECK(window.viewer().shownScale() == 1.0);
    CHECK(window.viewer().shownFrame() == window.transport().frame());

    // Left alone, the engine renders ahead of the playhead into its cache and
    // the timeline's green bar shows it.
    const qint64 at = window.transport().frame();
    auto cachedAhead = [&] {
        for (const auto& r : window.cacheMonitor().ranges())
            if (r.first <= at && r.second > at + 5) return true;
        return false;
    };
    CHECK(waitFor(cachedAhead, 30000));
    waitFor([] { return false; }, 1500);
    CHECK(window.grab().save(shots + QStringLiteral("/editor-green-bar.png")));
}
