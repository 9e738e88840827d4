#pragma once
// Waiting in a benchmark the way the editor waits: the UI thread sleeps in
// its event loop until something arrives. A loop around processEvents()
// would spin a whole core, which on this 2-core machine is taken from the
// engine and the decoder and inflates every figure the bench measures.
#include <functional>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace entropic::bench {

// Runs the event loop for ms milliseconds, asleep when idle.
inline void runFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Until done() (checked every millisecond or two) or the timeout; false on timeout.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        runFor(1);
    }
    return true;
}

} // namespace entropic::bench
