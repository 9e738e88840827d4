#pragma once
// Progress of the engine's background analysis of signal sources
// (analysis_status, docs/protocol.md): asks after each project the engine
// has loaded, then every half second while the engine is busy measuring, and
// stops once it is done. Reports one line for the status bar ("Analysing
// signals 64 %"; empty when idle) and each source that fails, once, with the
// engine's message naming the file.
#include <set>
#include <string>

#include <QObject>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace entropic::app {

class EngineSupervisor;
class ProjectSync;

class AnalysisMonitor : public QObject {
    Q_OBJECT
  public:
    static constexpr int kPollMs = 500;

    AnalysisMonitor(EngineSupervisor* engine, ProjectSync* sync, QObject* parent = nullptr);

    QString text() const { return text_; }
    // Applies one analysis_status reply (the monitor's own, or a test's).
    void apply(const nlohmann::json& reply);

  Q_SIGNALS:
    void textChanged(const QString& text);
    // A source could not be measured: the engine's message (names the file).
    void sourceFailed(const QString& message);

  private:
    void poll();

    EngineSupervisor* engine_;
    QTimer timer_;
    bool inFlight_ = false;
    QString text_;
    std::set<std::string> reported_; // failures already shown, by source id and message
};

} // namespace entropic::app
