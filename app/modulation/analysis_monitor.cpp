#include "modulation/analysis_monitor.h"

#include <cmath>

#include "modulation/signal_names.h"
#include "supervision/engine_supervisor.h"
#include "supervision/project_sync.h"

namespace entropic::app {

using nlohmann::json;

AnalysisMonitor::AnalysisMonitor(EngineSupervisor* engine, ProjectSync* sync, QObject* parent)
    : QObject(parent), engine_(engine) {
    timer_.setInterval(kPollMs);
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &AnalysisMonitor::poll);
    if (sync) connect(sync, &ProjectSync::loaded, this, &AnalysisMonitor::poll);
}

void AnalysisMonitor::poll() {
    if (!engine_ || inFlight_ || !engine_->isReady()) return;
    inFlight_ = true;
    engine_->request(
        {{"cmd", "analysis_status"}},
        [this](const json& reply) {
            inFlight_ = false;
            apply(reply);
        },
        EngineSupervisor::kDefaultTimeoutMs, this);
}

void AnalysisMonitor::apply(const json& reply) {
    if (!reply.value("ok", false))
        return; // no project yet, or the engine went: the next load asks again
    for (const auto& source : reply.value("sources", json::array())) {
        if (source.value("state", "") != "failed") continue;
        const auto& error = source.value("error", json::object());
        const std::string message = error.value("message", "");
        if (!reported_.insert(source.value("id", "") + "\n" + message).second) continue;
        // Named by what it measures, not by its id; the message names the file.
        const auto kind = sig::sourceKindFromName(source.value("kind", ""));
        Q_EMIT sourceFailed(tr("%1 cannot be measured: %2")
                                .arg(kind ? sourceKindLabel(*kind) : tr("A signal"),
                                     QString::fromStdString(message)));
    }
    const bool busy = reply.value("busy", false);
    const double total = reply.value("total", 0.0);
    const double done = reply.value("done", 0.0);
    QString text;
    if (busy)
        text = total > 0 ? tr("Analysing signals %1 %")
                               .arg(static_cast<int>(std::floor(100.0 * done / total)))
                         : tr("Analysing signals…");
    if (text != text_) {
        text_ = text;
        Q_EMIT textChanged(text_);
    }
    if (busy) timer_.start();
}

} // namespace entropic::app
