#include "entropic/effects/params.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace entropic::fx {

std::string_view paramTypeName(ParamType type) {
    switch (type) {
    case ParamType::Float:
        return "float";
    case ParamType::Int:
        return "int";
    case ParamType::Bool:
        return "bool";
    case ParamType::Enum:
        return "enum";
    case ParamType::Color:
        return "color";
    case ParamType::Point:
        return "point";
    }
    return "unknown";
}

ParamSpec ParamSpec::number(std::string key, std::string label, double min, double max, double def,
                            std::string unit, std::string help) {
    ParamSpec s;
    s.key = std::move(key);
    s.label = std::move(label);
    s.type = ParamType::Float;
    s.min = min;
    s.max = max;
    s.def = {def, 0, 0, 0};
    s.unit = std::move(unit);
    s.help = std::move(help);
    return s;
}

ParamSpec ParamSpec::integer(std::string key, std::string label, int min, int max, int def,
                             std::string unit, std::string help) {
    ParamSpec s =
        number(std::move(key), std::move(label), min, max, def, std::move(unit), std::move(help));
    s.type = ParamType::Int;
    return s;
}

ParamSpec ParamSpec::toggle(std::string key, std::string label, bool def, std::string help) {
    ParamSpec s = number(std::move(key), std::move(label), 0, 1, def ? 1 : 0, "", std::move(help));
    s.type = ParamType::Bool;
    return s;
}

ParamSpec ParamSpec::choice(std::string key, std::string label, std::vector<std::string> choices,
                            int def, std::string help) {
    const double last = choices.empty() ? 0.0 : static_cast<double>(choices.size() - 1);
    ParamSpec s = number(std::move(key), std::move(label), 0, last, def, "", std::move(help));
    s.type = ParamType::Enum;
    s.choices = std::move(choices);
    return s;
}

ParamSpec ParamSpec::color(std::string key, std::string label, Rgba def, std::string help) {
    ParamSpec s = number(std::move(key), std::move(label), 0, 1, 0, "", std::move(help));
    s.type = ParamType::Color;
    s.def = {def.r, def.g, def.b, def.a};
    return s;
}

ParamSpec ParamSpec::point(std::string key, std::string label, PointF def, double min, double max,
                           std::string help) {
    ParamSpec s = number(std::move(key), std::move(label), min, max, 0, "", std::move(help));
    s.type = ParamType::Point;
    s.def = {def.x, def.y, 0, 0};
    return s;
}

int ParamSpec::components() const {
    switch (type) {
    case ParamType::Color:
        return 4;
    case ParamType::Point:
        return 2;
    default:
        return 1;
    }
}

namespace {
bool wholeNumbers(ParamType type) {
    return type == ParamType::Int || type == ParamType::Bool || type == ParamType::Enum;
}
} // namespace

double ParamSpec::uiStep() const {
    if (step > 0) return step;
    return wholeNumbers(type) ? 1.0 : (max - min) / 100;
}

int ParamSpec::uiDecimals() const {
    if (decimals >= 0) return decimals;
    return wholeNumbers(type) ? 0 : (max - min > 50 ? 1 : 3);
}

namespace {
// NaN never reaches an effect: it becomes the lower bound.
double clampFinite(double v, double lo, double hi) {
    if (std::isnan(v)) return lo;
    return std::clamp(v, lo, hi);
}
} // namespace

ParamValue ParamSpec::clamp(ParamValue value) const {
    ParamValue out{};
    switch (type) {
    case ParamType::Float:
        out[0] = clampFinite(value[0], min, max);
        break;
    case ParamType::Int:
    case ParamType::Bool:
    case ParamType::Enum:
        // Round first, then clamp to the integer range inside [min, max].
        out[0] = clampFinite(std::nearbyint(clampFinite(value[0], min, max)), std::ceil(min),
                             std::floor(max));
        break;
    case ParamType::Color:
        for (int i = 0; i < 4; ++i)
            out[static_cast<std::size_t>(i)] =
                clampFinite(value[static_cast<std::size_t>(i)], 0.0, 1.0);
        break;
    case ParamType::Point:
        out[0] = clampFinite(value[0], min, max);
        out[1] = clampFinite(value[1], min, max);
        break;
    }
    return out;
}

ParamValues::ParamValues(const std::vector<ParamSpec>& specs) : specs_(&specs) {
    values_.reserve(specs.size());
    for (const auto& s : specs)
        values_.push_back(s.clamp(s.def));
}

int ParamValues::indexOf(std::string_view key) const {
    if (!specs_) return -1;
    for (std::size_t i = 0; i < specs_->size(); ++i)
        if ((*specs_)[i].key == key) return static_cast<int>(i);
    return -1;
}

void ParamValues::set(std::size_t index, const ParamValue& value) {
    if (index >= values_.size()) throw std::logic_error("ParamValues::set: index out of range");
    values_[index] = (*specs_)[index].clamp(value);
}

void ParamValues::set(std::string_view key, const ParamValue& value) {
    const int i = indexOf(key);
    if (i < 0) throw std::logic_error("unknown parameter '" + std::string(key) + "'");
    set(static_cast<std::size_t>(i), value);
}

const ParamValue& ParamValues::lookup(std::string_view key) const {
    const int i = indexOf(key);
    if (i < 0) throw std::logic_error("unknown parameter '" + std::string(key) + "'");
    return values_[static_cast<std::size_t>(i)];
}

double ParamValues::number(std::string_view key) const {
    return lookup(key)[0];
}
int ParamValues::integer(std::string_view key) const {
    return static_cast<int>(std::lround(lookup(key)[0]));
}
bool ParamValues::flag(std::string_view key) const {
    return lookup(key)[0] >= 0.5;
}
int ParamValues::choice(std::string_view key) const {
    return integer(key);
}
Rgba ParamValues::color(std::string_view key) const {
    const auto& v = lookup(key);
    return {v[0], v[1], v[2], v[3]};
}
PointF ParamValues::point(std::string_view key) const {
    const auto& v = lookup(key);
    return {v[0], v[1]};
}

} // namespace entropic::fx
