// Parameter resolution: base → + modulation → automation → clamp, on
// hand-computed cases. Constant sources make every contribution exact.
#include <catch2/catch.hpp>

#include "entropic/signal/resolve.h"
#include "support.h"

using namespace entropic::sig;
using entropic::fx::ParamSpec;
using entropic::fx::ParamValue;
using entropic::fx::ParamValues;

namespace {

const std::vector<ParamSpec>& specs() {
    static const std::vector<ParamSpec> s{
        ParamSpec::number("amount", "Amount", 0, 1, 0.3, "", ""),
        ParamSpec::number("size", "Size", 0, 100, 50, "px", ""),
        ParamSpec::integer("count", "Count", 0, 10, 3, "", ""),
        ParamSpec::color("tint", "Tint", {0.5, 0.5, 0.5, 1}, ""),
        ParamSpec::number("untouched", "Untouched", 0, 1, 0.25, "", ""),
    };
    return s;
}

ParamCatalog catalog() {
    return {{"fx1", specs()}};
}

// Sources "half" (0.5), "one" (1.0), "quarter" (0.25), constant over 10 frames.
SignalGraphSpec withSources() {
    SignalGraphSpec spec;
    for (const char* id : {"half", "one", "quarter"})
        spec.sources.push_back({.id = id, .kind = SourceKind::Gate});
    return spec;
}

RouteSpec route(std::string signal, std::string param, double depth,
                Polarity polarity = Polarity::Unipolar, int component = 0) {
    RouteSpec r;
    r.id = signal + "->" + param + "." + std::to_string(component);
    r.signal = std::move(signal);
    r.target = {"fx1", std::move(param), component};
    r.depth = depth;
    r.polarity = polarity;
    return r;
}

AutomationLane constantLane(std::string param, double value, int component = 0) {
    AutomationLane lane;
    lane.target = {"fx1", std::move(param), component};
    lane.keys = {{0, value, Interpolation::Linear}};
    return lane;
}

SignalEvaluator run(const SignalGraphSpec& spec) {
    return sigtest::evaluate(spec, catalog(), {Series(10, 0.5), Series(10, 1.0), Series(10, 0.25)},
                             Timing{}, 10);
}

ParamResolution resolve(const SignalGraphSpec& spec, const std::string& param, ParamValue base) {
    const auto ev = run(spec);
    const auto& s = specs();
    const auto index = static_cast<std::size_t>(
        std::find_if(s.begin(), s.end(), [&](const ParamSpec& p) { return p.key == param; }) -
        s.begin());
    return resolveParam(ev, 0, index, 5, base);
}

} // namespace

TEST_CASE("No routes and no lane: the base, clamped", "[signal][resolve]") {
    const auto r = resolve(withSources(), "amount", {0.3, 0, 0, 0});
    CHECK(r.value[0] == 0.3);
    CHECK(r.routes == 0);
    CHECK(resolve(withSources(), "amount", {1.7, 0, 0, 0}).value[0] == 1.0);
}

TEST_CASE("Modulation adds depth × range × signal, summed over routes", "[signal][resolve]") {
    auto spec = withSources();
    spec.routes = {route("half", "amount", 0.4)};
    CHECK(resolve(spec, "amount", {0.3, 0, 0, 0}).value[0] == Approx(0.5)); // 0.3 + 0.4·1·0.5
    spec.routes.push_back(route("one", "amount", -0.2));
    const auto r = resolve(spec, "amount", {0.3, 0, 0, 0});
    CHECK(r.modulation[0] == Approx(0.0)); // 0.2 − 0.2
    CHECK(r.value[0] == Approx(0.3));
    CHECK(r.routes == 2);
    // range 100: 0.1 · 100 · 0.25 = 2.5 px
    spec.routes = {route("quarter", "size", 0.1)};
    CHECK(resolve(spec, "size", {50, 0, 0, 0}).value[0] == Approx(52.5));
}

TEST_CASE("Bipolar routes swing around the base", "[signal][resolve]") {
    auto spec = withSources();
    spec.routes = {route("quarter", "size", 1, Polarity::Bipolar)};
    CHECK(resolve(spec, "size", {50, 0, 0, 0}).value[0] == Approx(25)); // 50 + 100·(0.25 − 0.5)
    spec.routes = {route("half", "size", 1, Polarity::Bipolar)};
    CHECK(resolve(spec, "size", {50, 0, 0, 0}).value[0] == 50);
}

TEST_CASE("A lane replaces the base, modulation still adds, then clamp", "[signal][resolve]") {
    auto spec = withSources();
    spec.routes = {route("half", "amount", 0.4)}; // +0.2
    spec.lanes = {constantLane("amount", 0.6)};
    auto r = resolve(spec, "amount", {0.3, 0, 0, 0});
    CHECK(r.base[0] == 0.3);
    CHECK(r.automated[0] == 0.6);
    CHECK(r.hasLane[0]);
    CHECK(r.modulation[0] == Approx(0.2));
    CHECK(r.value[0] == Approx(0.8)); // (lane 0.6) + 0.2, the base ignored

    spec.lanes = {constantLane("amount", 0.9)};
    r = resolve(spec, "amount", {0.3, 0, 0, 0});
    CHECK(r.value[0] == 1.0); // 0.9 + 0.2 = 1.1, clamped last

    spec.routes = {route("one", "amount", -1)};
    r = resolve(spec, "amount", {0.3, 0, 0, 0});
    CHECK(r.value[0] == 0.0); // 0.9 − 1 = −0.1, clamped

    spec.routes = {};
    spec.lanes = {constantLane("amount", 1.4)};
    CHECK(resolve(spec, "amount", {0.3, 0, 0, 0}).value[0] ==
          1.0); // a lane out of range is clamped too
}

TEST_CASE("Integer parameters round after modulation", "[signal][resolve]") {
    auto spec = withSources();
    spec.routes = {route("one", "count", 0.12)}; // 0.12 · 10 = +1.2
    CHECK(resolve(spec, "count", {3, 0, 0, 0}).value[0] == 4);
    spec.routes = {route("one", "count", 0.16)}; // +1.6
    CHECK(resolve(spec, "count", {3, 0, 0, 0}).value[0] == 5);
}

TEST_CASE("Colour components are modulated and automated one by one", "[signal][resolve]") {
    auto spec = withSources();
    spec.routes = {route("one", "tint", 0.25, Polarity::Unipolar, 1)}; // green +0.25
    spec.lanes = {constantLane("tint", 0.1, 2)};                       // blue from its lane
    const auto r = resolve(spec, "tint", {0.5, 0.5, 0.5, 1});
    CHECK(r.value == ParamValue{0.5, 0.75, 0.1, 1});
    CHECK(!r.hasLane[1]);
    CHECK(r.hasLane[2]);
}

TEST_CASE("Disabled routes contribute nothing", "[signal][resolve]") {
    auto spec = withSources();
    spec.routes = {route("one", "amount", 0.5)};
    spec.routes[0].enabled = false;
    const auto r = resolve(spec, "amount", {0.3, 0, 0, 0});
    CHECK(r.value[0] == 0.3);
    CHECK(r.routes == 0);
}

TEST_CASE("resolveParams resolves a ParamValues in place", "[signal][resolve]") {
    auto spec = withSources();
    spec.routes = {route("half", "amount", 0.4), route("quarter", "size", 0.1)};
    spec.lanes = {constantLane("count", 7)};
    const auto ev = run(spec);
    ParamValues values(specs());
    values.setNumber("untouched", 0.75);
    resolveParams(ev, 0, 5, values);
    CHECK(values.number("amount") == Approx(0.5));
    CHECK(values.number("size") == Approx(52.5));
    CHECK(values.number("count") == 7);
    CHECK(values.number("untouched") == 0.75);
    CHECK(values.color("tint").g == 0.5);

    const std::vector<ParamSpec> other{ParamSpec::number("x", "X", 0, 1, 0, "", "")};
    ParamValues wrong(other);
    CHECK_THROWS_AS(resolveParams(ev, 0, 5, wrong), std::logic_error);
}

TEST_CASE("routeContribution follows the depth rule", "[signal][resolve]") {
    const auto spec = ParamSpec::number("angle", "Angle", -180, 180, 0, "°", "");
    RouteSpec r;
    r.depth = 0.5;
    CHECK(routeContribution(spec, r, 1.0) == 180);
    r.polarity = Polarity::Bipolar;
    CHECK(routeContribution(spec, r, 0.0) == -90);
    r.depth = -0.5;
    CHECK(routeContribution(spec, r, 0.0) == 90);
}
