// compileGraph: every check a project's signal part must pass, then the
// evaluation order. Errors name the field ("routes[3] \"r4\": …").
#include <cmath>
#include <map>
#include <string>

#include "entropic/signal/error.h"
#include "entropic/signal/graph.h"
#include "graph/describe.h"
#include "graph/topo_sort.h"
#include "route/route_processor.h"

namespace entropic::sig {
namespace {

constexpr double kMaxMs = 60000; // one minute: any time setting above is a typo

std::string indexed(const char* list, std::size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

std::string named(const char* list, std::size_t i, const std::string& id) {
    return indexed(list, i) + " " + inQuotes(id);
}

void checkRange(const std::string& field, double v, double lo, double hi) {
    if (!std::isfinite(v) || v < lo || v > hi)
        throw SignalError(errc::kOutOfRange, field + ": expected a number in [" + formatNumber(lo) +
                                                 ", " + formatNumber(hi) + "], got " +
                                                 formatNumber(v));
}

void checkFinite(const std::string& field, double v) {
    if (!std::isfinite(v))
        throw SignalError(errc::kOutOfRange,
                          field + ": expected a finite number, got " + formatNumber(v));
}

std::string keyList(const std::vector<fx::ParamSpec>& specs) {
    std::string list;
    for (const auto& s : specs)
        list += (list.empty() ? "" : ", ") + s.key;
    return list;
}

fx::ParamValues operatorParams(const OperatorDescriptor& d, const OperatorSpec& op,
                               const std::string& where) {
    fx::ParamValues values(d.params);
    for (const auto& [key, v] : op.params) {
        const int i = values.indexOf(key);
        if (i < 0)
            throw SignalError(errc::kUnknownParameter,
                              where + ": " + d.id + " has no parameter " + inQuotes(key) +
                                  " (parameters: " + keyList(d.params) + ")");
        const auto& spec = d.params[static_cast<std::size_t>(i)];
        const std::string field = where + ".params." + key;
        checkRange(field, v, spec.min, spec.max);
        if (spec.type != fx::ParamType::Float && v != std::floor(v))
            throw SignalError(errc::kOutOfRange,
                              field + ": expected a whole number, got " + formatNumber(v));
        values.set(static_cast<std::size_t>(i), fx::ParamValue{v, 0, 0, 0});
    }
    return values;
}

void checkProcessing(const RouteProcessing& p, const std::string& where) {
    const std::string at = where + ".processing.";
    if (p.threshold) checkFinite(at + "threshold", *p.threshold);
    if (p.adsr) {
        checkRange(at + "adsr.attack_ms", p.adsr->attackMs, 0, kMaxMs);
        checkRange(at + "adsr.decay_ms", p.adsr->decayMs, 0, kMaxMs);
        checkRange(at + "adsr.sustain", p.adsr->sustain, 0, 1);
        checkRange(at + "adsr.release_ms", p.adsr->releaseMs, 0, kMaxMs);
        checkRange(at + "adsr.curve", p.adsr->curve, -1, 1);
    }
    checkRange(at + "slew.rise_ms", p.slewRiseMs, 0, kMaxMs);
    checkRange(at + "slew.fall_ms", p.slewFallMs, 0, kMaxMs);
    checkRange(at + "smooth_ms", p.smoothMs, 0, kMaxMs);
    checkQuantizeLevels(at + "quantize", p.quantize);
    checkFinite(at + "scale", p.scale);
    checkFinite(at + "offset", p.offset);
}

} // namespace

class GraphCompiler {
  public:
    GraphCompiler(const SignalGraphSpec& spec, const ParamCatalog& catalog,
                  const GraphContext& context, const OperatorRegistry& registry)
        : spec_(spec), context_(context), registry_(registry) {
        g_.spec_ = spec;
        g_.catalog_ = catalog;
    }

    SignalGraph run() {
        indexEffects();
        addSources();
        addOperators();
        connectInputs();
        order();
        addRoutes();
        addLanes();
        buildTargets();
        return std::move(g_);
    }

  private:
    void indexEffects() {
        for (std::size_t i = 0; i < g_.catalog_.size(); ++i)
            if (!g_.effectIndex_.emplace(g_.catalog_[i].instance, i).second)
                throw SignalError(errc::kDuplicateId, "effect instance " +
                                                          inQuotes(g_.catalog_[i].instance) +
                                                          " is listed twice");
        g_.targets_.resize(g_.catalog_.size());
    }

    void addNodeId(const std::string& id, const std::string& where) {
        if (id.empty()) throw SignalError(errc::kMissingField, where + ": the id is empty");
        if (!g_.nodeIndex_.emplace(id, g_.nodes_.size()).second)
            throw SignalError(errc::kDuplicateId, where + ": id " + inQuotes(id) +
                                                      " is already used by another signal");
    }

    void addSources() {
        for (std::size_t i = 0; i < spec_.sources.size(); ++i) {
            const auto& s = spec_.sources[i];
            const std::string where = named("sources", i, s.id);
            addNodeId(s.id, where);
            if (s.region) {
                checkRange(where + ".region.x", s.region->x, -1e6, 1e6);
                checkRange(where + ".region.y", s.region->y, -1e6, 1e6);
                checkRange(where + ".region.w", s.region->w, 0, 1e6);
                checkRange(where + ".region.h", s.region->h, 0, 1e6);
            }
            if (s.kind == SourceKind::AudioBand) {
                checkRange(where + ".band[0]", s.bandLowHz, 0, 1e6);
                checkRange(where + ".band[1]", s.bandHighHz, s.bandLowHz, 1e6);
            }
            SignalGraph::Node node;
            node.id = s.id;
            node.isSource = true;
            node.source = i;
            g_.nodes_.push_back(std::move(node));
        }
    }

    void addOperators() {
        for (std::size_t i = 0; i < spec_.operators.size(); ++i) {
            const auto& op = spec_.operators[i];
            const std::string where = named("operators", i, op.id);
            addNodeId(op.id, where);
            const OperatorDescriptor* d =
                op.version == 0 ? registry_.find(op.op) : registry_.find(op.op, op.version);
            if (!d) {
                std::string known;
                for (const auto* k : registry_.all())
                    if (known.find(k->id) == std::string::npos)
                        known += (known.empty() ? "" : ", ") + k->id;
                throw SignalError(errc::kUnknownOperator,
                                  where + ": unknown operator " + inQuotes(op.op) +
                                      (op.version ? " version " + std::to_string(op.version) : "") +
                                      " (operators: " + known + ")");
            }
            SignalGraph::Node node;
            node.id = op.id;
            node.op = d;
            node.params = operatorParams(*d, op, where);
            node.seed = operatorSeed(context_.projectId, op.id, op.seed);
            const auto count = static_cast<int>(op.inputs.size());
            if (count < d->minInputs || count > d->maxInputs)
                throw SignalError(errc::kInvalid, where + ": " + d->id + " takes " +
                                                      (d->minInputs == d->maxInputs
                                                           ? std::to_string(d->minInputs)
                                                           : std::to_string(d->minInputs) + " to " +
                                                                 std::to_string(d->maxInputs)) +
                                                      " inputs, got " + std::to_string(count));
            if (d->check) {
                const std::string problem = d->check(node.params, op.inputs.size());
                if (!problem.empty()) throw SignalError(errc::kInvalid, where + ": " + problem);
            }
            g_.nodes_.push_back(std::move(node));
        }
    }

    std::size_t nodeFor(const std::string& id, const std::string& field) const {
        const auto it = g_.nodeIndex_.find(id);
        if (it == g_.nodeIndex_.end())
            throw SignalError(errc::kUnknownSignal, field + ": unknown signal " + inQuotes(id));
        return it->second;
    }

    void connectInputs() {
        const std::size_t base = spec_.sources.size();
        for (std::size_t i = 0; i < spec_.operators.size(); ++i) {
            const auto& op = spec_.operators[i];
            auto& node = g_.nodes_[base + i];
            for (std::size_t k = 0; k < op.inputs.size(); ++k)
                node.inputs.push_back(
                    nodeFor(op.inputs[k],
                            named("operators", i, op.id) + ".inputs[" + std::to_string(k) + "]"));
        }
    }

    void order() {
        std::vector<std::vector<std::size_t>> inputs;
        inputs.reserve(g_.nodes_.size());
        for (const auto& n : g_.nodes_)
            inputs.push_back(n.inputs);
        TopoResult topo = topologicalOrder(inputs);
        if (!topo.cycle.empty()) {
            std::vector<std::string> ids;
            std::string path;
            for (std::size_t v : topo.cycle) {
                ids.push_back(g_.nodes_[v].id);
                path += inQuotes(g_.nodes_[v].id) + " → ";
            }
            path += inQuotes(ids.front());
            throw SignalError(errc::kCycle,
                              "the signal graph has a cycle: " + path +
                                  " (an operator cannot depend on its own output)",
                              std::move(ids));
        }
        g_.order_ = std::move(topo.order);
    }

    // (effect index, param index) of a target, checked.
    std::pair<std::size_t, std::size_t> locate(const ParamTarget& t,
                                               const std::string& where) const {
        const auto e = g_.effectIndex_.find(t.effect);
        if (e == g_.effectIndex_.end())
            throw SignalError(errc::kUnknownEffect,
                              where + ": unknown effect instance " + inQuotes(t.effect));
        const auto& specs = g_.catalog_[e->second].params;
        for (std::size_t p = 0; p < specs.size(); ++p) {
            if (specs[p].key != t.param) continue;
            if (t.component < 0 || t.component >= specs[p].components())
                throw SignalError(errc::kOutOfRange, where + ": parameter " + inQuotes(t.param) +
                                                         " of " + inQuotes(t.effect) + " has " +
                                                         std::to_string(specs[p].components()) +
                                                         " component(s), got component " +
                                                         std::to_string(t.component));
            return {e->second, p};
        }
        throw SignalError(errc::kUnknownParameter, where + ": effect " + inQuotes(t.effect) +
                                                       " has no parameter " + inQuotes(t.param) +
                                                       " (parameters: " + keyList(specs) + ")");
    }

    void addRoutes() {
        for (std::size_t i = 0; i < spec_.routes.size(); ++i) {
            const auto& r = spec_.routes[i];
            const std::string where = named("routes", i, r.id);
            if (r.id.empty()) throw SignalError(errc::kMissingField, where + ": the id is empty");
            if (!g_.routeIndex_.emplace(r.id, i).second)
                throw SignalError(errc::kDuplicateId,
                                  where + ": route id " + inQuotes(r.id) + " is used twice");
            SignalGraph::Route route;
            route.spec = r;
            route.node = nodeFor(r.signal, where + ".signal");
            std::tie(route.effect, route.param) = locate(r.target, where);
            checkRange(where + ".depth", r.depth, -1, 1);
            checkProcessing(r.processing, where);
            g_.routes_.push_back(std::move(route));
        }
    }

    void addLanes() {
        for (std::size_t i = 0; i < spec_.lanes.size(); ++i) {
            const auto& l = spec_.lanes[i];
            const std::string where = indexed("automation", i);
            SignalGraph::Lane lane;
            lane.spec = l;
            std::tie(lane.effect, lane.param) = locate(l.target, where);
            if (l.keys.empty())
                throw SignalError(errc::kInvalid,
                                  where + ".keys: a lane needs at least one keyframe");
            for (std::size_t k = 0; k < l.keys.size(); ++k) {
                const std::string key = where + ".keys[" + std::to_string(k) + "]";
                if (l.keys[k].frame < 0)
                    throw SignalError(errc::kOutOfRange, key +
                                                             ".frame: expected a frame >= 0, got " +
                                                             std::to_string(l.keys[k].frame));
                if (k > 0 && l.keys[k].frame <= l.keys[k - 1].frame)
                    throw SignalError(errc::kInvalid,
                                      key +
                                          ".frame: keyframes must be in increasing frame order (" +
                                          std::to_string(l.keys[k].frame) + " after " +
                                          std::to_string(l.keys[k - 1].frame) + ")");
                checkFinite(key + ".value", l.keys[k].value);
            }
            for (const auto& other : g_.lanes_)
                if (other.spec.target == l.target)
                    throw SignalError(errc::kDuplicateId,
                                      where + ": parameter " + inQuotes(l.target.param) + " of " +
                                          inQuotes(l.target.effect) + " already has a lane");
            g_.lanes_.push_back(std::move(lane));
        }
    }

    void buildTargets() {
        std::vector<std::map<std::pair<std::size_t, int>, SignalGraph::Target>> byEffect(
            g_.catalog_.size());
        auto target = [&](std::size_t effect, std::size_t param,
                          int component) -> SignalGraph::Target& {
            auto& t = byEffect[effect][{param, component}];
            t.param = param;
            t.component = component;
            return t;
        };
        for (std::size_t i = 0; i < g_.routes_.size(); ++i) {
            const auto& r = g_.routes_[i];
            if (r.spec.enabled)
                target(r.effect, r.param, r.spec.target.component).routes.push_back(i);
        }
        for (std::size_t i = 0; i < g_.lanes_.size(); ++i) {
            const auto& l = g_.lanes_[i];
            target(l.effect, l.param, l.spec.target.component).lane = i;
        }
        for (std::size_t e = 0; e < byEffect.size(); ++e)
            for (auto& [key, t] : byEffect[e])
                g_.targets_[e].push_back(std::move(t));
    }

    const SignalGraphSpec& spec_;
    const GraphContext& context_;
    const OperatorRegistry& registry_;
    SignalGraph g_;
};

SignalGraph compileGraph(const SignalGraphSpec& spec, const ParamCatalog& catalog,
                         const GraphContext& context, const OperatorRegistry& registry) {
    return GraphCompiler(spec, catalog, context, registry).run();
}

std::optional<std::size_t> SignalGraph::findNode(std::string_view id) const {
    const auto it = nodeIndex_.find(id);
    return it == nodeIndex_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::size_t> SignalGraph::findEffect(std::string_view instance) const {
    const auto it = effectIndex_.find(instance);
    return it == effectIndex_.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::size_t> SignalGraph::findRoute(std::string_view id) const {
    const auto it = routeIndex_.find(id);
    return it == routeIndex_.end() ? std::nullopt : std::optional(it->second);
}

} // namespace entropic::sig
