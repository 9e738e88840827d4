#pragma once
// JSON forms of the pieces commands hold (clips, tracks, effect instances),
// written with the engine's own project writer and read back with its piece
// parsers (engine/project/project.h), so a spilled command comes back exactly
// as it was and no field is written or checked twice. Also the rough memory
// cost of each piece.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/effects/container.h"
#include "entropic/engine/project/project.h"

namespace entropic::app {

// A clip and the track it sits on (the kind decides whether it has effects).
struct PlacedClip {
    std::string trackId;
    engine::TrackKind kind = engine::TrackKind::Video;
    engine::Clip clip;
};

nlohmann::json placedClipsToJson(const std::vector<PlacedClip>& clips);
std::vector<PlacedClip> placedClipsFromJson(const nlohmann::json& doc, const std::string& baseDir);

using engine::trackToJson;
engine::Track trackFromJson(const nlohmann::json& doc, const std::string& baseDir);

using engine::effectToJson;
fx::EffectInstance effectFromJson(const nlohmann::json& doc);

std::size_t effectCost(const fx::EffectInstance& effect);
std::size_t clipCost(const engine::Clip& clip);
std::size_t trackCost(const engine::Track& track);

} // namespace entropic::app
