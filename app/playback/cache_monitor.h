#pragma once
// The green bar's source: the engine's frame cache (docs/protocol.md,
// cache_status / cache_config). Tells a new engine the budget from the
// settings, then asks every half second what is cached and reports the
// ranges when they changed. One request at a time; nothing when the engine is
// down (a new engine starts with an empty cache, and the bar empties).
#include <QObject>
#include <QPair>
#include <QTimer>
#include <QVector>

namespace entropic::app {

class EngineSupervisor;

class CacheMonitor : public QObject {
    Q_OBJECT
  public:
    static constexpr const char* kBudgetKey = "playback/cacheMb";
    static constexpr int kDefaultBudgetMb = 2048; // docs/architecture.md: 2 GB by default
    static constexpr int kMaxBudgetMb = 65536;

    explicit CacheMonitor(EngineSupervisor* engine, QObject* parent = nullptr);

    static int budgetMb(); // from QSettings
    // Saves the budget and tells the engine at once.
    void setBudgetMb(int mb);
    // Asks now instead of at the next half second (after an edit, at stop).
    void poll();

    const QVector<QPair<qint64, qint64>>& ranges() const { return ranges_; }

  Q_SIGNALS:
    void rangesChanged(const QVector<QPair<qint64, qint64>>& ranges);

  private:
    void sendBudget();

    EngineSupervisor* engine_;
    QTimer timer_;
    QVector<QPair<qint64, qint64>> ranges_;
    quint64 version_ = ~quint64{0};
    bool inFlight_ = false;
};

} // namespace entropic::app
