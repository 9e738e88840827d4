// The determinism rule (docs/signals.md): a signal's value at frame n is what
// evaluating frames 0 … n produces, so whole-timeline evaluation, frame-by-
// frame playback, uneven extension and a cold seek to n all give the same
// bits — for every node, every route and every resolved parameter.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "entropic/effects/rng.h"
#include "entropic/signal/performance_gate.h"
#include "entropic/signal/resolve.h"
#include "support.h"

using namespace entropic::sig;
using entropic::fx::ParamSpec;
using entropic::fx::ParamValues;
using entropic::fx::Rng;

namespace {

constexpr std::int64_t kFrames = 2000;
const Timing kTiming{30000, 1001, 128};

const std::vector<ParamSpec>& fxParams() {
    static const std::vector<ParamSpec> s{
        ParamSpec::number("amount", "Amount", 0, 1, 0.3, "", ""),
        ParamSpec::number("size", "Size", 0, 100, 50, "px", ""),
        ParamSpec::integer("steps", "Steps", 1, 16, 4, "", ""),
        ParamSpec::point("centre", "Centre", {0.5, 0.5}, 0, 1, ""),
    };
    return s;
}

ParamCatalog catalog() {
    return {{"fx1", fxParams()}, {"fx2", fxParams()}};
}

OperatorSpec op(std::string id, std::string type, std::vector<std::string> inputs,
                std::map<std::string, double> params, std::uint64_t seed = 0) {
    OperatorSpec o;
    o.id = std::move(id);
    o.op = std::move(type);
    o.inputs = std::move(inputs);
    o.params = std::move(params);
    o.seed = seed;
    return o;
}

RouteSpec route(std::string id, std::string signal, std::string effect, std::string param,
                double depth, RouteProcessing p = {}, int component = 0) {
    RouteSpec r;
    r.id = std::move(id);
    r.signal = std::move(signal);
    r.target = {std::move(effect), std::move(param), component};
    r.depth = depth;
    r.processing = p;
    return r;
}

// Everything stateful the library has, in one graph.
SignalGraphSpec richSpec() {
    SignalGraphSpec spec;
    spec.sources = {{.id = "audio", .kind = SourceKind::AudioRms},
                    {.id = "pads", .kind = SourceKind::Gate},
                    {.id = "luma", .kind = SourceKind::VideoLuma}};
    spec.operators = {
        op("sine", "mod.lfo", {}, {{"rate", 0.7}, {"phase", 0.1}}),
        op("sh", "mod.lfo", {}, {{"shape", 5}, {"rate", 3.3}}, 5),
        op("smooth", "mod.lfo", {}, {{"shape", 6}, {"sync", 1}, {"beats", 0.5}}, 9),
        op("side", "mod.sidechain", {"audio"},
           {{"attack_ms", 5}, {"release_ms", 400}, {"detector", 1}, {"response", 1}}),
        op("lumagate", "op.gate", {"luma"}, {{"threshold", 0.55}, {"hysteresis", 0.1}}),
        op("padenv", "mod.envelope", {"pads"},
           {{"attack_ms", 30},
            {"decay_ms", 120},
            {"sustain", 0.4},
            {"release_ms", 500},
            {"curve", 0.5}}),
        op("beat", "mod.envelope", {},
           {{"trigger", 1}, {"every_beats", 0.5}, {"gate_beats", 0.125}, {"release_ms", 90}}),
        op("gateenv", "mod.envelope", {"lumagate"}, {{"attack_ms", 200}, {"release_ms", 700}}),
        op("mix", "op.fusion", {"sine", "side", "padenv"}, {{"weight_2", 2}}),
        op("prod", "op.math", {"smooth", "beat"}, {{"operation", 2}}),
        op("peak", "op.fusion", {"prod", "gateenv", "sh"}, {{"mode", 1}}),
    };
    RouteProcessing adsr;
    adsr.threshold = 0.3;
    adsr.adsr = AdsrSettings{20, 300, 0.3, 800, -0.5};
    RouteProcessing slew;
    slew.slewRiseMs = 50;
    slew.slewFallMs = 700;
    slew.quantize = 5;
    RouteProcessing smooth;
    smooth.smoothMs = 250;
    smooth.invert = true;
    smooth.scale = 1.5;
    smooth.offset = -0.2;
    spec.routes = {
        route("r1", "mix", "fx1", "amount", 0.8, adsr),
        route("r2", "peak", "fx1", "amount", -0.3, slew),
        route("r3", "side", "fx1", "size", 0.5, smooth),
        route("r4", "beat", "fx1", "steps", 1.0),
        route("r5", "sh", "fx2", "centre", 0.2, slew, 1),
        route("r6", "gateenv", "fx2", "size", -1.0, adsr),
        route("r7", "prod", "fx2", "amount", 0.6, smooth),
    };
    spec.routes[3].polarity = Polarity::Bipolar;
    AutomationLane lane;
    lane.target = {"fx1", "size", 0};
    lane.keys = {{0, 10, Interpolation::EaseInOut},
                 {700, 90, Interpolation::Hold},
                 {1500, 40, Interpolation::Linear}};
    spec.lanes = {lane};
    return spec;
}

std::vector<Series> sources() {
    Rng rng(2026);
    Series audio(kFrames), luma(kFrames);
    for (std::int64_t n = 0; n < kFrames; ++n) {
        audio[static_cast<std::size_t>(n)] = rng.uniform() * (n % 90 < 20 ? 0.9 : 0.1);
        luma[static_cast<std::size_t>(n)] =
            0.5 + 0.3 * std::sin(static_cast<double>(n) / 37.0) + 0.05 * rng.uniform();
    }
    std::vector<GateEvent> events;
    for (std::int64_t on = 13; on < kFrames; on += 61)
        events.push_back({on, on + 7 + on % 23, 0.5 + (on % 5) / 10.0});
    return {audio, gateSeries(events, kFrames), luma};
}

struct Snapshot {
    std::vector<double> nodes, routes, params;
    bool operator==(const Snapshot&) const = default;
};

Snapshot at(const SignalEvaluator& ev, std::int64_t n) {
    Snapshot s;
    for (std::size_t i = 0; i < ev.graph().nodes().size(); ++i)
        s.nodes.push_back(ev.node(i, n));
    for (std::size_t i = 0; i < ev.graph().routes().size(); ++i)
        s.routes.push_back(ev.route(i, n));
    for (std::size_t e = 0; e < 2; ++e) {
        ParamValues values(fxParams());
        resolveParams(ev, e, n, values);
        for (std::size_t p = 0; p < values.size(); ++p)
            for (double c : values.at(p))
                s.params.push_back(c);
    }
    return s;
}

} // namespace

TEST_CASE("Whole, frame-by-frame, chunked and cold-seek evaluation agree to the bit",
          "[signal][determinism]") {
    const auto graph =
        std::make_shared<const SignalGraph>(compileGraph(richSpec(), catalog(), {"determinism"}));
    const std::vector<Series> data = sources();
    const auto views = sigtest::views(data);

    SignalEvaluator whole(graph, kTiming);
    whole.extendTo(kFrames, views);

    // The graph is not trivial: stateful nodes move and routes differ from their inputs.
    const auto gateenv = whole.nodeSeries(*graph->findNode("gateenv"));
    CHECK(*std::max_element(gateenv.begin(), gateenv.end()) > 0.5);
    CHECK(*std::max_element(whole.routeSeries(0).begin(), whole.routeSeries(0).end()) > 0.5);

    SignalEvaluator sequential(graph, kTiming);
    for (std::int64_t n = 0; n < kFrames; ++n) {
        sequential.extendTo(n + 1, views);
        REQUIRE(at(sequential, n) == at(whole, n));
    }

    SignalEvaluator chunked(graph, kTiming);
    Rng rng(7);
    for (std::int64_t n = 0; n < kFrames;) {
        n = std::min(kFrames, n + rng.range(1, 97));
        chunked.extendTo(n, views);
    }
    for (std::size_t i = 0; i < graph->nodes().size(); ++i)
        CHECK(std::equal(chunked.nodeSeries(i).begin(), chunked.nodeSeries(i).end(),
                         whole.nodeSeries(i).begin()));
    for (std::size_t i = 0; i < graph->routes().size(); ++i)
        CHECK(std::equal(chunked.routeSeries(i).begin(), chunked.routeSeries(i).end(),
                         whole.routeSeries(i).begin()));

    // Cold seeks in random order, each from a fresh evaluator.
    std::vector<std::int64_t> frames{0, 1, kFrames - 1, 699, 700, 701};
    for (int i = 0; i < 24; ++i)
        frames.push_back(rng.range(0, kFrames - 1));
    for (std::int64_t n : frames) {
        SignalEvaluator seek(graph, kTiming);
        seek.extendTo(n + 1, views);
        CHECK(at(seek, n) == at(whole, n));
    }

    // reset() forgets everything and recomputes the same values.
    whole.reset();
    CHECK(whole.computed() == 0);
    whole.extendTo(kFrames, views);
    CHECK(at(whole, kFrames - 1) == at(sequential, kFrames - 1));
}

TEST_CASE("Missing source data reads as 0", "[signal][determinism]") {
    SignalGraphSpec spec;
    spec.sources = {{.id = "a", .kind = SourceKind::AudioRms},
                    {.id = "b", .kind = SourceKind::AudioRms}};
    const auto graph = std::make_shared<const SignalGraph>(compileGraph(spec, {}));
    SignalEvaluator ev(graph, Timing{});
    const Series shortSeries{0.5, 0.25};
    const std::vector<SeriesView> only{shortSeries}; // no entry for "b"
    ev.extendTo(4, only);
    CHECK(ev.node(0, 1) == 0.25);
    CHECK(ev.node(0, 3) == 0.0);
    CHECK(ev.node(1, 0) == 0.0);
}
