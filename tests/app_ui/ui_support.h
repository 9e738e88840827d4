#pragma once
// Shared by the UI tests: run the event loop until something happened; find
// the action a key is bound to.
#include <functional>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QKeySequence>

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

} // namespace entropic::test
