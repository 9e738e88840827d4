#include "commands/command_codec.h"

namespace entropic::app {

using nlohmann::json;

namespace {

const char* kindName(engine::TrackKind kind) {
    return kind == engine::TrackKind::Video ? "video" : "audio";
}

engine::TrackKind kindFromName(const std::string& name) {
    return name == "audio" ? engine::TrackKind::Audio : engine::TrackKind::Video;
}

// A minimal valid project around some tracks, so the engine's parser (and its
// checks) rebuild them.
json wrapTracks(json tracks) {
    return {{"format", engine::kProjectFormatName},
            {"version", engine::kProjectFormatVersion},
            {"id", "history"},
            {"frame_rate", {{"num", 30}, {"den", 1}}},
            {"width", 16},
            {"height", 16},
            {"tracks", std::move(tracks)}};
}

} // namespace

json placedClipsToJson(const std::vector<PlacedClip>& clips) {
    json list = json::array();
    for (const auto& c : clips)
        list.push_back(
            {{"track", c.trackId}, {"kind", kindName(c.kind)}, {"clip", engine::clipToJson(c.clip, c.kind)}});
    return list;
}

std::vector<PlacedClip> placedClipsFromJson(const json& doc, const std::string& baseDir) {
    // One wrapper track per clip: clips of a set may overlap (before and after
    // a move are different sets, but a set may hold clips of several tracks).
    json tracks = json::array();
    for (std::size_t i = 0; i < doc.size(); ++i)
        tracks.push_back({{"id", "t" + std::to_string(i)},
                          {"kind", doc[i].at("kind")},
                          {"clips", json::array({doc[i].at("clip")})}});
    engine::Project p = engine::parseProject(wrapTracks(std::move(tracks)), baseDir);
    std::vector<PlacedClip> out;
    for (std::size_t i = 0; i < doc.size(); ++i)
        out.push_back({doc[i].at("track").get<std::string>(),
                       kindFromName(doc[i].at("kind").get<std::string>()),
                       std::move(p.tracks[i].clips.front())});
    return out;
}

json trackToJson(const engine::Track& track) {
    engine::Project p;
    p.tracks.push_back(track);
    return engine::projectToJson(p).at("tracks").at(0);
}

engine::Track trackFromJson(const json& doc, const std::string& baseDir) {
    engine::Project p = engine::parseProject(wrapTracks(json::array({doc})), baseDir);
    return std::move(p.tracks.front());
}

json effectToJson(const fx::EffectInstance& effect) {
    engine::Clip c;
    c.effects.push_back(effect);
    return engine::clipToJson(c, engine::TrackKind::Video).at("effects").at(0);
}

fx::EffectInstance effectFromJson(const json& doc) {
    const json clip = {{"id", "c"}, {"source", "x"}, {"start", 0}, {"out", 1}, {"effects", json::array({doc})}};
    const json tracks = json::array({{{"id", "t"}, {"kind", "video"}, {"clips", json::array({clip})}}});
    engine::Project p = engine::parseProject(wrapTracks(tracks), {});
    return std::move(p.tracks.front().clips.front().effects.front());
}

std::size_t effectCost(const fx::EffectInstance& effect) {
    return sizeof(effect) + effect.instanceId.size() + effect.params.size() * sizeof(fx::ParamValue);
}

std::size_t clipCost(const engine::Clip& clip) {
    std::size_t bytes = sizeof(clip) + clip.id.size() + clip.source.size() + clip.sourcePath.size();
    for (const auto& e : clip.effects) bytes += effectCost(e);
    return bytes;
}

std::size_t trackCost(const engine::Track& track) {
    std::size_t bytes = sizeof(track) + track.id.size() + track.name.size();
    for (const auto& c : track.clips) bytes += clipCost(c);
    return bytes;
}

} // namespace entropic::app
