#pragma once
#include <nlohmann/json.hpp>

namespace entropic::engine {

// Brings a project document of any older format version up to the current
// one, one step at a time (docs/project-format.md lists the steps). Refuses a
// newer version or a document that is not an Entropic project, with
// EngineError(project_invalid) naming the field.
nlohmann::json migrateProject(const nlohmann::json& doc);

} // namespace entropic::engine
