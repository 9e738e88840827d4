#include "entropic/engine/project/preset.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "entropic/engine/error.h"
#include "entropic/engine/project/project.h"
#include "json_fields.h"

namespace entropic::engine {

namespace {
const std::string kInvalid = errc::kProjectInvalid;
} // namespace

Preset parsePreset(const nlohmann::json& doc, const std::string& id) {
    JsonFields f(doc, "", kInvalid);
    if (f.string("format") != kPresetFormatName)
        f.fail("format", std::string("expected \"") + kPresetFormatName + "\"");
    if (const auto version = f.integer("version", 1, 1000000); version > kPresetFormatVersion)
        f.fail("version",
               "this preset needs a newer Entropic (format " + std::to_string(version) + ")");
    Preset p;
    p.id = id;
    p.name = f.string("name");
    if (p.name.empty()) f.fail("name", "must not be empty");
    p.description = f.string("description", "");
    const auto& effects = f.array("effects");
    if (effects.empty()) f.fail("effects", "a preset needs at least one effect");
    for (std::size_t i = 0; i < effects.size(); ++i) {
        nlohmann::json effect = effects[i];
        const std::string path = f.field("effects") + "[" + std::to_string(i) + "]";
        if (!effect.is_object()) throw EngineError(kInvalid, path + ": expected an object");
        // Ids belong to a project; a preset's are placeholders.
        if (effect.contains("id"))
            throw EngineError(kInvalid, path + ".id: presets carry no instance ids");
        effect["id"] = id + "-" + std::to_string(i + 1);
        p.effects.push_back(parseEffect(effect, path));
    }
    return p;
}

Preset loadPresetFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw EngineError(errc::kNotFound, path.string() + ": cannot open");
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw EngineError(kInvalid, path.string() + ": not JSON (" + e.what() + ")");
    }
    try {
        return parsePreset(doc, path.stem().string());
    } catch (const EngineError& e) {
        throw EngineError(e.code(), path.string() + ": " + e.what());
    }
}

std::filesystem::path presetFolder() {
    if (const char* env = std::getenv("ENTROPIC_PRESETS"); env && *env) return env;
    const std::filesystem::path installed = ENTROPIC_INSTALLED_PRESETS;
    std::error_code ec;
    if (std::filesystem::is_directory(installed, ec)) return installed;
    return ENTROPIC_SOURCE_PRESETS;
}

std::vector<Preset> loadPresets(const std::filesystem::path& folder,
                                std::vector<std::string>* errors) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec && errors) errors->push_back(folder.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<Preset> presets;
    for (const auto& file : files) {
        try {
            presets.push_back(loadPresetFile(file));
        } catch (const EngineError& e) {
            if (errors) errors->push_back(e.what());
        }
    }
    return presets;
}

Preset findPreset(const std::filesystem::path& folder, const std::string& id) {
    const auto file = folder / (id + ".json");
    std::error_code ec;
    if (id.find('/') == std::string::npos && std::filesystem::is_regular_file(file, ec))
        return loadPresetFile(file);
    std::string known;
    for (const auto& p : loadPresets(folder))
        known += (known.empty() ? "" : ", ") + p.id;
    throw EngineError(errc::kNotFound, "no preset \"" + id + "\" in " + folder.string() +
                                           (known.empty() ? "" : " (presets: " + known + ")"));
}

} // namespace entropic::engine
