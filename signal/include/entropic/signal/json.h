#pragma once
// The signal part of a project to and from JSON (docs/signals.md, "JSON").
// Readers throw SignalError naming the field path ("signals.routes[2].depth:
// expected a number, got \"x\""): missing fields, wrong types, unknown keys,
// unknown operators, sources or interpolations, parameters out of range.
// Cross-references (a route's signal, an effect's parameter) are checked by
// compileGraph, which knows the project.
#include <string>

#include <nlohmann/json.hpp>

#include "entropic/signal/operator_registry.h"
#include "entropic/signal/spec.h"

namespace entropic::sig {

nlohmann::json toJson(const SourceSpec& source);
nlohmann::json toJson(const OperatorSpec& op,
                      const OperatorRegistry& registry = OperatorRegistry::builtin());
nlohmann::json toJson(const RouteSpec& route);
nlohmann::json toJson(const AutomationLane& lane);
nlohmann::json toJson(const SignalGraphSpec& spec,
                      const OperatorRegistry& registry = OperatorRegistry::builtin());

SourceSpec sourceFromJson(const nlohmann::json& doc, const std::string& path);
// Resolves an absent version to the newest one registered.
OperatorSpec operatorFromJson(const nlohmann::json& doc, const std::string& path,
                              const OperatorRegistry& registry = OperatorRegistry::builtin());
RouteSpec routeFromJson(const nlohmann::json& doc, const std::string& path);
AutomationLane laneFromJson(const nlohmann::json& doc, const std::string& path);
SignalGraphSpec signalGraphFromJson(const nlohmann::json& doc, const std::string& path = "signals",
                                    const OperatorRegistry& registry = OperatorRegistry::builtin());

} // namespace entropic::sig
