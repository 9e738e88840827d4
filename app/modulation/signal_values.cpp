#include "modulation/signal_values.h"

#include <algorithm>
#include <set>

#include "entropic/signal/automation.h"
#include "model/project_document.h"
#include "supervision/engine_supervisor.h"
#include "supervision/project_sync.h"
#include "transport/transport.h"

namespace entropic::app {

using nlohmann::json;

namespace {

constexpr int kDebounceMs = 120;
constexpr int kResolveTimeoutMs = 120000; // a first measurement decodes media

std::array<double, 4> components(const json& v) {
    std::array<double, 4> out{0, 0, 0, 0};
    if (v.is_number()) {
        out[0] = v.get<double>();
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < std::min<std::size_t>(4, v.size()); ++i)
            out[i] = v[i].get<double>();
    }
    return out;
}

} // namespace

SignalValues::SignalValues(ProjectDocument& doc, EngineSupervisor* engine, ProjectSync* sync,
                           Transport& transport, QObject* parent)
    : QObject(parent), doc_(doc), engine_(engine), transport_(transport) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &SignalValues::fetch);
    // Asking before the engine has the edited project would name effects it
    // does not know yet: with a sync, wait for its "loaded".
    connect(&doc_, &ProjectDocument::changed, this, [this, sync] {
        ++generation_;
        if (!sync) schedule();
    });
    if (sync) connect(sync, &ProjectSync::loaded, this, &SignalValues::schedule);
    connect(&transport_, &Transport::frameChanged, this, &SignalValues::playheadMoved);
    if (engine_) connect(engine_, &EngineSupervisor::engineResumed, this, &SignalValues::schedule);
    schedule();
}

void SignalValues::setVisibleRange(qint64 first, qint64 end) {
    if (first == visibleFirst_ && end == visibleEnd_) return;
    visibleFirst_ = first;
    visibleEnd_ = end;
    const auto [wf, we] = wantedWindow();
    if (wf < first_ || we > end_) schedule();
}

void SignalValues::playheadMoved(qint64 frame) {
    // The ghost reads the playhead's frame: fetch ahead before it runs out.
    if (frame < first_ || frame >= end_ - 30) schedule();
    Q_EMIT updated();
}

std::pair<qint64, qint64> SignalValues::wantedWindow() const {
    const qint64 playhead = transport_.frame();
    qint64 first = std::max<qint64>(0, visibleFirst_);
    qint64 end = std::max(first + 1, visibleEnd_);
    if (end - first > kMaxWindow || playhead < first || playhead >= end) {
        // Too wide to fetch whole, or the playhead is elsewhere: centre on it.
        first = std::max<qint64>(0, playhead - kMaxWindow / 4);
        end = first + std::min<qint64>(kMaxWindow, std::max<qint64>(end - first, 300));
        if (playhead >= end) end = playhead + 300;
    }
    return {first, end};
}

void SignalValues::schedule() {
    debounce_.start();
}

void SignalValues::refresh() {
    fetch();
}

void SignalValues::fetch() {
    const auto& spec = doc_.project().signals;
    if (spec.routes.empty() && spec.lanes.empty() && spec.sources.empty() &&
        spec.operators.empty()) {
        const bool had = !params_.empty() || !signals_.empty();
        params_.clear();
        bases_.clear();
        signals_.clear();
        first_ = end_ = 0;
        error_.clear();
        if (had) Q_EMIT updated();
        return;
    }
    if (!engine_) return;
    if (inFlight_) {
        again_ = true;
        return;
    }
    std::set<std::pair<std::string, std::string>> targets;
    for (const auto& r : spec.routes)
        targets.insert({r.target.effect, r.target.param});
    for (const auto& l : spec.lanes)
        targets.insert({l.target.effect, l.target.param});
    json params = json::array();
    for (const auto& [effect, param] : targets)
        params.push_back({{"effect", effect}, {"param", param}});
    json nodes = json::array();
    for (const auto& s : spec.sources)
        nodes.push_back(s.id);
    for (const auto& o : spec.operators)
        nodes.push_back(o.id);
    const auto [first, end] = wantedWindow();
    inFlight_ = true;
    const std::uint64_t generation = generation_;
    engine_->request(
        {{"cmd", "resolve_params"},
         {"first", first},
         {"end", end},
         {"params", params},
         {"signals", nodes}},
        [this, generation](const json& reply) {
            inFlight_ = false;
            if (reply.value("ok", false)) {
                params_.clear();
                bases_.clear();
                signals_.clear();
                first_ = reply.at("first").get<qint64>();
                end_ = reply.at("end").get<qint64>();
                for (const auto& p : reply.at("params")) {
                    const std::pair key{p.at("effect").get<std::string>(),
                                        p.at("param").get<std::string>()};
                    bases_[key] = components(p.at("base"));
                    auto& values = params_[key];
                    for (const auto& v : p.at("values"))
                        values.push_back(components(v));
                }
                for (const auto& s : reply.at("signals"))
                    signals_[s.at("id").get<std::string>()] =
                        s.at("values").get<std::vector<double>>();
                error_.clear();
            } else {
                // The project may be mid-edit in the engine (a route to an
                // effect the engine has not loaded yet): keep the old values.
                error_ = QString::fromStdString(
                    reply.value("error", json::object()).value("message", ""));
            }
            Q_EMIT updated();
            if (again_ || generation != generation_) {
                again_ = false;
                schedule();
            }
        },
        kResolveTimeoutMs, this);
}

std::optional<double> SignalValues::param(const sig::ParamTarget& target, qint64 frame) const {
    const auto it = params_.find({target.effect, target.param});
    if (it == params_.end() || frame < first_ || frame >= end_) return std::nullopt;
    const auto i = static_cast<std::size_t>(frame - first_);
    if (i >= it->second.size()) return std::nullopt;
    return it->second[i][static_cast<std::size_t>(std::clamp(target.component, 0, 3))];
}

std::optional<double> SignalValues::base(const sig::ParamTarget& target) const {
    const auto it = bases_.find({target.effect, target.param});
    if (it == bases_.end()) return std::nullopt;
    return it->second[static_cast<std::size_t>(std::clamp(target.component, 0, 3))];
}

std::optional<double> SignalValues::signal(const std::string& nodeId, qint64 frame) const {
    const auto it = signals_.find(nodeId);
    if (it == signals_.end() || frame < first_ || frame >= end_) return std::nullopt;
    const auto i = static_cast<std::size_t>(frame - first_);
    if (i >= it->second.size()) return std::nullopt;
    return it->second[i];
}

bool SignalValues::isModulated(const sig::ParamTarget& target) const {
    const auto& routes = doc_.project().signals.routes;
    return std::any_of(routes.begin(), routes.end(),
                       [&](const sig::RouteSpec& r) { return r.target == target; });
}

bool SignalValues::isAutomated(const sig::ParamTarget& target) const {
    return sig::findLane(doc_.project().signals, target) != nullptr;
}

} // namespace entropic::app
