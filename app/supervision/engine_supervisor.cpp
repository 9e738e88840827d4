#include "supervision/engine_supervisor.h"

#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/frame_ring.h"
#include "supervision/engine_instance.h"
#include "supervision/engine_locator.h"
#include "supervision/engine_reply.h"
#include "supervision/supervision_log.h"

namespace entropic::app {

namespace {
constexpr int kHelloTimeoutMs = 3000;
}

EngineSupervisor::EngineSupervisor(QObject* parent) : EngineSupervisor(Options{}, parent) {}

EngineSupervisor::EngineSupervisor(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)),
      policy_(options_.maxRestarts, options_.restartWindow) {
    startTimer_.setSingleShot(true);
    connect(&startTimer_, &QTimer::timeout, this, [this] {
        if (engine_)
            onDied(engine_, QStringLiteral("the engine did not become ready within %1 s")
                                .arg(options_.startTimeout.count() / 1000.0));
    });
}

EngineSupervisor::~EngineSupervisor() {
    startTimer_.stop();
    inFlight_.clear(); // callbacks may point at objects already gone: dropped
    queued_.clear();
    if (engine_) engine_->shutdown(options_.shutdownBudget);
    // Retired engines are children: their destructors SIGKILL and reap them.
}

QString EngineSupervisor::stateName(State state) {
    switch (state) {
    case State::Starting:
        return QStringLiteral("starting");
    case State::Ready:
        return QStringLiteral("ready");
    case State::Busy:
        return QStringLiteral("busy");
    case State::Restarting:
        return QStringLiteral("restarting");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString EngineSupervisor::stateText() const {
    switch (state_) {
    case State::Starting:
        return QString::fromUtf8("Engine starting…");
    case State::Ready:
        return QStringLiteral("Engine ready");
    case State::Busy:
        return QStringLiteral("Engine busy");
    case State::Restarting:
        return QString::fromUtf8("Engine restarting…");
    case State::Failed:
        return QStringLiteral("Engine stopped: ") + failure_;
    }
    return {};
}

qint64 EngineSupervisor::enginePid() const {
    return engine_ ? engine_->pid() : 0;
}
QString EngineSupervisor::ringName() const {
    return engine_ ? engine_->ringName() : QString();
}
QString EngineSupervisor::endpoint() const {
    return engine_ ? engine_->endpoint() : QString();
}

void EngineSupervisor::start() {
    if (started_) return;
    started_ = true;
    // What engines of editors that crashed earlier left behind (their socket
    // files and rings name a pid that is gone).
    try {
        ipc::removeStaleEndpoints();
        ipc::removeStaleRings();
    } catch (const std::exception& e) {
        qCWarning(lcEngine) << "cleaning up old engine files failed:" << e.what();
    }
    setState(State::Starting);
    startEngine();
}

void EngineSupervisor::restart() {
    started_ = true;
    policy_.reset();
    failure_.clear();
    EngineInstance* old = engine_;
    engine_ = nullptr;
    setState(State::Starting);
    if (old) {
        old->kill();
        retire(old);
        failInFlight(QStringLiteral("the engine was restarted"));
    }
    if (state_ == State::Starting && !engine_) startEngine();
}

void EngineSupervisor::startEngine() {
    QString program = options_.program;
    if (program.isEmpty()) {
        const EngineLocation location = EngineLocator::locate();
        if (!location.found()) {
            giveUp(location.error); // restarting cannot make it appear
            return;
        }
        program = location.path;
    }
    EngineInstance::Options instanceOptions{program, options_.extraArgs, options_.pingInterval,
                                            options_.missedPingsAllowed};
    auto* engine = new EngineInstance(
        instanceOptions,
        [this](std::uint64_t id, const nlohmann::json& reply) { onReply(id, reply); }, this);
    engine_ = engine;
    connect(engine, &EngineInstance::announced, this, [this, engine] {
        if (engine == engine_) sendHello();
    });
    connect(engine, &EngineInstance::died, this,
            [this, engine](const QString& reason) { onDied(engine, reason); });
    connect(engine, &EngineInstance::pinged, this, [this, engine](bool busy) {
        if (engine == engine_) onPinged(busy);
    });
    startTimer_.start(options_.startTimeout);
    engine->start();
}

void EngineSupervisor::sendHello() {
    Pending hello;
    hello.id = nextId_++;
    hello.cmd = "hello";
    hello.timeoutMs = kHelloTimeoutMs;
    EngineInstance* engine = engine_;
    hello.onReply = [this, engine](const nlohmann::json& reply) {
        if (engine != engine_) return;
        if (!replyOk(reply)) {
            onDied(engine, QStringLiteral("hello failed: ") + replyErrorMessage(reply));
            return;
        }
        const int protocol = reply.value("protocol", 0);
        if (protocol != kProtocolVersion) {
            // Restarting the same program cannot change its protocol.
            engine_ = nullptr;
            engine->kill();
            retire(engine);
            giveUp(QStringLiteral("the engine speaks protocol %1, this editor needs protocol %2")
                       .arg(protocol)
                       .arg(kProtocolVersion));
            return;
        }
        becomeReady();
    };
    hello.request = {{"cmd", "hello"}};
    dispatch(std::move(hello));
}

void EngineSupervisor::becomeReady() {
    startTimer_.stop();
    engine_->startWatchdog();
    qCInfo(lcEngine) << "engine" << engine_->pid() << "ready on" << engine_->endpoint();
    setState(State::Ready);
    Q_EMIT engineReady();
    // Whatever engineReady's listeners sent (the project) goes first.
    std::deque<Pending> queued;
    queued.swap(queued_);
    for (Pending& pending : queued) {
        if (!isReady() || !engine_) {
            queued_.push_back(std::move(pending)); // died meanwhile: wait for the next one
            continue;
        }
        dispatch(std::move(pending));
    }
    if (isReady()) Q_EMIT engineResumed();
}

void EngineSupervisor::onDied(EngineInstance* engine, const QString& reason) {
    if (engine != engine_) return; // an engine we already let go of
    engine_ = nullptr;
    startTimer_.stop();
    engine->kill(); // whatever is left of it: a frozen process, a zombie socket
    retire(engine);

    // The new state is set before any callback runs, so a callback that sends
    // a request again sees Restarting (queued) or Failed (answered), never a
    // Ready supervisor without an engine.
    const bool again = policy_.allowRestart();
    if (again) {
        ++restarts_;
        qCWarning(lcEngine).noquote() << "restarting the engine:" << reason;
        setState(State::Restarting);
    } else {
        failure_ = QStringLiteral("the engine stopped %1 times within %2 s; last time: %3")
                       .arg(policy_.deathsInWindow())
                       .arg(policy_.window().count() / 1000)
                       .arg(reason);
        setState(State::Failed);
    }
    failInFlight(QStringLiteral("the engine stopped (%1)").arg(reason));
    if (const auto lost = exports_.engineDied(engine->pid()))
        Q_EMIT exportInterrupted(lost->path, lost->message);

    if (!again) {
        giveUp(failure_);
        return;
    }
    Q_EMIT restarting(reason);
    // From the event loop: listeners of restarting() may still be unwinding.
    QTimer::singleShot(0, this, [this] {
        if (state_ == State::Restarting && !engine_) startEngine();
    });
}

void EngineSupervisor::giveUp(const QString& reason) {
    startTimer_.stop();
    failure_ = reason;
    qCWarning(lcEngine).noquote() << "giving up on the engine:" << reason;
    setState(State::Failed);
    failQueued(QStringLiteral("the engine is not running: ") + reason);
    Q_EMIT gaveUp(reason);
}

void EngineSupervisor::onPinged(bool busy) {
    if (state_ == State::Ready && busy)
        setState(State::Busy);
    else if (state_ == State::Busy && !busy)
        setState(State::Ready);
}

void EngineSupervisor::request(nlohmann::json request, ReplyHandler onReply, int timeoutMs,
                               QObject* context) {
    Pending pending;
    pending.id = nextId_++;
    const auto cmd = request.find("cmd");
    pending.cmd =
        cmd != request.end() && cmd->is_string() ? cmd->get<std::string>() : std::string();
    pending.request = std::move(request);
    pending.onReply = std::move(onReply);
    pending.context = context;
    pending.hasContext = context != nullptr;
    pending.timeoutMs = timeoutMs;

    if (isReady() && engine_) {
        dispatch(std::move(pending));
    } else if (state_ == State::Failed) {
        deliverLater(std::move(pending), engineUnavailableReply("the engine is not running: " +
                                                                failure_.toStdString()));
    } else {
        queued_.push_back(std::move(pending)); // Starting or Restarting: sent when ready
    }
}

void EngineSupervisor::dispatch(Pending pending) {
    nlohmann::json request = std::move(pending.request);
    pending.request = nullptr;
    const std::uint64_t id = pending.id;
    const int timeoutMs = pending.timeoutMs;
    inFlight_.emplace(id, std::move(pending));
    engine_->send(id, std::move(request), timeoutMs);
}

void EngineSupervisor::onReply(std::uint64_t id, const nlohmann::json& reply) {
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return; // already answered (its engine died)
    Pending pending = std::move(it->second);
    inFlight_.erase(it);
    if (pending.cmd.rfind("export_", 0) == 0) {
        nlohmann::json seen = reply;
        exports_.noteReply(pending.cmd, seen);
        deliver(pending, seen);
        return;
    }
    deliver(pending, reply);
}

void EngineSupervisor::deliver(Pending& pending, const nlohmann::json& reply) {
    if (pending.hasContext && !pending.context) return;
    if (pending.onReply) pending.onReply(reply);
}

void EngineSupervisor::deliverLater(Pending pending, const nlohmann::json& reply) {
    QTimer::singleShot(0, this, [this, pending = std::move(pending), reply]() mutable {
        deliver(pending, reply);
    });
}

void EngineSupervisor::failInFlight(const QString& message) {
    // Taken out first: a callback may send a new request.
    std::map<std::uint64_t, Pending> inFlight;
    inFlight.swap(inFlight_);
    const nlohmann::json reply = engineUnavailableReply(message.toStdString());
    for (auto& [id, pending] : inFlight)
        deliver(pending, reply);
}

void EngineSupervisor::failQueued(const QString& message) {
    std::deque<Pending> queued;
    queued.swap(queued_);
    const nlohmann::json reply = engineUnavailableReply(message.toStdString());
    for (Pending& pending : queued)
        deliver(pending, reply);
}

void EngineSupervisor::retire(EngineInstance* engine) {
    disconnect(engine, nullptr, this, nullptr);
    if (engine->isReaped())
        engine->deleteLater();
    else
        connect(engine, &EngineInstance::reaped, engine, &QObject::deleteLater);
}

void EngineSupervisor::setState(State state) {
    if (state_ == state) return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

} // namespace entropic::app
