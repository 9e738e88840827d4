// Every registered operator: a well-formed descriptor, finite output at its
// defaults and at its extremes.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "entropic/effects/rng.h"
#include "entropic/signal/operator_registry.h"
#include "support.h"

using namespace entropic::sig;

TEST_CASE("The registry lists the six built-in operators", "[signal][registry]") {
    const auto& r = OperatorRegistry::builtin();
    for (const char* id :
         {"mod.lfo", "mod.envelope", "mod.sidechain", "op.gate", "op.math", "op.fusion"}) {
        INFO(id);
        REQUIRE(r.find(id));
        CHECK(r.find(id, 1) == r.find(id));
    }
    CHECK(r.find("mod.nothing") == nullptr);
    CHECK(r.find("mod.lfo", 2) == nullptr);
}

TEST_CASE("Every descriptor is well formed", "[signal][registry]") {
    std::set<std::pair<std::string, int>> seen;
    for (const auto* d : OperatorRegistry::builtin().all()) {
        INFO(d->id);
        CHECK(seen.insert({d->id, d->version}).second);
        CHECK(d->id.rfind(d->category + ".", 0) == 0);
        CHECK((d->category == "mod" || d->category == "op"));
        CHECK(d->version >= 1);
        CHECK(!d->name.empty());
        CHECK(!d->help.empty());
        CHECK(!d->inputsHelp.empty());
        CHECK(d->step != nullptr);
        CHECK(d->minInputs >= 0);
        CHECK(d->minInputs <= d->maxInputs);
        std::set<std::string> keys;
        for (const auto& p : d->params) {
            INFO(p.key);
            CHECK(keys.insert(p.key).second);
            CHECK(!p.label.empty());
            CHECK(!p.help.empty());
            CHECK(p.min <= p.def[0]);
            CHECK(p.def[0] <= p.max);
            CHECK(p.components() == 1); // operators take plain numbers
            if (p.type == entropic::fx::ParamType::Enum)
                CHECK(p.choices.size() == static_cast<std::size_t>(p.max) + 1);
        }
    }
}

TEST_CASE("Every operator gives finite values at defaults and extremes", "[signal][registry]") {
    entropic::fx::Rng rng(3);
    std::vector<Series> inputs(8, Series(300));
    for (auto& s : inputs)
        for (double& v : s)
            v = rng.uniform() * 2 - 0.5;
    for (const auto* d : OperatorRegistry::builtin().all()) {
        for (int setting = 0; setting < 3; ++setting) {
            INFO(d->id << " setting " << setting);
            std::map<std::string, double> params;
            for (const auto& p : d->params)
                params[p.key] = setting == 0 ? p.def[0] : setting == 1 ? p.min : p.max;
            const std::vector<Series> in(
                inputs.begin(), inputs.begin() + std::max(1, d->maxInputs) * (d->maxInputs > 0));
            const Series out = sigtest::runOperator(d->id, params, in, Timing{24, 1, 174}, 300);
            for (double v : out)
                REQUIRE(std::isfinite(v));
        }
    }
}
