#pragma once
// The values the engine actually uses, fetched with resolve_params
// (docs/protocol.md) for every modulated or automated parameter and every
// signal node of the project, over a window of timeline frames around what
// the timeline shows and the playhead. The ghost handles, the signal plots
// and the automation lanes read from here; nothing is computed in the UI
// (audio-driven values need the engine's analysis).
//
// Fetches are debounced, one at a time, and never block the UI thread; a
// value outside the fetched window, or before the first reply, is nullopt.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QTimer>

#include "entropic/signal/spec.h"

namespace entropic::app {

class EngineSupervisor;
class ProjectDocument;
class ProjectSync;
class Transport;

class SignalValues : public QObject {
    Q_OBJECT
  public:
    // Largest window asked for at once (the protocol allows 10 000 frames).
    static constexpr qint64 kMaxWindow = 1800;

    // Fetches after each project the engine has loaded (sync), or after each
    // document change when there is no sync (the engine is fed elsewhere).
    SignalValues(ProjectDocument& doc, EngineSupervisor* engine, ProjectSync* sync,
                 Transport& transport, QObject* parent = nullptr);

    Transport& transport() { return transport_; }
    ProjectDocument& document() { return doc_; }
    // What the timeline shows, [first, end): the window follows it.
    void setVisibleRange(qint64 first, qint64 end);
    qint64 visibleFirst() const { return visibleFirst_; }
    qint64 visibleEnd() const { return visibleEnd_; }

    // The value the effect gets at a timeline frame (one component).
    std::optional<double> param(const sig::ParamTarget& target, qint64 frame) const;
    // The base value the user set, as the engine reports it.
    std::optional<double> base(const sig::ParamTarget& target) const;
    std::optional<double> signal(const std::string& nodeId, qint64 frame) const;
    // Whether anything moves this parameter component (a route or a lane).
    bool isModulated(const sig::ParamTarget& target) const;
    bool isAutomated(const sig::ParamTarget& target) const;
    qint64 first() const { return first_; }
    qint64 end() const { return end_; }
    // The last fetch's error, worded by the engine (a source's media missing); empty when fine.
    QString error() const { return error_; }

    // Asks again now (tests; the window changes on its own otherwise).
    void refresh();

  Q_SIGNALS:
    // New values arrived (or were dropped with the project's signals).
    void updated();

  private:
    void schedule();
    void fetch();
    void playheadMoved(qint64 frame);
    std::pair<qint64, qint64> wantedWindow() const;

    ProjectDocument& doc_;
    EngineSupervisor* engine_;
    Transport& transport_;
    QTimer debounce_;
    qint64 visibleFirst_ = 0, visibleEnd_ = 300;
    qint64 first_ = 0, end_ = 0;
    bool inFlight_ = false;
    bool again_ = false;
    std::uint64_t generation_ = 0; // bumped by every change; a reply to an older one is stale
    // (effect, param) -> values per frame, each with up to 4 components.
    std::map<std::pair<std::string, std::string>, std::vector<std::array<double, 4>>> params_;
    std::map<std::pair<std::string, std::string>, std::array<double, 4>> bases_;
    std::map<std::string, std::vector<double>> signals_;
    QString error_;
};

} // namespace entropic::app
