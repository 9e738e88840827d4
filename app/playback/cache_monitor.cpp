#include "playback/cache_monitor.h"

#include <algorithm>

#include <QSettings>

#include "supervision/engine_reply.h"
#include "supervision/engine_supervisor.h"

namespace entropic::app {

CacheMonitor::CacheMonitor(EngineSupervisor* engine, QObject* parent)
    : QObject(parent), engine_(engine) {
    timer_.setInterval(500);
    connect(&timer_, &QTimer::timeout, this, &CacheMonitor::poll);
    connect(engine_, &EngineSupervisor::engineReady, this, [this] {
        version_ = ~quint64{0};
        if (!ranges_.isEmpty()) {
            ranges_.clear();
            Q_EMIT rangesChanged(ranges_);
        }
        sendBudget();
    });
    timer_.start();
}

int CacheMonitor::budgetMb() {
    return std::clamp(QSettings().value(QLatin1String(kBudgetKey), kDefaultBudgetMb).toInt(), 0,
                      kMaxBudgetMb);
}

void CacheMonitor::setBudgetMb(int mb) {
    QSettings().setValue(QLatin1String(kBudgetKey), std::clamp(mb, 0, kMaxBudgetMb));
    sendBudget();
}

void CacheMonitor::sendBudget() {
    engine_->request(
        {{"cmd", "cache_config"}, {"budget_mb", budgetMb()}}, [](const nlohmann::json&) {},
        EngineSupervisor::kDefaultTimeoutMs, this);
}

void CacheMonitor::poll() {
    if (inFlight_ || !engine_->isReady()) return;
    inFlight_ = true;
    engine_->request(
        {{"cmd", "cache_status"}},
        [this](const nlohmann::json& reply) {
            inFlight_ = false;
            if (!replyOk(reply)) return;
            const auto version = reply.value("version", quint64{0});
            if (version == version_) return;
            version_ = version;
            QVector<QPair<qint64, qint64>> ranges;
            for (const auto& r : reply.value("ranges", nlohmann::json::array()))
                if (r.is_array() && r.size() == 2)
                    ranges.push_back({r[0].get<qint64>(), r[1].get<qint64>()});
            if (ranges == ranges_) return;
            ranges_ = std::move(ranges);
            Q_EMIT rangesChanged(ranges_);
        },
        EngineSupervisor::kDefaultTimeoutMs, this);
}

} // namespace entropic::app
