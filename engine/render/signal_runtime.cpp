#include "entropic/engine/render/signal_runtime.h"

#include <algorithm>
#include <stdexcept>

#include "entropic/engine/analysis/source_analysis.h"
#include "entropic/engine/error.h"
#include "entropic/signal/json.h"
#include "entropic/signal/resolve.h"

namespace entropic::engine {
namespace {

const Clip* clipById(const Project& p, const std::string& id) {
    for (const auto& t : p.tracks)
        for (const auto& c : t.clips)
            if (c.id == id) return &c;
    return nullptr;
}

const PerformanceLane* laneById(const Project& p, const std::string& id) {
    for (const auto& l : p.performance)
        if (l.id == id) return &l;
    return nullptr;
}

bool moves(const sig::SignalGraph& g, const std::string& instanceId) {
    const auto e = g.findEffect(instanceId);
    return e && !g.targets(*e).empty();
}

} // namespace

// What one graph source reads: a clip's media, or a precomputed gate series.
struct SignalRuntime::Source {
    sig::SourceSpec spec;
    std::optional<SourceAnalysis> media;
    sig::Series gate;
};

SignalRuntime::SignalRuntime(ProjectSnapshot project, std::shared_ptr<AnalysisStore> analysis)
    : project_(std::move(project)), analysis_(std::move(analysis)) {
    if (!project_->signalGraph) return;
    const auto& graph = project_->signalGraph;
    const std::int64_t frames = project_->frameCount();
    for (const auto& spec : graph->sources()) {
        Source s{spec, sourceAnalysis(*project_, spec), {}};
        if (spec.kind == sig::SourceKind::Gate)
            if (const auto* lane = laneById(*project_, spec.media))
                s.gate = sig::gateSeries(lane->events, frames);
        sources_.push_back(std::move(s));
    }
    series_.resize(sources_.size());
    views_.resize(sources_.size());
    const sig::Timing timing{static_cast<int>(project_->frameRate.num),
                             static_cast<int>(project_->frameRate.den), project_->tempoBpm};
    evaluator_ = std::make_unique<sig::SignalEvaluator>(graph, timing);
    evaluator_->reserve(frames);
    withMix_.resize(graph->catalog().size());
}

SignalRuntime::~SignalRuntime() = default;

const sig::SignalGraph* SignalRuntime::graph() const {
    return project_->signalGraph.get();
}

std::optional<std::size_t> SignalRuntime::movedEffect(std::string_view instanceId) const {
    const auto* g = graph();
    if (!g) return std::nullopt;
    const auto e = g->findEffect(instanceId);
    if (!e || g->targets(*e).empty()) return std::nullopt;
    return e;
}

const sig::SignalEvaluator& SignalRuntime::evaluator() const {
    if (!evaluator_) throw EngineError(errc::kFailed, "the project has no signals");
    return *evaluator_;
}

void SignalRuntime::fill(std::size_t index, std::int64_t frameCount) {
    const Source& s = sources_[index];
    sig::Series& series = series_[index];
    const auto from = static_cast<std::int64_t>(series.size());
    if (from >= frameCount) return;
    series.resize(static_cast<std::size_t>(frameCount), 0.0);
    if (s.spec.kind == sig::SourceKind::Gate) {
        for (std::int64_t t = from; t < frameCount && t < static_cast<std::int64_t>(s.gate.size());
             ++t)
            series[static_cast<std::size_t>(t)] = s.gate[static_cast<std::size_t>(t)];
        return;
    }
    if (!s.media) return;
    const Clip& clip = *s.media->clip;
    const std::int64_t lo = std::max(from, clip.start), hi = std::min(frameCount, clip.end());
    if (lo >= hi) return;
    const std::int64_t firstSource = clip.in + (lo - clip.start);
    try {
        analysis_->read(s.media->key, s.spec.kind, firstSource, hi - lo, series.data() + lo);
    } catch (const EngineError& e) {
        series.resize(static_cast<std::size_t>(from)); // nothing half-filled stays
        throw EngineError(e.code(), "signals.sources[" + std::to_string(index) + "] \"" +
                                        s.spec.id + "\" (clip \"" + clip.id + "\"): " + e.what());
    }
}

void SignalRuntime::extendTo(std::int64_t frameCount) {
    if (!evaluator_ || evaluator_->computed() >= frameCount) return;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
        fill(i, frameCount);
        views_[i] = series_[i];
    }
    evaluator_->extendTo(frameCount, views_);
}

void SignalRuntime::resolve(std::size_t effect, std::int64_t frame, fx::ParamValues& values,
                            double* mix) {
    extendTo(frame + 1);
    auto& all = withMix_.at(effect);
    if (!all) all.emplace(evaluator_->graph().catalog()[effect].params);
    if (all->size() != values.size() + 1)
        throw std::logic_error("SignalRuntime::resolve: values do not match the catalog");
    for (std::size_t i = 0; i < values.size(); ++i)
        all->set(i, values.at(i));
    const std::size_t mixIndex = values.size();
    all->set(mixIndex, fx::ParamValue{mix ? *mix : 1.0, 0, 0, 0});
    sig::resolveParams(*evaluator_, effect, frame, *all);
    for (std::size_t i = 0; i < values.size(); ++i)
        values.set(i, all->at(i));
    if (mix) *mix = all->at(mixIndex)[0];
}

std::string signalsKey(const Project& p) {
    const auto& g = p.signalGraph;
    if (!g || (g->routes().empty() && g->lanes().empty())) return {};
    nlohmann::json key = {{"signals", sig::toJson(p.signals)},
                          {"tempo", p.tempoBpm},
                          {"id", p.id},
                          {"rate", {p.frameRate.num, p.frameRate.den}}};
    for (const auto& lane : p.performance) {
        nlohmann::json events = nlohmann::json::array();
        for (const auto& e : lane.events)
            events.push_back({e.onFrame, e.offFrame, e.velocity});
        key["performance"][lane.id] = std::move(events);
    }
    for (const auto& s : g->sources())
        if (const Clip* c = clipById(p, s.media))
            key["media"][s.media] = {c->sourcePath, c->start, c->in, c->out};
    for (const auto& entry : g->catalog())
        if (!g->targets(*g->findEffect(entry.instance)).empty())
            for (const auto& t : p.tracks)
                for (const auto& c : t.clips)
                    for (const auto& e : c.effects)
                        if (e.instanceId == entry.instance)
                            key["effects"][e.instanceId] = {e.descriptor->id,
                                                            e.descriptor->version};
    return key.dump();
}

bool clipIsModulated(const Project& p, const Clip& clip) {
    if (!p.signalGraph) return false;
    return std::any_of(clip.effects.begin(), clip.effects.end(), [&](const fx::EffectInstance& e) {
        return moves(*p.signalGraph, e.instanceId);
    });
}

} // namespace entropic::engine
