#include "supervision/project_sync.h"

#include <QTimer>

#include "supervision/engine_reply.h"
#include "supervision/engine_supervisor.h"

namespace entropic::app {

namespace {
// After a load that timed out on an engine that is still up (a slow media
// probe, say): try again after this long. A dead engine is the watchdog's job.
constexpr int kRetryMs = 1000;
} // namespace

ProjectSync::ProjectSync(EngineSupervisor* engine, QObject* parent)
    : QObject(parent), engine_(engine) {
    connect(engine_, &EngineSupervisor::engineReady, this, &ProjectSync::onEngineReady);
}

void ProjectSync::setSource(SnapshotSource source) {
    source_ = std::move(source);
    projectChanged();
}

void ProjectSync::projectChanged() {
    dirty_ = true;
    pump();
}

void ProjectSync::onEngineReady() {
    // A fresh engine knows nothing: send everything, whatever was in flight.
    ++token_;
    inFlight_ = false;
    dirty_ = true;
    pump();
}

void ProjectSync::pump() {
    if (inFlight_ || !dirty_ || !source_ || !engine_->isReady()) return;
    const Snapshot snapshot = source_();
    if (snapshot.project.is_null()) return;
    nlohmann::json request = {{"cmd", "load_project"}, {"project", snapshot.project}};
    if (!snapshot.baseDir.isEmpty()) request["base_dir"] = snapshot.baseDir.toStdString();
    dirty_ = false;
    inFlight_ = true;
    ++loads_;
    const unsigned token = ++token_;
    engine_->request(
        std::move(request), [this, token](const nlohmann::json& reply) { onReply(token, reply); },
        timeoutMs_, this);
}

void ProjectSync::onReply(unsigned token, const nlohmann::json& reply) {
    if (token != token_) return; // sent to an engine that has been replaced since
    inFlight_ = false;
    if (replyOk(reply)) {
        lastLoad_ = reply;
        if (!dirty_) Q_EMIT loaded(); // a newer state is on its way otherwise
    } else if (replyErrorCode(reply) == QLatin1String(kEngineUnavailable)) {
        // Not lost: engineReady() sends it to the next engine; if this engine
        // is still up, it gets it again shortly.
        dirty_ = true;
        if (engine_->isReady()) QTimer::singleShot(kRetryMs, this, &ProjectSync::pump);
        return;
    } else {
        Q_EMIT syncFailed(replyErrorMessage(reply));
    }
    pump();
}

} // namespace entropic::app
