#pragma once
// Shared by the UI tests: run the event loop until something happened.
#include <functional>

#include <QApplication>
#include <QElapsedTimer>

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

} // namespace entropic::test
