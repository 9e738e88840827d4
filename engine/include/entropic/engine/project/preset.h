#pragma once
// Presets: named effect chains ("worn tape", "melt") stored as JSON files in
// resources/presets/ (format: docs/presets.md). entropic-render applies one to
// a media file with --preset NAME; the editor's effect browser lists them.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/effects/container.h"

namespace entropic::engine {

inline constexpr const char* kPresetFormatName = "entropic-preset";
inline constexpr int kPresetFormatVersion = 1;

struct Preset {
    std::string id;          // the file's name without .json: "worn-tape"
    std::string name;        // for people: "Worn tape"
    std::string description; // one line
    // The chain, in order. Instance ids are "<id>-<n>" (n from 1); whoever
    // puts the chain in a project gives them ids unique there.
    std::vector<fx::EffectInstance> effects;
};

// Validates like a project's chain (unknown effects, parameters and values out
// of range are errors naming the field). Throws EngineError(project_invalid).
Preset parsePreset(const nlohmann::json& doc, const std::string& id);

// Throws EngineError naming the file.
Preset loadPresetFile(const std::filesystem::path& path);

// The folder presets are read from: $ENTROPIC_PRESETS if set, else the
// installed share/entropic/presets if it exists, else the source tree's
// resources/presets (a build that was not installed).
std::filesystem::path presetFolder();

// Every *.json preset of a folder, by id. A file that does not load is
// skipped and its error appended to `errors` (when given): one broken
// preset never hides the others.
std::vector<Preset> loadPresets(const std::filesystem::path& folder,
                                std::vector<std::string>* errors = nullptr);

// The preset of that id in the folder; EngineError(not_found) listing the
// ids there if there is none.
Preset findPreset(const std::filesystem::path& folder, const std::string& id);

} // namespace entropic::engine
