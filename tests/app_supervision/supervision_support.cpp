#include "supervision_support.h"

#include <signal.h>

#include <cerrno>
#include <fstream>
#include <optional>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include "test_support.h"

namespace entropic::test {

bool spinUntil(const std::function<bool()>& condition, int timeoutMs) {
    if (condition()) return true;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(10);
    bool met = false;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (condition()) {
            met = true;
            loop.quit();
        } else if (clock.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    tick.start();
    loop.exec();
    return met || condition();
}

void spinFor(int ms) {
    QElapsedTimer clock;
    clock.start();
    spinUntil([&] { return clock.elapsed() >= ms; }, ms + 1000);
}

app::EngineSupervisor::Options engineOptions() {
    app::EngineSupervisor::Options options;
    options.program = QStringLiteral(ENTROPIC_ENGINE_PATH);
    options.extraArgs = {QStringLiteral("--threads"), QStringLiteral("1")};
    return options;
}

nlohmann::json testProject(int width, int height, std::int64_t frames) {
    return clipProjectJson(testMedia("bframes.mp4"), frames, nlohmann::json::array(), width,
                           height);
}

bool processGone(qint64 pid) {
    if (pid <= 0) return true;
    if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) return true;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return true;
    const auto close = line.rfind(')');
    return close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z';
}

bool ringExists(const QString& ringName) {
    return !ringName.isEmpty() && QFile::exists(QStringLiteral("/dev/shm") + ringName);
}

nlohmann::json requestAndWait(app::EngineSupervisor& engine, nlohmann::json request,
                              int timeoutMs) {
    // Shared: if the wait gives up, a late reply must not write to a dead frame.
    const auto reply = std::make_shared<std::optional<nlohmann::json>>();
    engine.request(
        std::move(request), [reply](const nlohmann::json& r) { *reply = r; }, timeoutMs);
    if (!spinUntil([&] { return reply->has_value(); }, timeoutMs + 20000))
        return {{"ok", false},
                {"error", {{"code", "test_timeout"}, {"message", "no reply at all"}}}};
    return **reply;
}

} // namespace entropic::test
