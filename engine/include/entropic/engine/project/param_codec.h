#pragma once
// Parameter values to and from their written forms (JSON in projects and
// commands, "key=value" on the command line), checked against the spec.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "entropic/effects/descriptor.h"
#include "entropic/effects/params.h"

namespace entropic::engine {

// Throws EngineError(out_of_range or project_invalid) naming `field`.
fx::ParamValue paramFromJson(const fx::ParamSpec& spec, const nlohmann::json& value,
                             const std::string& field);
fx::ParamValue paramFromText(const fx::ParamSpec& spec, std::string_view text,
                             const std::string& field);
nlohmann::json paramToJson(const fx::ParamSpec& spec, const fx::ParamValue& value);

// spec.appliesWhen as {"all": [{"param": "direction", "choices": ["Angle"]} or
// {"param": "snap", "value": true}, …], "text": "Direction is Angle"}.
nlohmann::json appliesWhenToJson(const fx::ParamSpec& spec,
                                 const std::vector<fx::ParamSpec>& specs);

// The descriptor as JSON, for --list-effects --json and the list_effects command.
nlohmann::json descriptorToJson(const fx::EffectDescriptor& descriptor);

} // namespace entropic::engine
