// ParamSpec::appliesWhen: the condition function itself, and for every
// registered effect that a parameter declared inapplicable really changes
// nothing in the settings where the descriptor says so.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const std::vector<ParamSpec>& sampleSpecs() {
    static const std::vector<ParamSpec> specs{
        ParamSpec::choice("direction", "Direction", {"Horizontal", "Vertical", "Angle"}, 0, "h"),
        ParamSpec::number("angle", "Angle", -90, 90, 30, "°", "h").when("direction", {"Angle"}),
        ParamSpec::number("span", "Span", 0, 1, 0, "", "h")
            .when("direction", {"Vertical", "Angle"}),
        ParamSpec::toggle("snap", "Snap", false, "h"),
        ParamSpec::number("grid", "Grid", 1, 9, 2, "", "h").whenOn("snap"),
        ParamSpec::number("drift", "Drift", 0, 1, 0, "", "h")
            .whenOff("snap")
            .when("direction", {"Horizontal"}),
        ParamSpec::number("plain", "Plain", 0, 1, 0, "", "h"),
    };
    return specs;
}
const ParamSpec& spec(const std::string& key) {
    for (const auto& s : sampleSpecs())
        if (s.key == key) return s;
    throw std::logic_error(key);
}
Applicability applies(const std::string& key, std::map<std::string, double> values) {
    return applicability(spec(key), sampleSpecs(),
                         [&](std::string_view k) { return values[std::string(k)]; });
}
} // namespace

TEST_CASE("a parameter applies only while its controlling parameter holds a listed value",
          "[effects][params][applies]") {
    CHECK(applies("plain", {}).applies);
    CHECK(applies("plain", {}).reason.empty());

    const auto horizontal = applies("angle", {{"direction", 0}});
    CHECK_FALSE(horizontal.applies);
    CHECK(horizontal.reason == "Applies when Direction is Angle");
    CHECK_FALSE(applies("angle", {{"direction", 1}}).applies);
    CHECK(applies("angle", {{"direction", 2}}).applies);
    CHECK(applies("angle", {{"direction", 2}}).reason.empty());

    CHECK_FALSE(applies("span", {{"direction", 0}}).applies);
    CHECK(applies("span", {{"direction", 1}}).applies);
    CHECK(applies("span", {{"direction", 0}}).reason ==
          "Applies when Direction is Vertical or Angle");

    CHECK_FALSE(applies("grid", {{"snap", 0}}).applies);
    CHECK(applies("grid", {{"snap", 1}}).applies);
    CHECK(applies("grid", {{"snap", 0}}).reason == "Applies when Snap is on");

    // Several conditions must all hold; the reason names them all.
    CHECK(applies("drift", {{"snap", 0}, {"direction", 0}}).applies);
    CHECK_FALSE(applies("drift", {{"snap", 1}, {"direction", 0}}).applies);
    CHECK_FALSE(applies("drift", {{"snap", 0}, {"direction", 2}}).applies);
    CHECK(applies("drift", {{"snap", 1}, {"direction", 0}}).reason ==
          "Applies when Snap is off and Direction is Horizontal");

    // Out-of-range indices never match; the text is the same one the CLI prints.
    CHECK_FALSE(applies("angle", {{"direction", 7}}).applies);
    CHECK(appliesWhenText(spec("angle"), sampleSpecs()) == "Direction is Angle");
    CHECK(appliesWhenText(spec("plain"), sampleSpecs()).empty());
    CHECK(checkConditions(sampleSpecs()).empty());
}

TEST_CASE("checkConditions names a condition that cannot hold", "[effects][params][applies]") {
    const auto e = ParamSpec::choice("mode", "Mode", {"A", "B"}, 0, "h");
    const auto n = ParamSpec::number("n", "N", 0, 1, 0, "", "h");
    CHECK(checkConditions({e, n.when("mode", {"C"})}) ==
          "n: applies when \"mode\" has no choice \"C\"");
    CHECK(checkConditions({e, n.when("missing", {"A"})}) ==
          "n: applies when \"missing\" names no other parameter");
    CHECK(checkConditions({e, n.when("n", {"A"})}) ==
          "n: applies when \"n\" names no other parameter");
    CHECK(checkConditions({e, n.when("mode", {})}) == "n: applies when \"mode\" lists no choice");
    CHECK_FALSE(checkConditions({n, ParamSpec::number("m", "M", 0, 1, 0, "", "h").when("n", {"A"})})
                    .empty());
}

TEST_CASE("the ParamValues form reads the instance's own values", "[effects][params][applies]") {
    const auto& d = *EffectRegistry::builtin().find("fx.pixelsort");
    ParamValues p(d.params);
    const auto angle = static_cast<std::size_t>(p.indexOf("angle"));
    p.setNumber("direction", 0);
    CHECK_FALSE(applicability(p, angle).applies);
    CHECK(applicability(p, angle).reason == "Applies when Direction is Angle");
    p.setNumber("direction", 2);
    CHECK(applicability(p, angle).applies);
}

TEST_CASE("pixelsort: the angle changes nothing unless the direction is Angle, as declared",
          "[effects][pixelsort][applies]") {
    const auto& d = *EffectRegistry::builtin().find("fx.pixelsort");
    const Frame in = test::naturalFrame(96, 64);
    for (int direction : {0, 1}) {
        INFO("direction " << d.params[0].choices[static_cast<std::size_t>(direction)]);
        ParamValues p(d.params);
        p.setNumber("direction", direction);
        p.setNumber("angle", -60);
        const Frame a = test::process(d, p, in);
        p.setNumber("angle", 75);
        const Frame b = test::process(d, p, in);
        CHECK(test::samePixels(a.view(), b.view()));
        CHECK_FALSE(applicability(p, static_cast<std::size_t>(p.indexOf("angle"))).applies);
    }
    ParamValues p(d.params);
    p.setNumber("direction", 2);
    p.setNumber("angle", -60);
    const Frame a = test::process(d, p, in);
    p.setNumber("angle", 75);
    CHECK_FALSE(test::samePixels(a.view(), test::process(d, p, in).view()));
    CHECK(applicability(p, static_cast<std::size_t>(p.indexOf("angle"))).applies);
}

namespace {
// Two far-apart values of a parameter.
std::pair<ParamValue, ParamValue> extremes(const ParamSpec& s) {
    if (s.type == ParamType::Color) return {{0, 0, 0, 1}, {1, 0.9, 0.2, 1}};
    return {{s.min, s.min, 0, 0}, {s.max, s.max, 0, 0}};
}
} // namespace

TEST_CASE("every effect: a parameter that does not apply leaves the picture unchanged",
          "[effects][applies]") {
    int checked = 0;
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        for (std::size_t i = 0; i < d->params.size(); ++i) {
            const ParamSpec& s = d->params[i];
            for (const ParamCondition& c : s.appliesWhen) {
                ParamValues base(d->params);
                const ParamSpec& controller =
                    d->params[static_cast<std::size_t>(base.indexOf(c.key))];
                const int options = controller.type == ParamType::Bool
                                        ? 2
                                        : static_cast<int>(controller.choices.size());
                for (int v = 0; v < options; ++v) {
                    base.setNumber(c.key, v);
                    if (applicability(base, i).applies) continue;
                    INFO(d->id << ": " << s.key << " with " << c.key << " = " << v);
                    auto [lo, hi] = extremes(s);
                    ParamValues a = base, b = base;
                    a.set(i, lo);
                    b.set(i, hi);
                    const Frame fa = test::runEffect(*d, a, 48, 32);
                    const Frame fb = test::runEffect(*d, b, 48, 32);
                    CHECK(test::samePixels(fa.view(), fb.view()));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked >= 20);
}
