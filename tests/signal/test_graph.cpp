// Graph validation: cycles (named, iterative on huge graphs), bad routes,
// bad operators, and evaluation in dependency order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "entropic/signal/error.h"
#include "support.h"

using namespace entropic::sig;
using entropic::fx::ParamSpec;

namespace {

ParamCatalog catalog() {
    return {{"noise-1",
             {ParamSpec::number("amount", "Amount", 0, 1, 0.3, "", ""),
              ParamSpec::number("scale", "Scale", 1, 64, 4, "px", ""),
              ParamSpec::point("centre", "Centre", {0.5, 0.5}, 0, 1, "")}}};
}

OperatorSpec math(std::string id, std::vector<std::string> inputs) {
    OperatorSpec op;
    op.id = std::move(id);
    op.op = "op.math";
    op.inputs = std::move(inputs);
    return op;
}

OperatorSpec lfo(std::string id) {
    OperatorSpec op;
    op.id = std::move(id);
    op.op = "mod.lfo";
    return op;
}

RouteSpec route(std::string id, std::string signal, std::string effect, std::string param,
                double depth = 0.5) {
    RouteSpec r;
    r.id = std::move(id);
    r.signal = std::move(signal);
    r.target = {std::move(effect), std::move(param), 0};
    r.depth = depth;
    return r;
}

SignalError compileError(const SignalGraphSpec& spec) {
    try {
        compileGraph(spec, catalog());
    } catch (const SignalError& e) {
        return e;
    }
    FAIL("compileGraph accepted a bad graph");
    return SignalError("", "");
}

// Each node of the reported cycle feeds the next one, and the last the first.
void checkIsCycle(const SignalGraphSpec& spec, const std::vector<std::string>& cycle) {
    REQUIRE(!cycle.empty());
    for (std::size_t i = 0; i < cycle.size(); ++i) {
        const std::string& from = cycle[i];
        const std::string& to = cycle[(i + 1) % cycle.size()];
        const auto op = std::find_if(spec.operators.begin(), spec.operators.end(),
                                     [&](const OperatorSpec& o) { return o.id == to; });
        REQUIRE(op != spec.operators.end());
        CHECK(std::find(op->inputs.begin(), op->inputs.end(), from) != op->inputs.end());
    }
}

} // namespace

TEST_CASE("A cycle is refused with the nodes of the cycle named", "[signal][graph]") {
    SignalGraphSpec spec;
    spec.sources.push_back({.id = "kick", .kind = SourceKind::AudioRms});
    spec.operators = {math("a", {"c", "kick"}), math("b", {"a"}), math("c", {"b"}),
                      math("d", {"c"})};
    const SignalError e = compileError(spec);
    CHECK(e.code() == errc::kCycle);
    CHECK(e.nodes().size() == 3);
    checkIsCycle(spec, e.nodes());
    const std::string msg = e.what();
    CHECK(msg.find("cycle") != std::string::npos);
    for (const char* id : {"\"a\"", "\"b\"", "\"c\""})
        CHECK(msg.find(id) != std::string::npos);
    CHECK(msg.find("\"d\"") == std::string::npos); // downstream of the cycle, not on it
    CHECK(msg.find("\"kick\"") == std::string::npos);
    // Written in data-flow order: b feeds c, c feeds a, a feeds b.
    CHECK(msg.find("\"b\" → \"c\" → \"a\" → \"b\"") != std::string::npos);
}

TEST_CASE("A node reading itself is a cycle", "[signal][graph]") {
    SignalGraphSpec spec;
    spec.operators = {math("self", {"self"})};
    const SignalError e = compileError(spec);
    CHECK(e.code() == errc::kCycle);
    CHECK(e.nodes() == std::vector<std::string>{"self"});
}

TEST_CASE("Cycles in 10 000-node graphs are found without recursion", "[signal][graph]") {
    constexpr int kNodes = 10000;
    SECTION("one cycle through every node") {
        SignalGraphSpec spec;
        for (int i = 0; i < kNodes; ++i)
            spec.operators.push_back(
                math("n" + std::to_string(i), {"n" + std::to_string((i + kNodes - 1) % kNodes)}));
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kCycle);
        CHECK(e.nodes().size() == kNodes);
        checkIsCycle(spec, e.nodes());
    }
    SECTION("a long tail leading into a two-node cycle") {
        SignalGraphSpec spec;
        // Listed tail-end first, so the search walks the whole tail before the cycle.
        for (int i = kNodes - 1; i >= 1; --i)
            spec.operators.push_back(
                math("t" + std::to_string(i), {i == 1 ? "y" : "t" + std::to_string(i - 1)}));
        spec.operators.push_back(math("x", {"y"}));
        spec.operators.push_back(math("y", {"x"}));
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kCycle);
        auto nodes = e.nodes();
        std::sort(nodes.begin(), nodes.end());
        CHECK(nodes == std::vector<std::string>{"x", "y"});
    }
    SECTION("a 10 000-node chain without a cycle compiles and evaluates") {
        SignalGraphSpec spec;
        // Listed consumer-first: evaluation must follow the dependency order, not the list.
        for (int i = kNodes - 1; i >= 1; --i) {
            auto op = math("n" + std::to_string(i), {"n" + std::to_string(i - 1)});
            op.params["value"] = 1;
            spec.operators.push_back(op);
        }
        auto first = lfo("n0");
        first.params = {{"shape", 2}, {"rate", 1}}; // saw up
        spec.operators.push_back(first);
        const auto ev = sigtest::evaluate(spec, {}, {}, Timing{4, 1, 120}, 4);
        const auto last = *ev.graph().findNode("n9999");
        CHECK(ev.node(last, 0) == 9999.0);
        CHECK(ev.node(last, 2) == 9999.5);
    }
}

TEST_CASE("Bad routes get clear errors", "[signal][graph]") {
    SignalGraphSpec spec;
    spec.operators = {lfo("wobble")};
    SECTION("unknown parameter") {
        spec.routes = {route("r1", "wobble", "noise-1", "amout")};
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kUnknownParameter);
        CHECK_THAT(e.what(), Catch::Contains("routes[0] \"r1\"") && Catch::Contains("\"amout\"") &&
                                 Catch::Contains("\"noise-1\"") &&
                                 Catch::Contains("amount, scale, centre"));
    }
    SECTION("unknown signal") {
        spec.routes = {route("r1", "wobble", "noise-1", "amount"),
                       route("r2", "wobbel", "noise-1", "amount")};
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kUnknownSignal);
        CHECK_THAT(e.what(),
                   Catch::Contains("routes[1] \"r2\".signal") && Catch::Contains("\"wobbel\""));
    }
    SECTION("unknown effect instance") {
        spec.routes = {route("r1", "wobble", "noise-2", "amount")};
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kUnknownEffect);
        CHECK_THAT(e.what(), Catch::Contains("\"noise-2\""));
    }
    SECTION("out-of-range depth") {
        for (double depth : {1.5, -1.01, std::nan("")}) {
            spec.routes = {route("r1", "wobble", "noise-1", "amount", depth)};
            const SignalError e = compileError(spec);
            CHECK(e.code() == errc::kOutOfRange);
            CHECK_THAT(e.what(),
                       Catch::Contains("routes[0] \"r1\".depth") && Catch::Contains("[-1, 1]"));
        }
        spec.routes = {route("r1", "wobble", "noise-1", "amount", -1),
                       route("r2", "wobble", "noise-1", "scale", 1)};
        CHECK_NOTHROW(compileGraph(spec, catalog()));
    }
    SECTION("component out of range") {
        spec.routes = {route("r1", "wobble", "noise-1", "centre")};
        spec.routes[0].target.component = 2;
        CHECK(compileError(spec).code() == errc::kOutOfRange);
        spec.routes[0].target.component = 1;
        CHECK_NOTHROW(compileGraph(spec, catalog()));
    }
    SECTION("bad processing") {
        spec.routes = {route("r1", "wobble", "noise-1", "amount")};
        spec.routes[0].processing.quantize = 1;
        CHECK_THAT(compileError(spec).what(),
                   Catch::Contains("routes[0] \"r1\".processing.quantize"));
        spec.routes[0].processing.quantize = 0;
        spec.routes[0].processing.slewRiseMs = -5;
        CHECK_THAT(compileError(spec).what(), Catch::Contains("processing.slew.rise_ms"));
    }
    SECTION("duplicate route id") {
        spec.routes = {route("r1", "wobble", "noise-1", "amount"),
                       route("r1", "wobble", "noise-1", "scale")};
        CHECK(compileError(spec).code() == errc::kDuplicateId);
    }
}

TEST_CASE("Bad operators and sources get clear errors", "[signal][graph]") {
    SignalGraphSpec spec;
    SECTION("unknown operator") {
        OperatorSpec op = lfo("x");
        op.op = "mod.lfoo";
        spec.operators = {op};
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kUnknownOperator);
        CHECK_THAT(e.what(), Catch::Contains("operators[0] \"x\"") && Catch::Contains("mod.lfo, "));
    }
    SECTION("unknown operator version") {
        OperatorSpec op = lfo("x");
        op.version = 9;
        spec.operators = {op};
        CHECK_THAT(compileError(spec).what(), Catch::Contains("version 9"));
    }
    SECTION("operator parameter unknown or out of range") {
        OperatorSpec op = lfo("x");
        op.params["speed"] = 1;
        spec.operators = {op};
        CHECK(compileError(spec).code() == errc::kUnknownParameter);
        op.params = {{"rate", 500}};
        spec.operators = {op};
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kOutOfRange);
        CHECK_THAT(e.what(), Catch::Contains("operators[0] \"x\".params.rate") &&
                                 Catch::Contains("[0.01, 50]"));
        op.params = {{"shape", 1.5}};
        spec.operators = {op};
        CHECK_THAT(compileError(spec).what(), Catch::Contains("whole number"));
    }
    SECTION("wrong number of inputs") {
        spec.sources.push_back({.id = "s", .kind = SourceKind::Gate});
        OperatorSpec op = lfo("x");
        op.inputs = {"s"};
        spec.operators = {op};
        CHECK_THAT(compileError(spec).what(), Catch::Contains("mod.lfo takes 0 inputs, got 1"));
        spec.operators = {math("m", {})};
        CHECK_THAT(compileError(spec).what(),
                   Catch::Contains("op.math takes 1 to 2 inputs, got 0"));
    }
    SECTION("unknown input") {
        spec.operators = {math("m", {"nothing"})};
        const SignalError e = compileError(spec);
        CHECK(e.code() == errc::kUnknownSignal);
        CHECK_THAT(e.what(),
                   Catch::Contains("operators[0] \"m\".inputs[0]: unknown signal \"nothing\""));
    }
    SECTION("duplicate node id across sources and operators") {
        spec.sources.push_back({.id = "x", .kind = SourceKind::Gate});
        spec.operators = {lfo("x")};
        CHECK(compileError(spec).code() == errc::kDuplicateId);
    }
    SECTION("band upside down") {
        spec.sources.push_back(
            {.id = "b", .kind = SourceKind::AudioBand, .bandLowHz = 500, .bandHighHz = 100});
        CHECK_THAT(compileError(spec).what(), Catch::Contains("sources[0] \"b\".band[1]"));
    }
}

TEST_CASE("Bad automation lanes get clear errors", "[signal][graph]") {
    SignalGraphSpec spec;
    AutomationLane lane;
    lane.target = {"noise-1", "amount", 0};
    spec.lanes = {lane};
    CHECK_THAT(compileError(spec).what(),
               Catch::Contains("automation[0].keys: a lane needs at least one keyframe"));
    spec.lanes[0].keys = {{10, 0.1, Interpolation::Linear}, {10, 0.2, Interpolation::Linear}};
    CHECK_THAT(compileError(spec).what(), Catch::Contains("automation[0].keys[1].frame"));
    spec.lanes[0].keys = {{0, 0.1, Interpolation::Linear}};
    spec.lanes[0].target.param = "nope";
    CHECK(compileError(spec).code() == errc::kUnknownParameter);
    spec.lanes[0].target.param = "amount";
    spec.lanes.push_back(spec.lanes[0]);
    CHECK_THAT(compileError(spec).what(), Catch::Contains("already has a lane"));
}

TEST_CASE("Evaluation follows dependencies, not the listing order", "[signal][graph]") {
    SignalGraphSpec spec;
    auto plus = math("plus", {"saw"});
    plus.params["value"] = 10;
    auto saw = lfo("saw");
    saw.params = {{"shape", 2}};
    spec.operators = {plus, saw};
    const auto ev = sigtest::evaluate(spec, {}, {}, Timing{4, 1, 120}, 4);
    CHECK(ev.node(*ev.graph().findNode("plus"), 1) == 10.25);
    const auto& order = ev.graph().order();
    CHECK(order == std::vector<std::size_t>{1, 0});
}
