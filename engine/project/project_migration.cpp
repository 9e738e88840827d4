#include "project_migration.h"

#include <functional>
#include <string>
#include <vector>

#include "entropic/engine/error.h"
#include "entropic/engine/project/project.h"
#include "json_fields.h"

namespace entropic::engine {
namespace {

// steps[k] turns version k+1 into version k+2; a format change appends its
// step here and bumps kProjectFormatVersion.
const std::vector<std::function<void(nlohmann::json&)>>& migrationSteps() {
    static const std::vector<std::function<void(nlohmann::json&)>> steps = {
        // 1 → 2: the signal graph arrived ("signals", "tempo", "performance").
        // A format-1 file has none: nothing moves, at the default tempo. Keys
        // of those names in a format-1 file were never read, so they are
        // dropped rather than given a meaning the file did not have.
        [](nlohmann::json& doc) {
            doc.erase("signals");
            doc.erase("tempo");
            doc.erase("performance");
        },
        // 2 → 3: clips gained "name", "enabled", "link" and "sound_muted". A
        // format-2 clip has none (every clip shown by its file, enabled,
        // unlinked, its sound heard); keys of those names were never read, so
        // they are dropped the same way.
        [](nlohmann::json& doc) {
            if (!doc.contains("tracks") || !doc["tracks"].is_array()) return;
            for (auto& track : doc["tracks"]) {
                if (!track.is_object() || !track.contains("clips") || !track["clips"].is_array())
                    continue;
                for (auto& clip : track["clips"])
                    if (clip.is_object())
                        for (const char* key : {"name", "enabled", "link", "sound_muted"})
                            clip.erase(key);
            }
        },
    };
    return steps;
}

} // namespace

nlohmann::json migrateProject(const nlohmann::json& doc) {
    JsonFields f(doc, "", errc::kProjectInvalid);
    if (f.string("format") != kProjectFormatName)
        f.fail("format", "expected \"" + std::string(kProjectFormatName) + "\"");
    const auto version = f.integer("version", 1, 1000000);
    if (version > kProjectFormatVersion)
        throw EngineError(errc::kProjectInvalid,
                          "version: the project was written by a newer Entropic (format " +
                              std::to_string(version) + "); this build reads format " +
                              std::to_string(kProjectFormatVersion) + " and older");
    nlohmann::json out = doc;
    for (auto v = version; v < kProjectFormatVersion; ++v) {
        migrationSteps().at(static_cast<std::size_t>(v - 1))(out);
        out["version"] = v + 1;
    }
    return out;
}

} // namespace entropic::engine
