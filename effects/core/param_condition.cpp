// ParamSpec::appliesWhen: the builders that declare it and the pure function
// that reads it (params.h). The UI, the CLI listing and the docs all word a
// condition through appliesWhenText(), so they never disagree.
#include <algorithm>
#include <cmath>

#include "entropic/effects/params.h"

namespace entropic::fx {
namespace {

const ParamSpec* findSpec(const std::vector<ParamSpec>& specs, std::string_view key) {
    for (const auto& s : specs)
        if (s.key == key) return &s;
    return nullptr;
}

std::string describe(const ParamCondition& c, const ParamSpec& controller) {
    std::string text = controller.label + " is ";
    if (controller.type == ParamType::Bool) return text + (c.flag ? "on" : "off");
    for (std::size_t i = 0; i < c.choices.size(); ++i) {
        if (i > 0) text += i + 1 == c.choices.size() ? " or " : ", ";
        text += c.choices[i];
    }
    return text;
}

bool holds(const ParamCondition& c, const ParamSpec& controller, double value) {
    if (controller.type == ParamType::Bool) return (value >= 0.5) == c.flag;
    const double index = std::nearbyint(value);
    if (index < 0 || index >= static_cast<double>(controller.choices.size())) return false;
    const std::string& name = controller.choices[static_cast<std::size_t>(index)];
    return std::find(c.choices.begin(), c.choices.end(), name) != c.choices.end();
}

} // namespace

ParamSpec ParamSpec::when(std::string key, std::vector<std::string> choices) const {
    ParamSpec s = *this;
    s.appliesWhen.push_back({std::move(key), std::move(choices), true});
    return s;
}

ParamSpec ParamSpec::whenOn(std::string key) const {
    ParamSpec s = *this;
    s.appliesWhen.push_back({std::move(key), {}, true});
    return s;
}

ParamSpec ParamSpec::whenOff(std::string key) const {
    ParamSpec s = *this;
    s.appliesWhen.push_back({std::move(key), {}, false});
    return s;
}

std::string appliesWhenText(const ParamSpec& spec, const std::vector<ParamSpec>& specs) {
    std::string text;
    for (const auto& c : spec.appliesWhen) {
        const ParamSpec* controller = findSpec(specs, c.key);
        if (!controller) continue;
        if (!text.empty()) text += " and ";
        text += describe(c, *controller);
    }
    return text;
}

Applicability applicability(const ParamSpec& spec, const std::vector<ParamSpec>& specs,
                            const ParamLookup& valueOf) {
    for (const auto& c : spec.appliesWhen) {
        const ParamSpec* controller = findSpec(specs, c.key);
        if (controller && !holds(c, *controller, valueOf(c.key)))
            return {false, "Applies when " + appliesWhenText(spec, specs)};
    }
    return {};
}

std::string checkConditions(const std::vector<ParamSpec>& specs) {
    for (const auto& spec : specs) {
        for (const auto& c : spec.appliesWhen) {
            const std::string where = spec.key + ": applies when \"" + c.key + "\"";
            const ParamSpec* controller = findSpec(specs, c.key);
            if (!controller || controller == &spec) return where + " names no other parameter";
            if (controller->type == ParamType::Bool) {
                if (!c.choices.empty()) return where + " is a switch, not a choice";
                continue;
            }
            if (controller->type != ParamType::Enum)
                return where + " is neither a choice nor a switch";
            if (c.choices.empty()) return where + " lists no choice";
            for (const auto& name : c.choices)
                if (std::find(controller->choices.begin(), controller->choices.end(), name) ==
                    controller->choices.end())
                    return where + " has no choice \"" + name + "\"";
        }
    }
    return {};
}

Applicability applicability(const ParamValues& values, std::size_t index) {
    return applicability(values.specs()[index], values.specs(), [&](std::string_view key) {
        const int at = values.indexOf(key);
        return at < 0 ? 0.0 : values.at(static_cast<std::size_t>(at))[0];
    });
}

} // namespace entropic::fx
