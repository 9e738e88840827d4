// Operators to and from JSON. Parameters are written as their descriptor
// declares them: numbers, true/false, an enum's choice name.
#include <cmath>

#include "entropic/signal/error.h"
#include "entropic/signal/json.h"
#include "graph/describe.h"
#include "json/fields.h"

namespace entropic::sig {
namespace {

using nlohmann::json;

const fx::ParamSpec* specFor(const OperatorDescriptor* d, const std::string& key) {
    if (!d) return nullptr;
    for (const auto& s : d->params)
        if (s.key == key) return &s;
    return nullptr;
}

json encodeParam(const fx::ParamSpec* spec, double v) {
    if (spec && spec->type == fx::ParamType::Bool) return v >= 0.5;
    if (spec && spec->type == fx::ParamType::Enum) {
        const auto i = static_cast<std::size_t>(std::lround(v));
        if (v >= 0 && i < spec->choices.size()) return spec->choices[i];
    }
    if (spec && spec->type == fx::ParamType::Int) return std::llround(v);
    return v;
}

double decodeParam(const fx::ParamSpec& spec, const json& v, const std::string& field) {
    auto typeError = [&](const std::string& expected) {
        throw SignalError(errc::kWrongType,
                          field + ": expected " + expected + ", got " + describeJson(v));
    };
    switch (spec.type) {
    case fx::ParamType::Bool:
        if (!v.is_boolean()) typeError("true or false");
        return v.get<bool>() ? 1.0 : 0.0;
    case fx::ParamType::Enum: {
        if (!v.is_string()) typeError("a choice name");
        for (std::size_t i = 0; i < spec.choices.size(); ++i)
            if (spec.choices[i] == v.get<std::string>()) return static_cast<double>(i);
        std::string list;
        for (const auto& c : spec.choices)
            list += (list.empty() ? "" : ", ") + inQuotes(c);
        throw SignalError(errc::kOutOfRange,
                          field + ": expected one of " + list + ", got " + describeJson(v));
    }
    default: {
        if (!v.is_number()) typeError("a number");
        const double x = v.get<double>();
        if (spec.type == fx::ParamType::Int && x != std::floor(x)) typeError("a whole number");
        if (!std::isfinite(x) || x < spec.min || x > spec.max)
            throw SignalError(errc::kOutOfRange,
                              field + ": expected a number in [" + formatNumber(spec.min) + ", " +
                                  formatNumber(spec.max) + "], got " + formatNumber(x));
        return x;
    }
    }
}

} // namespace

json toJson(const OperatorSpec& op, const OperatorRegistry& registry) {
    const OperatorDescriptor* d =
        op.version ? registry.find(op.op, op.version) : registry.find(op.op);
    json params = json::object();
    for (const auto& [key, v] : op.params)
        params[key] = encodeParam(specFor(d, key), v);
    json out = {{"id", op.id},
                {"op", op.op},
                {"version", op.version ? op.version : (d ? d->version : 0)},
                {"inputs", op.inputs},
                {"params", params}};
    if (!op.name.empty()) out["name"] = op.name;
    if (op.seed != 0) out["seed"] = op.seed;
    return out;
}

OperatorSpec operatorFromJson(const json& doc, const std::string& path,
                              const OperatorRegistry& registry) {
    const Fields f(doc, path);
    f.allowOnly({"id", "name", "op", "version", "seed", "inputs", "params"});
    OperatorSpec op;
    op.id = f.string("id");
    op.name = f.string("name", "");
    op.op = f.string("op");
    const OperatorDescriptor* d = nullptr;
    if (f.has("version")) {
        const std::int64_t v = f.integer("version");
        if (v < 1 || v > 1000000)
            throw SignalError(errc::kOutOfRange, f.field("version") + ": expected a version >= 1");
        op.version = static_cast<int>(v);
        d = registry.find(op.op, op.version);
    } else {
        d = registry.find(op.op);
    }
    if (!d)
        throw SignalError(errc::kUnknownOperator,
                          f.field("op") + ": unknown operator " + inQuotes(op.op) +
                              (op.version ? " version " + std::to_string(op.version) : ""));
    op.version = d->version;
    op.seed = f.unsignedInteger("seed", 0);
    const json& inputs = f.array("inputs");
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i].is_string() || inputs[i].get<std::string>().empty())
            throw SignalError(errc::kWrongType, f.field("inputs") + "[" + std::to_string(i) +
                                                    "]: expected a signal id, got " +
                                                    describeJson(inputs[i]));
        op.inputs.push_back(inputs[i].get<std::string>());
    }
    if (const json* params = f.find("params")) {
        if (!params->is_object()) f.wrongType("params", "an object");
        for (const auto& [key, value] : params->items()) {
            const fx::ParamSpec* spec = specFor(d, key);
            if (!spec) {
                std::string list;
                for (const auto& s : d->params)
                    list += (list.empty() ? "" : ", ") + s.key;
                throw SignalError(errc::kUnknownParameter, f.field("params") + "." + key + ": " +
                                                               d->id + " has no parameter " +
                                                               inQuotes(key) +
                                                               " (parameters: " + list + ")");
            }
            op.params[key] = decodeParam(*spec, value, f.field("params") + "." + key);
        }
    }
    return op;
}

} // namespace entropic::sig
