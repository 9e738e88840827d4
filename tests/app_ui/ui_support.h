#pragma once
// Shared by the UI tests: run the event loop until something happened; find
// the action a key is bound to; open a project in a shown editor and watch
// the still frames it gets.
#include <functional>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QKeySequence>

#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "window/main_window.h"

namespace entropic::test {

inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 30000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// The window's action bound to `key`, wherever it lives; null if none.
inline QAction* actionFor(app::MainWindow& window, const QKeySequence& key) {
    for (QAction* action : window.findChildren<QAction*>())
        if (action->shortcut() == key) return action;
    return nullptr;
}

// The still frames the viewer gets (FrameFeed): the newest one's frame and
// hash, and how many came.
struct Stills {
    QString hash;
    qint64 shown = -1;
    int count = 0;
};

// Shows the editor at 1600×960, counts its still frames into `stills`, opens
// `path` and waits until the engine is up and has shown a frame of it.
inline bool openWatching(app::MainWindow& window, const QString& path, Stills& stills) {
    window.resize(1600, 960);
    window.show();
    QObject::connect(&window.frameFeed(), &app::FrameFeed::frameReady, &window,
                     [&stills](const QImage&, qint64 frame, const QString& hash, double) {
                         stills.hash = hash;
                         stills.shown = frame;
                         ++stills.count;
                     });
    return window.openPath(path) &&
           waitFor([&] { return window.engine().isReady() && stills.count > 0; });
}

} // namespace entropic::test
