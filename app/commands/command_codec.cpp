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

} // namespace

json placedClipsToJson(const std::vector<PlacedClip>& clips) {
    json list = json::array();
    for (const auto& c : clips)
        list.push_back({{"track", c.trackId},
                        {"kind", kindName(c.kind)},
                        {"clip", engine::clipToJson(c.clip, c.kind)}});
    return list;
}

std::vector<PlacedClip> placedClipsFromJson(const json& doc, const std::string& baseDir) {
    std::vector<PlacedClip> out;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const engine::TrackKind kind = kindFromName(doc[i].at("kind").get<std::string>());
        out.push_back({doc[i].at("track").get<std::string>(), kind,
                       engine::parseClip(doc[i].at("clip"), "clips[" + std::to_string(i) + "].clip",
                                         kind, baseDir)});
    }
    return out;
}

engine::Track trackFromJson(const json& doc, const std::string& baseDir) {
    return engine::parseTrack(doc, "track", baseDir);
}

fx::EffectInstance effectFromJson(const json& doc) {
    return engine::parseEffect(doc, "effect");
}

std::size_t effectCost(const fx::EffectInstance& effect) {
    return sizeof(effect) + effect.instanceId.size() +
           effect.params.size() * sizeof(fx::ParamValue);
}

std::size_t clipCost(const engine::Clip& clip) {
    std::size_t bytes = sizeof(clip) + clip.id.size() + clip.source.size() + clip.sourcePath.size();
    for (const auto& e : clip.effects)
        bytes += effectCost(e);
    return bytes;
}

std::size_t trackCost(const engine::Track& track) {
    std::size_t bytes = sizeof(track) + track.id.size() + track.name.size();
    for (const auto& c : track.clips)
        bytes += clipCost(c);
    return bytes;
}

} // namespace entropic::app
