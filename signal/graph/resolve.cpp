#include "entropic/signal/resolve.h"

#include <stdexcept>

#include "entropic/signal/automation.h"

namespace entropic::sig {

double routeContribution(const fx::ParamSpec& spec, const RouteSpec& route, double processed) {
    const double range = spec.type == fx::ParamType::Color ? 1.0 : spec.max - spec.min;
    const double s = route.polarity == Polarity::Bipolar ? processed - 0.5 : processed;
    return route.depth * range * s;
}

namespace {

// Adds target t's lane and routes into r at frame.
void applyTarget(const SignalEvaluator& ev, const fx::ParamSpec& spec, const SignalGraph::Target& t,
                 std::int64_t frame, ParamResolution& r) {
    const SignalGraph& g = ev.graph();
    const auto c = static_cast<std::size_t>(t.component);
    if (t.lane) {
        r.automated[c] = laneValue(g.lanes()[*t.lane].spec, static_cast<double>(frame));
        r.hasLane[c] = true;
    }
    for (std::size_t i : t.routes) {
        r.modulation[c] += routeContribution(spec, g.routes()[i].spec, ev.route(i, frame));
        ++r.routes;
    }
}

ParamResolution finish(const fx::ParamSpec& spec, ParamResolution r) {
    fx::ParamValue sum{};
    for (std::size_t c = 0; c < sum.size(); ++c)
        sum[c] = r.automated[c] + r.modulation[c];
    r.value = spec.clamp(sum);
    return r;
}

} // namespace

ParamResolution resolveParam(const SignalEvaluator& ev, std::size_t effect, std::size_t param,
                             std::int64_t frame, const fx::ParamValue& base) {
    const SignalGraph& g = ev.graph();
    const fx::ParamSpec& spec = g.catalog().at(effect).params.at(param);
    ParamResolution r;
    r.base = base;
    r.automated = base;
    for (const auto& t : g.targets(effect))
        if (t.param == param) applyTarget(ev, spec, t, frame, r);
    return finish(spec, r);
}

void resolveParams(const SignalEvaluator& ev, std::size_t effect, std::int64_t frame,
                   fx::ParamValues& values) {
    const SignalGraph& g = ev.graph();
    const auto& specs = g.catalog().at(effect).params;
    if (values.size() != specs.size())
        throw std::logic_error("resolveParams: values of " + g.catalog()[effect].instance +
                               " do not match its catalog entry");
    const auto& targets = g.targets(effect);
    // Targets are sorted by parameter: resolve each parameter once, all its
    // components together.
    for (std::size_t i = 0; i < targets.size();) {
        const std::size_t param = targets[i].param;
        ParamResolution r;
        r.base = values.at(param);
        r.automated = r.base;
        for (; i < targets.size() && targets[i].param == param; ++i)
            applyTarget(ev, specs[param], targets[i], frame, r);
        values.set(param, finish(specs[param], r).value);
    }
}

} // namespace entropic::sig
