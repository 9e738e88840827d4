#include "supervision/engine_instance.h"

#include <algorithm>
#include <cstring>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/engine_client.h"
#include "entropic/ipc/frame_ring.h"
#include "supervision/engine_request_thread.h"
#include "supervision/supervision_log.h"
#include "supervision/ui_mailbox.h"

namespace entropic::app {

namespace {
constexpr int kErrorTailBytes = 2048;
}

EngineInstance::EngineInstance(Options options, ReplySink replies, QObject* parent)
    : QObject(parent), options_(std::move(options)), replies_(std::move(replies)),
      mailbox_(std::make_shared<UiMailbox>(this)) {}

EngineInstance::~EngineInstance() {
    stopThreads();
    if (process_) {
        // No signal may reach the supervisor from a half-destroyed instance.
        disconnect(process_, nullptr, this, nullptr);
        if (process_->state() != QProcess::NotRunning) {
            process_->kill();
            process_->waitForFinished(2000);
            removeLeftovers();
        }
    }
}

void EngineInstance::start() {
    try {
        endpoint_ = QString::fromStdString(ipc::newEngineEndpoint());
    } catch (const std::exception& e) {
        const QString reason = QStringLiteral("no private folder for the engine's endpoint: %1")
                                   .arg(QString::fromUtf8(e.what()));
        // Reported from the event loop, like every other death: the caller of
        // start() is never re-entered.
        QTimer::singleShot(0, this, [this, reason] { declareDead(reason); });
        return;
    }
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::SeparateChannels);
    connect(process_, &QProcess::readyReadStandardOutput, this, &EngineInstance::readAnnouncement);
    connect(process_, &QProcess::readyReadStandardError, this, &EngineInstance::readErrors);
    connect(process_, &QProcess::finished, this, &EngineInstance::onFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return; // exits are handled by finished()
        reaped_ = true;
        declareDead(
            QStringLiteral("cannot start %1: %2").arg(options_.program, process_->errorString()));
        Q_EMIT reaped();
    });

    // Eight ring slots: playback renders up to six frames ahead of the clock,
    // which rides out a keyframe or a busy moment without a drop.
    QStringList args{
        QStringLiteral("--endpoint"),   endpoint_,
        QStringLiteral("--parent-pid"), QString::number(QCoreApplication::applicationPid()),
        QStringLiteral("--ring-slots"), QString::number(kRingSlots)};
    args += options_.extraArgs;
    qCDebug(lcEngine) << "starting" << options_.program << args;
    process_->start(options_.program, args, QIODevice::ReadOnly);
    pid_ = process_->processId();
}

void EngineInstance::readAnnouncement() {
    while (process_->canReadLine()) {
        const QByteArray line = process_->readLine().trimmed();
        if (announcedYet_ || dead_) continue; // the engine says nothing else on stdout
        const auto doc = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (!doc.is_object() || !doc.contains("endpoint") || !doc.contains("ring")) {
            qCWarning(lcEngine) << "unexpected line from the engine:" << line;
            continue;
        }
        announcedYet_ = true;
        ringName_ = QString::fromStdString(doc.value("ring", std::string()));
        if (doc.contains("pid") && doc["pid"].is_number_integer()) pid_ = doc["pid"].get<qint64>();
        const auto mailbox = mailbox_;
        requests_ = std::make_unique<EngineRequestThread>(
            endpoint_.toStdString(), [mailbox, this](std::uint64_t id, nlohmann::json reply) {
                // `this` is only used on the UI thread, and only while it exists.
                mailbox->post([this, id, reply = std::move(reply)] {
                    if (replies_) replies_(id, reply);
                });
            });
        Q_EMIT announced();
    }
}

void EngineInstance::readErrors() {
    const QByteArray bytes = process_->readAllStandardError();
    for (const QByteArray& line : bytes.split('\n'))
        if (!line.trimmed().isEmpty())
            qCWarning(lcEngine).noquote() << "[engine" << pid_ << "]" << line;
    errorTail_ += bytes;
    if (errorTail_.size() > kErrorTailBytes) errorTail_ = errorTail_.right(kErrorTailBytes);
}

void EngineInstance::startWatchdog() {
    if (dead_ || watchdog_) return;
    const auto mailbox = mailbox_;
    watchdog_ = std::make_unique<EngineWatchdog>(
        endpoint_.toStdString(), options_.pingInterval, options_.missedPingsAllowed,
        [mailbox, this](const WatchdogReport& report) {
            mailbox->post([this, report] { onWatchdog(report); });
        });
}

void EngineInstance::onWatchdog(const WatchdogReport& report) {
    switch (report.kind) {
    case WatchdogReport::Kind::Alive:
        Q_EMIT pinged(report.busy);
        break;
    case WatchdogReport::Kind::Missed:
        qCWarning(lcEngine) << "engine" << pid_ << "missed ping" << report.missed << ":"
                            << report.detail.c_str();
        break;
    case WatchdogReport::Kind::Lost:
        declareDead(QStringLiteral("the engine did not answer %1 pings in a row")
                        .arg(options_.missedPingsAllowed));
        break;
    }
}

void EngineInstance::send(std::uint64_t id, nlohmann::json request, int timeoutMs) {
    if (requests_) requests_->post({id, std::move(request), timeoutMs});
}

void EngineInstance::onFinished(int exitCode, QProcess::ExitStatus status) {
    reaped_ = true;
    cleanExit_ = status == QProcess::NormalExit && exitCode == 0;
    QString reason = status == QProcess::CrashExit
                         ? QStringLiteral("the engine crashed (killed by a signal)")
                         : QStringLiteral("the engine exited with code %1").arg(exitCode);
    const QByteArray tail = errorTail_.trimmed();
    if (!tail.isEmpty())
        reason += QStringLiteral(": ") + QString::fromUtf8(tail.split('\n').last());
    declareDead(reason);
    if (!cleanExit_) removeLeftovers();
    Q_EMIT reaped();
}

void EngineInstance::declareDead(const QString& reason) {
    if (dead_) return;
    dead_ = true;
    stopThreads();
    qCWarning(lcEngine).noquote() << "engine" << pid_ << "lost:" << reason;
    Q_EMIT died(reason);
}

void EngineInstance::kill() {
    dead_ = true; // a kill is never reported as a death: whoever kills knows
    stopThreads();
    if (process_ && process_->state() != QProcess::NotRunning) process_->kill();
}

void EngineInstance::stopThreads() {
    // Close first: a reply or a ping result still on its way is dropped, and
    // the threads may outlive this object (see WorkerThread).
    mailbox_->close();
    if (watchdog_) watchdog_->stop(std::chrono::milliseconds(0));
    if (requests_) requests_->stop(std::chrono::milliseconds(0));
    watchdog_.reset();
    requests_.reset();
}

void EngineInstance::shutdown(std::chrono::milliseconds budget) {
    dead_ = true;
    stopThreads();
    if (!process_ || process_->state() == QProcess::NotRunning) return;
    disconnect(process_, nullptr, this, nullptr);
    QElapsedTimer clock;
    clock.start();
    const auto left = [&] { return std::max<qint64>(0, budget.count() - clock.elapsed()); };

    bool asked = false;
    if (announcedYet_) {
        try {
            ipc::EngineClient client(endpoint_.toStdString());
            const int timeoutMs = static_cast<int>(std::min<qint64>(500, left()));
            asked = client.request({{"cmd", "shutdown"}}, timeoutMs).value("ok", false);
        } catch (const std::exception&) {
            // Frozen or already gone: SIGTERM below.
        }
    }
    if (!asked) process_->terminate();
    if (!process_->waitForFinished(static_cast<int>(left()))) {
        qCWarning(lcEngine) << "engine" << pid_ << "did not exit in time: SIGKILL";
        process_->kill();
        process_->waitForFinished(1000);
    }
    reaped_ = true;
    cleanExit_ = process_->exitStatus() == QProcess::NormalExit && process_->exitCode() == 0;
    if (!cleanExit_) removeLeftovers();
}

void EngineInstance::removeLeftovers() {
    // A killed engine cannot unlink its ring or its socket file. The socket's
    // name carries the editor's pid (newEngineEndpoint() ran here), so it is
    // removed by path; the ring's carries the engine's pid, so once the engine
    // is reaped it is recognisably stale.
    if (endpoint_.startsWith(QLatin1String("ipc://")))
        QFile::remove(endpoint_.mid(int(std::strlen("ipc://"))));
    try {
        ipc::removeStaleRings();
    } catch (const std::exception& e) {
        qCWarning(lcEngine) << "cleaning up after engine" << pid_ << "failed:" << e.what();
    }
}

} // namespace entropic::app
