#pragma once
// The editor's engine: starts its own entropic-engine, keeps it alive, and is
// the one door through which the editor talks to it (docs/engine-supervision.md).
//
// Lives on the UI thread and never blocks it: the process is watched through
// QProcess signals, requests run on the current engine's request thread,
// pings on its watchdog thread, and every reply comes back as a callback on
// the UI thread. Only the destructor waits (up to ~2 s) for the engine to exit.
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <nlohmann/json.hpp>

#include "supervision/export_watch.h"
#include "supervision/restart_policy.h"

namespace entropic::app {

class EngineInstance;

class EngineSupervisor : public QObject {
    Q_OBJECT
  public:
    enum class State {
        Starting,   // the first engine (or one after restart()) is coming up
        Ready,      // requests go straight to the engine
        Busy,       // ready, and the engine says it is rendering or exporting
        Restarting, // an engine died; a new one is coming up
        Failed,     // gave up (failureReason()); restart() tries again
    };
    Q_ENUM(State)

    struct Options {
        QString program; // empty: EngineLocator::locate()
        QStringList extraArgs;
        std::chrono::milliseconds pingInterval{1000};
        int missedPingsAllowed = 3;
        int maxRestarts = 3; // deaths allowed within restartWindow before giving up
        std::chrono::milliseconds restartWindow{60000};
        std::chrono::milliseconds startTimeout{15000};  // launch to hello answered
        std::chrono::milliseconds shutdownBudget{2000}; // at quit, before SIGKILL
    };

    using ReplyHandler = std::function<void(const nlohmann::json& reply)>;
    static constexpr int kDefaultTimeoutMs = 5000;
    static constexpr int kProtocolVersion = 1;

    explicit EngineSupervisor(QObject* parent = nullptr);
    explicit EngineSupervisor(Options options, QObject* parent = nullptr);
    // Sends shutdown, waits up to shutdownBudget, then SIGKILLs. Callbacks of
    // requests still pending are dropped, not called.
    ~EngineSupervisor() override;

    // Starts the first engine. Connect the signals first.
    void start();
    // Forgets past deaths and starts a fresh engine (after gaveUp, once the
    // user has bypassed the effect that crashed it; also works in any state).
    void restart();

    State state() const { return state_; }
    // For the status bar: "Engine ready", "Engine restarting…", ...
    QString stateText() const;
    static QString stateName(State state);
    bool isReady() const { return state_ == State::Ready || state_ == State::Busy; }
    QString failureReason() const { return failure_; }
    qint64 enginePid() const;
    QString ringName() const;
    QString endpoint() const;
    int restartCount() const { return restarts_; }
    // The limits after which the supervisor stops restarting (gaveUp).
    const RestartPolicy& restartPolicy() const { return policy_; }

    // Sends `request` (an object with "cmd") and calls onReply on the UI thread
    // with the reply, exactly once — unless `context` was given and has been
    // destroyed by then. A request made while the engine is starting or
    // restarting waits until it is ready; one that times out, or whose engine
    // died, or made after gaveUp, is answered with {"ok": false, "error":
    // {"code": "engine_unavailable", ...}}. onReply is never called from
    // inside request() itself.
    void request(nlohmann::json request, ReplyHandler onReply, int timeoutMs = kDefaultTimeoutMs,
                 QObject* context = nullptr);

  Q_SIGNALS:
    void stateChanged(entropic::app::EngineSupervisor::State state);
    // An engine died and a new one is being started ("Engine restarting…").
    void restarting(const QString& reason);
    // An engine is ready and has nothing of ours: send the project now. Every
    // request made from here is sent before the ones queued while it started.
    void engineReady();
    // Right after engineReady() and the queued requests: carry on (a viewer
    // asks for its frame again here, so it is rendered with the project).
    void engineResumed();
    // Stopped restarting (reason names the last death); state is Failed.
    void gaveUp(const QString& reason);
    // An export was running in an engine that died; nothing was written to path.
    void exportInterrupted(const QString& path, const QString& message);

  private:
    struct Pending {
        std::uint64_t id = 0;
        std::string cmd;
        nlohmann::json request; // kept only while queued
        ReplyHandler onReply;
        QPointer<QObject> context;
        bool hasContext = false;
        int timeoutMs = kDefaultTimeoutMs;
    };

    void startEngine();
    void sendHello();
    void becomeReady();
    void onDied(EngineInstance* engine, const QString& reason);
    void onReply(std::uint64_t id, const nlohmann::json& reply);
    void onPinged(bool busy);
    void giveUp(const QString& reason);
    void dispatch(Pending pending);
    void deliver(Pending& pending, const nlohmann::json& reply);
    void deliverLater(Pending pending, const nlohmann::json& reply);
    void failInFlight(const QString& message);
    void failQueued(const QString& message);
    void retire(EngineInstance* engine);
    void setState(State state);

    Options options_;
    RestartPolicy policy_;
    ExportWatch exports_;
    EngineInstance* engine_ = nullptr; // the current one; retired ones are children until reaped
    std::deque<Pending> queued_;
    std::map<std::uint64_t, Pending> inFlight_;
    QTimer startTimer_;
    State state_ = State::Starting;
    QString failure_;
    std::uint64_t nextId_ = 1;
    int restarts_ = 0;
    bool started_ = false;
};

} // namespace entropic::app
