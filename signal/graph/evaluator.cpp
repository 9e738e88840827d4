#include "entropic/signal/evaluator.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "dsp/curve.h"
#include "route/route_processor.h"

namespace entropic::sig {

struct SignalEvaluator::Impl {
    std::vector<Series> nodes;
    std::vector<Series> routes;
    std::vector<std::unique_ptr<OperatorState>> states;
    std::vector<std::optional<RouteProcessor>> processors;
    std::vector<double> inputs; // scratch: one node's input values
    std::int64_t computed = 0;
};

SignalEvaluator::SignalEvaluator(std::shared_ptr<const SignalGraph> graph, Timing timing)
    : graph_(std::move(graph)), timing_(timing), impl_(std::make_unique<Impl>()) {
    if (!graph_) throw std::logic_error("SignalEvaluator: no graph");
    if (timing_.rateNum <= 0 || timing_.rateDen <= 0)
        throw std::logic_error("SignalEvaluator: the frame rate must be positive");
    reset();
}

SignalEvaluator::~SignalEvaluator() = default;
SignalEvaluator::SignalEvaluator(SignalEvaluator&&) noexcept = default;
SignalEvaluator& SignalEvaluator::operator=(SignalEvaluator&&) noexcept = default;

std::int64_t SignalEvaluator::computed() const {
    return impl_->computed;
}

void SignalEvaluator::reset() {
    const SignalGraph& g = *graph_;
    Impl& m = *impl_;
    m.computed = 0;
    m.nodes.assign(g.nodes().size(), {});
    m.routes.assign(g.routes().size(), {});
    m.states.clear();
    std::size_t widest = 0;
    for (const auto& node : g.nodes()) {
        m.states.push_back(node.op && node.op->stateful() ? node.op->makeState() : nullptr);
        widest = std::max(widest, node.inputs.size());
    }
    m.inputs.assign(widest, 0.0);
    m.processors.clear();
    for (const auto& route : g.routes()) {
        if (route.spec.enabled)
            m.processors.emplace_back(std::in_place, route.spec.processing, timing_);
        else
            m.processors.emplace_back(std::nullopt);
    }
}

void SignalEvaluator::extendTo(std::int64_t frameCount, std::span<const SeriesView> sources) {
    const SignalGraph& g = *graph_;
    Impl& m = *impl_;
    if (frameCount <= m.computed) return;
    // Growth by doubling: playback extends one frame at a time, and reserving
    // exactly would copy every series on every frame.
    const auto frames = static_cast<std::size_t>(frameCount);
    if (!m.nodes.empty() && m.nodes.front().capacity() < frames)
        reserve(static_cast<std::int64_t>(std::max(frames, 2 * m.nodes.front().capacity())));

    OperatorContext ctx;
    ctx.timing = &timing_;
    for (std::int64_t n = m.computed; n < frameCount; ++n) {
        const auto at = static_cast<std::size_t>(n);
        ctx.frame = n;
        ctx.seconds = timing_.seconds(n);
        for (std::size_t v : g.order()) {
            const auto& node = g.nodes()[v];
            double value = 0;
            if (node.isSource) {
                if (node.source < sources.size() && at < sources[node.source].size())
                    value = sources[node.source][at];
            } else {
                for (std::size_t k = 0; k < node.inputs.size(); ++k)
                    m.inputs[k] = m.nodes[node.inputs[k]][at];
                ctx.seed = node.seed;
                value = node.op->step(std::span<const double>(m.inputs.data(), node.inputs.size()),
                                      node.params, m.states[v].get(), ctx);
            }
            m.nodes[v].push_back(dsp::finiteOrZero(value));
        }
        for (std::size_t r = 0; r < g.routes().size(); ++r) {
            auto& processor = m.processors[r];
            m.routes[r].push_back(
                processor ? dsp::finiteOrZero(processor->step(m.nodes[g.routes()[r].node][at], n))
                          : 0.0);
        }
    }
    m.computed = frameCount;
}

void SignalEvaluator::reserve(std::int64_t frameCount) {
    const auto frames = static_cast<std::size_t>(std::max<std::int64_t>(frameCount, 0));
    for (auto& s : impl_->nodes)
        s.reserve(frames);
    for (auto& s : impl_->routes)
        s.reserve(frames);
}

double SignalEvaluator::node(std::size_t node, std::int64_t frame) const {
    return impl_->nodes.at(node).at(static_cast<std::size_t>(frame));
}

double SignalEvaluator::route(std::size_t route, std::int64_t frame) const {
    return impl_->routes.at(route).at(static_cast<std::size_t>(frame));
}

SeriesView SignalEvaluator::nodeSeries(std::size_t node) const {
    return impl_->nodes.at(node);
}
SeriesView SignalEvaluator::routeSeries(std::size_t route) const {
    return impl_->routes.at(route);
}

} // namespace entropic::sig
