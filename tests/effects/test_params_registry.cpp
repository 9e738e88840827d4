// The registry walk (like MLT's metadata validation): every descriptor is
// complete and consistent, so the inspector and CLI can be built from it.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "entropic/effects/registry.h"

using namespace entropic::fx;

TEST_CASE("every registered effect has a complete descriptor", "[effects][registry]") {
    const auto& all = EffectRegistry::builtin().all();
    REQUIRE(all.size() >= 4);
    std::set<std::pair<std::string, int>> seen;
    for (const EffectDescriptor* d : all) {
        INFO("effect " << d->id << " v" << d->version);
        REQUIRE(d != nullptr);
        CHECK(seen.insert({d->id, d->version}).second);
        CHECK(d->version >= 1);
        const bool util = d->id.rfind("util.", 0) == 0, fx = d->id.rfind("fx.", 0) == 0;
        CHECK((util || fx));
        CHECK(d->category == (util ? "util" : "fx"));
        CHECK(d->id.size() > d->category.size() + 1);
        CHECK_FALSE(d->name.empty());
        CHECK_FALSE(d->help.empty());
        CHECK(d->process != nullptr);
        CHECK(d->temporal() == (d->makeState != nullptr));
        CHECK((d->historyFrames > 0) == d->temporal());
        if (d->makeState) CHECK(d->makeState() != nullptr);
        CHECK(checkConditions(d->params).empty());
        std::set<std::string> keys;
        for (const ParamSpec& p : d->params) {
            INFO("param " << p.key);
            CHECK(keys.insert(p.key).second);
            CHECK_FALSE(p.key.empty());
            CHECK_FALSE(p.label.empty());
            CHECK_FALSE(p.help.empty());
            CHECK(p.min < p.max);
            for (int c = 0; c < p.components(); ++c) {
                const double v = p.def[static_cast<std::size_t>(c)];
                const bool colour = p.type == ParamType::Color;
                CHECK(v >= (colour ? 0.0 : p.min));
                CHECK(v <= (colour ? 1.0 : p.max));
            }
            CHECK(p.clamp(p.def) == p.def); // defaults are already valid values
            if (p.type == ParamType::Enum) {
                CHECK(p.choices.size() >= 2);
                CHECK(p.def[0] == static_cast<int>(p.def[0]));
                CHECK(p.def[0] >= 0);
                CHECK(p.def[0] < static_cast<double>(p.choices.size()));
                for (const auto& c : p.choices)
                    CHECK_FALSE(c.empty());
            } else {
                CHECK(p.choices.empty());
            }
        }
    }
}

TEST_CASE("registry finds the newest or an exact version", "[effects][registry]") {
    const auto& reg = EffectRegistry::builtin();
    REQUIRE(reg.find("util.levels") != nullptr);
    CHECK(reg.find("util.levels")->id == "util.levels");
    CHECK(reg.find("util.levels", 1) == reg.find("util.levels"));
    CHECK(reg.find("util.levels", 99) == nullptr);
    CHECK(reg.find("fx.nope") == nullptr);

    EffectDescriptor v1{.id = "fx.x", .version = 1}, v3{.id = "fx.x", .version = 3},
        v2{.id = "fx.x", .version = 2};
    const EffectRegistry custom({&v1, &v3, &v2});
    CHECK(custom.find("fx.x") == &v3);
    CHECK(custom.find("fx.x", 2) == &v2);
}

TEST_CASE("ParamSpec clamps and rounds by type", "[effects][params]") {
    const auto f = ParamSpec::number("f", "F", -1, 2, 0, "", "h");
    CHECK(f.clamp({5, 0, 0, 0})[0] == 2);
    CHECK(f.clamp({-5, 0, 0, 0})[0] == -1);
    CHECK(f.clamp({0.25, 0, 0, 0})[0] == 0.25);
    CHECK(f.clamp({std::nan(""), 0, 0, 0})[0] == -1);
    const auto i = ParamSpec::integer("i", "I", 0, 10, 3, "px", "h");
    CHECK(i.type == ParamType::Int);
    CHECK(i.clamp({2.6, 0, 0, 0})[0] == 3);
    CHECK(i.clamp({11.4, 0, 0, 0})[0] == 10);
    const auto b = ParamSpec::toggle("b", "B", true, "h");
    CHECK(b.def[0] == 1);
    CHECK(b.clamp({0.4, 0, 0, 0})[0] == 0);
    CHECK(b.clamp({7, 0, 0, 0})[0] == 1);
    const auto e = ParamSpec::choice("e", "E", {"a", "b", "c"}, 1, "h");
    CHECK(e.max == 2);
    CHECK(e.clamp({1.7, 0, 0, 0})[0] == 2);
    CHECK(e.clamp({-3, 0, 0, 0})[0] == 0);
    const auto c = ParamSpec::color("c", "C", {0.1, 0.2, 0.3, 1}, "h");
    CHECK(c.components() == 4);
    CHECK(c.clamp({-1, 0.5, 2, 1}) == ParamValue{0, 0.5, 1, 1});
    const auto pt = ParamSpec::point("p", "P", {0.5, 0.5}, -1, 2, "h");
    CHECK(pt.components() == 2);
    CHECK(pt.clamp({-3, 3, 9, 9}) == ParamValue{-1, 2, 0, 0});
    CHECK(paramTypeName(ParamType::Enum) == "enum");
    CHECK(paramTypeName(ParamType::Color) == "color");
}

TEST_CASE("ParamSpec carries the control's step and decimals, derived unless set",
          "[effects][params]") {
    // Derived: whole types step by 1 with no decimals; the others by 1/100 of
    // the range, with 3 decimals (1 over a range wider than 50).
    const auto f = ParamSpec::number("f", "F", -1, 2, 0, "", "h");
    CHECK(f.uiStep() == Approx(0.03));
    CHECK(f.uiDecimals() == 3);
    const auto wide = ParamSpec::number("w", "W", 0, 360, 0, "°", "h");
    CHECK(wide.uiStep() == Approx(3.6));
    CHECK(wide.uiDecimals() == 1);
    const auto i = ParamSpec::integer("i", "I", 0, 500, 3, "px", "h");
    CHECK(i.uiStep() == 1);
    CHECK(i.uiDecimals() == 0);
    CHECK(ParamSpec::choice("e", "E", {"a", "b"}, 0, "h").uiDecimals() == 0);
    CHECK(ParamSpec::point("p", "P", {0.5, 0.5}, 0, 1, "h").uiDecimals() == 3);
    // Declared: taken as is.
    auto gain = ParamSpec::number("g", "G", 0, 4, 1, "", "h");
    gain.step = 0.25;
    gain.decimals = 2;
    CHECK(gain.uiStep() == 0.25);
    CHECK(gain.uiDecimals() == 2);
}

TEST_CASE("ParamValues look up by key and refuse unknown keys", "[effects][params]") {
    const std::vector<ParamSpec> specs{
        ParamSpec::number("gain", "Gain", 0, 2, 1, "", "h"),
        ParamSpec::choice("mode", "Mode", {"a", "b"}, 1, "h"),
        ParamSpec::toggle("on", "On", false, "h"),
        ParamSpec::color("tint", "Tint", {1, 0, 0, 1}, "h"),
        ParamSpec::point("centre", "Centre", {0.25, 0.75}, 0, 1, "h"),
    };
    ParamValues v(specs);
    CHECK(v.size() == 5);
    CHECK(v.indexOf("mode") == 1);
    CHECK(v.indexOf("missing") == -1);
    CHECK(v.number("gain") == 1);
    CHECK(v.choice("mode") == 1);
    CHECK_FALSE(v.flag("on"));
    CHECK(v.color("tint").r == 1);
    CHECK(v.point("centre").y == 0.75);
    v.setNumber("gain", 9);
    CHECK(v.number("gain") == 2); // clamped on set
    v.set("on", {1, 0, 0, 0});
    CHECK(v.flag("on"));
    CHECK_THROWS_AS(v.number("missing"), std::logic_error);
    CHECK_THROWS_AS(v.setNumber("missing", 1), std::logic_error);
    CHECK_THROWS_AS(ParamValues().number("gain"), std::logic_error);
}
