#include "support.h"

#include <cmath>
#include <numbers>

namespace sigtest {

using namespace entropic::sig;

std::vector<SeriesView> views(const std::vector<Series>& series) {
    std::vector<SeriesView> out;
    for (const auto& s : series)
        out.emplace_back(s);
    return out;
}

SignalEvaluator evaluate(const SignalGraphSpec& spec, const ParamCatalog& catalog,
                         const std::vector<Series>& sources, const Timing& timing,
                         std::int64_t frames) {
    auto graph = std::make_shared<const SignalGraph>(compileGraph(spec, catalog, {"test-project"}));
    SignalEvaluator ev(graph, timing);
    const auto v = views(sources);
    ev.extendTo(frames, v);
    return ev;
}

Series runOperator(const std::string& op, const std::map<std::string, double>& params,
                   const std::vector<Series>& inputs, const Timing& timing, std::int64_t frames,
                   std::uint64_t seed) {
    SignalGraphSpec spec;
    OperatorSpec node;
    node.id = "op";
    node.op = op;
    node.params = params;
    node.seed = seed;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        SourceSpec s;
        s.id = "in" + std::to_string(i);
        s.kind = SourceKind::Gate;
        spec.sources.push_back(s);
        node.inputs.push_back(s.id);
    }
    spec.operators.push_back(node);
    const SignalEvaluator ev = evaluate(spec, {}, inputs, timing, frames);
    const auto out = ev.nodeSeries(*ev.graph().findNode("op"));
    return Series(out.begin(), out.end());
}

std::vector<float> tone(int sampleRate, int channels, double seconds, double hz, double amplitude,
                        double from, double to) {
    const auto n = static_cast<std::size_t>(std::llround(seconds * sampleRate));
    std::vector<float> out(n * static_cast<std::size_t>(channels), 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / sampleRate;
        if (t < from || t >= to) continue;
        const auto v = static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * hz * t));
        for (int c = 0; c < channels; ++c)
            out[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] = v;
    }
    return out;
}

} // namespace sigtest
