// resolve_params: resolved parameter values and signal values over a frame
// range, for the editor's curves and ghost handles (docs/protocol.md).
#include "engine_session.h"
#include "entropic/engine/error.h"
#include "entropic/engine/render/signal_runtime.h"
#include "entropic/signal/resolve.h"

namespace entropic::engine {
namespace {

// At most this many frames a request: a reply stays around a megabyte
// however many parameters it asks for, and the task queue stays responsive.
constexpr std::int64_t kMaxResolveFrames = 10000;

struct ParamQuery {
    std::string effect, param;
    const fx::EffectInstance* instance = nullptr;
    std::size_t index = 0;
};

const fx::EffectInstance* findInstance(const Project& p, const std::string& id) {
    for (const auto& t : p.tracks)
        for (const auto& c : t.clips)
            for (const auto& e : c.effects)
                if (e.instanceId == id) return &e;
    return nullptr;
}

nlohmann::json valueJson(const fx::ParamSpec& spec, const fx::ParamValue& v) {
    if (spec.components() == 1) return v[0];
    nlohmann::json parts = nlohmann::json::array();
    for (int c = 0; c < spec.components(); ++c)
        parts.push_back(v[static_cast<std::size_t>(c)]);
    return parts;
}

} // namespace

void handleResolveParams(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const ProjectSnapshot project = s.project.required();
    const std::int64_t first = f.integer("first", 0, std::int64_t{1} << 40);
    const std::int64_t end = f.integer("end", 1, std::int64_t{1} << 40);
    if (end <= first)
        f.failRange("end", "must be greater than first (" + std::to_string(first) + ")");
    if (end - first > kMaxResolveFrames)
        f.failRange("end", "at most " + std::to_string(kMaxResolveFrames) +
                               " frames a request, asked " + std::to_string(end - first));

    std::vector<ParamQuery> params;
    const auto& paramList = f.array("params");
    for (std::size_t i = 0; i < paramList.size(); ++i) {
        const auto q =
            JsonFields(paramList[i], "params[" + std::to_string(i) + "]",
                       FieldErrorCodes{errc::kMissingField, errc::kWrongType, errc::kOutOfRange});
        ParamQuery query{q.string("effect"), q.string("param")};
        query.instance = findInstance(*project, query.effect);
        if (!query.instance)
            throw EngineError(errc::kNotFound, q.field("effect") + ": no effect instance \"" +
                                                   query.effect + "\" in the project");
        const int index = query.instance->params.indexOf(query.param);
        if (index < 0)
            throw EngineError(errc::kNotFound, q.field("param") + ": effect \"" + query.effect +
                                                   "\" (" + query.instance->descriptor->id +
                                                   ") has no parameter \"" + query.param + "\"");
        query.index = static_cast<std::size_t>(index);
        params.push_back(std::move(query));
    }
    std::vector<std::pair<std::string, std::size_t>> signals;
    const auto& signalList = f.array("signals");
    for (std::size_t i = 0; i < signalList.size(); ++i) {
        const std::string field = "signals[" + std::to_string(i) + "]";
        if (!signalList[i].is_string())
            throw EngineError(errc::kWrongType,
                              field + ": expected a signal id, got " + describeJson(signalList[i]));
        const auto id = signalList[i].get<std::string>();
        const auto node = project->signalGraph ? project->signalGraph->findNode(id) : std::nullopt;
        if (!node)
            throw EngineError(errc::kNotFound, field + ": no signal \"" + id + "\" in the project");
        signals.emplace_back(id, *node);
    }

    // Measuring sources may decode media: off the command loop.
    s.tasks.post([project, first, end, params = std::move(params), signals = std::move(signals),
                  reply] {
        try {
            SignalRuntime runtime(project, AnalysisStore::shared());
            runtime.extendTo(end);
            nlohmann::json outParams = nlohmann::json::array();
            for (const auto& q : params) {
                const auto& spec = q.instance->descriptor->params[q.index];
                const fx::ParamValue base = q.instance->params.at(q.index);
                const auto moved = runtime.movedEffect(q.effect);
                nlohmann::json values = nlohmann::json::array();
                for (std::int64_t n = first; n < end; ++n)
                    values.push_back(valueJson(
                        spec,
                        moved
                            ? sig::resolveParam(runtime.evaluator(), *moved, q.index, n, base).value
                            : base));
                outParams.push_back({{"effect", q.effect},
                                     {"param", q.param},
                                     {"base", valueJson(spec, base)},
                                     {"values", std::move(values)}});
            }
            nlohmann::json outSignals = nlohmann::json::array();
            for (const auto& [id, node] : signals) {
                const auto series = runtime.evaluator().nodeSeries(node);
                outSignals.push_back({{"id", id},
                                      {"values", std::vector<double>(series.begin() + first,
                                                                     series.begin() + end)}});
            }
            reply.ok({{"first", first},
                      {"end", end},
                      {"params", std::move(outParams)},
                      {"signals", std::move(outSignals)}});
        } catch (const std::exception& e) {
            reply.fail(e);
        }
    });
}

} // namespace entropic::engine
