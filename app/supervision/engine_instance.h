#pragma once
// One engine process and the two threads that talk to it. Single use: it is
// started once, dies at most once (reported once), and a restart makes a new
// EngineInstance. Everything here runs on the UI thread and never blocks it,
// except shutdown(), which the supervisor calls when the editor quits.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include "supervision/engine_watchdog.h"

namespace entropic::app {

class EngineRequestThread;
class UiMailbox;

class EngineInstance : public QObject {
    Q_OBJECT
  public:
    static constexpr int kRingSlots = 8;
    struct Options {
        QString program;
        QStringList extraArgs;
        std::chrono::milliseconds pingInterval{1000};
        int missedPingsAllowed = 3;
    };
    // Called on the UI thread with every reply to send().
    using ReplySink = std::function<void(std::uint64_t id, const nlohmann::json& reply)>;

    EngineInstance(Options options, ReplySink replies, QObject* parent = nullptr);
    ~EngineInstance() override; // SIGKILLs the process if it still runs

    // Starts the process on a fresh private endpoint. announced() or died() follows.
    void start();
    // After hello succeeded: the watchdog starts pinging.
    void startWatchdog();
    // Queues a request on the request thread (only after announced()).
    void send(std::uint64_t id, nlohmann::json request, int timeoutMs);
    // SIGKILL, without waiting (a frozen engine ignores everything else). The
    // threads are let go; reaped() follows once the process is gone.
    void kill();
    // For quitting: `shutdown` command, then SIGTERM, then SIGKILL, waiting up
    // to `budget` in all. Blocks.
    void shutdown(std::chrono::milliseconds budget);

    qint64 pid() const { return pid_; }
    QString endpoint() const { return endpoint_; }
    QString ringName() const { return ringName_; }
    bool isDead() const { return dead_; }
    bool isReaped() const { return reaped_; }

  Q_SIGNALS:
    // The engine printed its announcement: requests can be sent.
    void announced();
    // Watchdog news: the engine answered a ping (busy: rendering or exporting).
    void pinged(bool busy);
    // The engine is gone or useless (exited, failed to start, or 3 pings
    // missed). Emitted once; what is left of it is being killed.
    void died(const QString& reason);
    // The process has exited and been waited for; its leftovers are removed.
    void reaped();

  private:
    void readAnnouncement();
    void readErrors();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onWatchdog(const WatchdogReport& report);
    void declareDead(const QString& reason);
    void stopThreads();
    void removeLeftovers();

    Options options_;
    ReplySink replies_;
    std::shared_ptr<UiMailbox> mailbox_;
    QProcess* process_ = nullptr;
    std::unique_ptr<EngineRequestThread> requests_;
    std::unique_ptr<EngineWatchdog> watchdog_;
    QString endpoint_;
    QString ringName_;
    qint64 pid_ = 0;
    QByteArray errorTail_; // last lines the engine wrote on stderr, for the reason of a death
    bool announcedYet_ = false;
    bool dead_ = false;
    bool reaped_ = false;
    bool cleanExit_ = false;
};

} // namespace entropic::app
