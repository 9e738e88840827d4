#pragma once
// The signal part of a project file (format 2): "tempo", "performance" and
// "signals" (docs/project-format.md, docs/signals.md).
#include <nlohmann/json.hpp>

#include "entropic/engine/project/project.h"
#include "json_fields.h"

namespace entropic::engine {

// Reads the three fields into p (whose tracks are already parsed) and
// compiles the graph against p's effect instances. Throws
// EngineError(project_invalid) naming the field.
void parseProjectSignals(const JsonFields& f, Project& p);

// Writes them into doc; fields at their defaults are left out.
void projectSignalsToJson(const Project& p, nlohmann::json& doc);

} // namespace entropic::engine
