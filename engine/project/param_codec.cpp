#include "entropic/engine/project/param_codec.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "entropic/engine/error.h"

namespace entropic::engine {
namespace {

using fx::ParamSpec;
using fx::ParamType;
using fx::ParamValue;

std::string formatNumber(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

[[noreturn]] void typeError(const std::string& field, const std::string& expected,
                            const std::string& got) {
    throw EngineError(errc::kProjectInvalid, field + ": expected " + expected + ", got " + got);
}

[[noreturn]] void rangeError(const ParamSpec& spec, const std::string& field, double got) {
    throw EngineError(errc::kOutOfRange,
                      field + ": expected a number in [" + formatNumber(spec.min) + ", " +
                          formatNumber(spec.max) + "], got " + formatNumber(got));
}

double checkedNumber(const ParamSpec& spec, double v, const std::string& field) {
    if (!std::isfinite(v) || v < spec.min || v > spec.max) rangeError(spec, field, v);
    if (spec.type == ParamType::Int && v != std::floor(v))
        typeError(field, "a whole number", formatNumber(v));
    return v;
}

int choiceIndex(const ParamSpec& spec, std::string_view name, const std::string& field) {
    for (std::size_t i = 0; i < spec.choices.size(); ++i)
        if (spec.choices[i] == name) return static_cast<int>(i);
    std::string list;
    for (const auto& c : spec.choices)
        list += (list.empty() ? "" : ", ") + c;
    typeError(field, "one of " + list, "\"" + std::string(name) + "\"");
}

bool parseHexColor(std::string_view text, ParamValue& out) {
    if (text.size() != 7 && text.size() != 9) return false;
    if (text[0] != '#') return false;
    double c[4] = {0, 0, 0, 1};
    for (std::size_t i = 0; i * 2 + 1 < text.size(); ++i) {
        unsigned value = 0;
        auto first = text.data() + 1 + i * 2;
        auto [ptr, ec] = std::from_chars(first, first + 2, value, 16);
        if (ec != std::errc() || ptr != first + 2) return false;
        c[i] = value / 255.0;
    }
    out = {c[0], c[1], c[2], c[3]};
    return true;
}

std::string toHexColor(const ParamValue& v) {
    char buf[10];
    auto byte = [](double x) {
        return static_cast<int>(std::lround(std::clamp(x, 0.0, 1.0) * 255));
    };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", byte(v[0]), byte(v[1]), byte(v[2]),
                  byte(v[3]));
    return buf;
}

bool parseDouble(std::string_view text, double& out) {
    // from_chars for double is in libstdc++ 11+, locale-independent.
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

std::string describe(const nlohmann::json& v) {
    std::string s = v.dump();
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

} // namespace

ParamValue paramFromJson(const ParamSpec& spec, const nlohmann::json& value,
                         const std::string& field) {
    switch (spec.type) {
    case ParamType::Float:
    case ParamType::Int:
        if (!value.is_number()) typeError(field, "a number", describe(value));
        return {checkedNumber(spec, value.get<double>(), field), 0, 0, 0};
    case ParamType::Bool:
        if (!value.is_boolean()) typeError(field, "true or false", describe(value));
        return {value.get<bool>() ? 1.0 : 0.0, 0, 0, 0};
    case ParamType::Enum:
        if (!value.is_string()) typeError(field, "a choice name", describe(value));
        return {static_cast<double>(choiceIndex(spec, value.get<std::string>(), field)), 0, 0, 0};
    case ParamType::Color: {
        ParamValue c;
        if (!value.is_string() || !parseHexColor(value.get<std::string>(), c))
            typeError(field, "a colour \"#rrggbb\" or \"#rrggbbaa\"", describe(value));
        return c;
    }
    case ParamType::Point:
        if (!value.is_array() || value.size() != 2 || !value[0].is_number() ||
            !value[1].is_number())
            typeError(field, "a point [x, y]", describe(value));
        return {checkedNumber(spec, value[0].get<double>(), field + "[0]"),
                checkedNumber(spec, value[1].get<double>(), field + "[1]"), 0, 0};
    }
    typeError(field, "a known parameter type", describe(value));
}

ParamValue paramFromText(const ParamSpec& spec, std::string_view text, const std::string& field) {
    const std::string quoted = "\"" + std::string(text) + "\"";
    switch (spec.type) {
    case ParamType::Float:
    case ParamType::Int: {
        double v = 0;
        if (!parseDouble(text, v)) typeError(field, "a number", quoted);
        return {checkedNumber(spec, v, field), 0, 0, 0};
    }
    case ParamType::Bool:
        if (text == "true" || text == "1" || text == "on") return {1, 0, 0, 0};
        if (text == "false" || text == "0" || text == "off") return {0, 0, 0, 0};
        typeError(field, "true or false", quoted);
    case ParamType::Enum:
        return {static_cast<double>(choiceIndex(spec, text, field)), 0, 0, 0};
    case ParamType::Color: {
        ParamValue c;
        if (!parseHexColor(text, c)) typeError(field, "a colour #rrggbb or #rrggbbaa", quoted);
        return c;
    }
    case ParamType::Point: {
        auto comma = text.find(',');
        double x = 0, y = 0;
        if (comma == std::string_view::npos || !parseDouble(text.substr(0, comma), x) ||
            !parseDouble(text.substr(comma + 1), y))
            typeError(field, "a point x,y", quoted);
        return {checkedNumber(spec, x, field), checkedNumber(spec, y, field), 0, 0};
    }
    }
    typeError(field, "a known parameter type", quoted);
}

nlohmann::json paramToJson(const ParamSpec& spec, const ParamValue& value) {
    switch (spec.type) {
    case ParamType::Float:
        return value[0];
    case ParamType::Int:
        return static_cast<std::int64_t>(std::llround(value[0]));
    case ParamType::Bool:
        return value[0] != 0;
    case ParamType::Enum: {
        auto i = static_cast<std::size_t>(std::llround(value[0]));
        return i < spec.choices.size() ? nlohmann::json(spec.choices[i]) : nlohmann::json(nullptr);
    }
    case ParamType::Color:
        return toHexColor(value);
    case ParamType::Point:
        return nlohmann::json::array({value[0], value[1]});
    }
    return nullptr;
}

nlohmann::json appliesWhenToJson(const fx::ParamSpec& spec,
                                 const std::vector<fx::ParamSpec>& specs) {
    nlohmann::json conditions = nlohmann::json::array();
    for (const auto& c : spec.appliesWhen) {
        nlohmann::json j = {{"param", c.key}};
        if (c.choices.empty())
            j["value"] = c.flag;
        else
            j["choices"] = c.choices;
        conditions.push_back(std::move(j));
    }
    return {{"all", std::move(conditions)}, {"text", fx::appliesWhenText(spec, specs)}};
}

nlohmann::json descriptorToJson(const fx::EffectDescriptor& d) {
    nlohmann::json params = nlohmann::json::array();
    for (const auto& p : d.params) {
        nlohmann::json j = {{"key", p.key},
                            {"label", p.label},
                            {"type", std::string(fx::paramTypeName(p.type))},
                            {"default", paramToJson(p, p.def)},
                            {"unit", p.unit},
                            {"help", p.help}};
        if (p.type == ParamType::Float || p.type == ParamType::Int || p.type == ParamType::Point) {
            j["min"] = p.min;
            j["max"] = p.max;
        }
        if (p.type == ParamType::Enum) j["choices"] = p.choices;
        if (!p.appliesWhen.empty()) j["applies_when"] = appliesWhenToJson(p, d.params);
        params.push_back(std::move(j));
    }
    return {{"id", d.id},
            {"version", d.version},
            {"name", d.name},
            {"category", d.category},
            {"help", d.help},
            {"temporal", d.temporal()},
            {"history_frames", d.historyFrames},
            {"params", std::move(params)}};
}

} // namespace entropic::engine
