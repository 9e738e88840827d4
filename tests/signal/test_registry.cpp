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
        CHECK(entropic::fx::checkConditions(d->params).empty());
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

TEST_CASE("Every operator: a parameter that does not apply leaves the output unchanged",
          "[signal][registry][applies]") {
    entropic::fx::Rng rng(5);
    std::vector<Series> inputs(8, Series(200));
    for (auto& s : inputs)
        for (double& v : s)
            v = rng.uniform();
    int checked = 0;
    for (const auto* d : OperatorRegistry::builtin().all()) {
        const std::vector<Series> in(
            inputs.begin(), inputs.begin() + (d->maxInputs > 0 ? std::max(1, d->minInputs) : 0));
        for (const auto& p : d->params) {
            for (const auto& c : p.appliesWhen) {
                const entropic::fx::ParamValues defaults(d->params);
                const auto& controller =
                    d->params[static_cast<std::size_t>(defaults.indexOf(c.key))];
                const int options = controller.type == entropic::fx::ParamType::Bool
                                        ? 2
                                        : static_cast<int>(controller.choices.size());
                for (int v = 0; v < options; ++v) {
                    std::map<std::string, double> params{{c.key, v}};
                    const auto why =
                        entropic::fx::applicability(p, d->params, [&](std::string_view k) {
                            return k == c.key ? v : defaults.number(k);
                        });
                    if (why.applies) continue;
                    INFO(d->id << ": " << p.key << " with " << c.key << " = " << v << " ("
                               << why.reason << ")");
                    params[p.key] = p.min;
                    const Series low =
                        sigtest::runOperator(d->id, params, in, Timing{24, 1, 174}, 200);
                    params[p.key] = p.max;
                    const Series high =
                        sigtest::runOperator(d->id, params, in, Timing{24, 1, 174}, 200);
                    CHECK(low == high);
                    ++checked;
                }
            }
        }
    }
    CHECK(checked >= 10);
}
