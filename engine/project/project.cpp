#include "entropic/engine/project/project.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "entropic/effects/registry.h"
#include "entropic/engine/error.h"
#include "entropic/engine/project/param_codec.h"
#include "json_fields.h"
#include "project_migration.h"
#include "project_signals.h"

namespace entropic::engine {
namespace {

using nlohmann::json;
constexpr const char* kInvalid = errc::kProjectInvalid;

struct MaskShapeName {
    fx::MaskShape shape;
    const char* name;
};
constexpr MaskShapeName kMaskShapes[] = {{fx::MaskShape::None, "none"},
                                         {fx::MaskShape::Rectangle, "rectangle"},
                                         {fx::MaskShape::Ellipse, "ellipse"},
                                         {fx::MaskShape::LumaKey, "luma_key"}};

fx::MaskSpec parseMask(const json& doc, const std::string& path) {
    JsonFields f(doc, path, kInvalid);
    fx::MaskSpec m;
    const std::string shape = f.string("shape", "none");
    auto it = std::find_if(std::begin(kMaskShapes), std::end(kMaskShapes),
                           [&](const MaskShapeName& s) { return shape == s.name; });
    if (it == std::end(kMaskShapes))
        f.fail("shape",
               "expected one of none, rectangle, ellipse, luma_key, got \"" + shape + "\"");
    m.shape = it->shape;
    m.x = f.number("x", -1, 2, m.x);
    m.y = f.number("y", -1, 2, m.y);
    m.w = f.number("w", 0, 3, m.w);
    m.h = f.number("h", 0, 3, m.h);
    m.feather = f.number("feather", 0, 1, m.feather);
    m.lumaLow = f.number("luma_low", 0, 1, m.lumaLow);
    m.lumaHigh = f.number("luma_high", 0, 1, m.lumaHigh);
    m.softness = f.number("softness", 0, 1, m.softness);
    m.invert = f.boolean("invert", m.invert);
    return m;
}

json maskToJson(const fx::MaskSpec& m) {
    const char* shape = "none";
    for (const auto& s : kMaskShapes)
        if (s.shape == m.shape) shape = s.name;
    return {{"shape", shape},
            {"x", m.x},
            {"y", m.y},
            {"w", m.w},
            {"h", m.h},
            {"feather", m.feather},
            {"luma_low", m.lumaLow},
            {"luma_high", m.lumaHigh},
            {"softness", m.softness},
            {"invert", m.invert}};
}

fx::BlendMode parseBlendMode(JsonFields& f, const char* key) {
    const std::string name = f.string(key);
    if (const auto mode = fx::blendModeFromName(name)) return *mode;
    std::string known;
    for (const auto& m : fx::blendModes())
        known += (known.empty() ? "" : ", ") + std::string(m.name);
    f.fail(key, "unknown blend mode \"" + name + "\" (known: " + known + ")");
}

} // namespace

fx::EffectInstance parseEffect(const json& doc, const std::string& path) {
    JsonFields f(doc, path, kInvalid);
    fx::EffectInstance e;
    e.instanceId = f.string("id");
    if (e.instanceId.empty()) f.fail("id", "must not be empty");
    const std::string id = f.string("effect");
    const auto& registry = fx::EffectRegistry::builtin();
    if (f.has("version")) {
        const int version = static_cast<int>(f.integer("version", 1, 1000000));
        e.descriptor = registry.find(id, version);
        if (!e.descriptor) {
            const auto* newest = registry.find(id);
            f.fail("version", newest
                                  ? "effect " + id + " has no version " + std::to_string(version) +
                                        " (newest is " + std::to_string(newest->version) + ")"
                                  : "unknown effect \"" + id + "\"");
        }
    } else {
        e.descriptor = registry.find(id);
    }
    if (!e.descriptor) f.fail("effect", "unknown effect \"" + id + "\"");
    e.enabled = f.boolean("enabled", true);
    e.mix = f.number("mix", 0, 1, 1.0);
    if (f.has("blend")) e.blend = parseBlendMode(f, "blend");
    e.userSeed = f.unsignedInteger("seed", 0);
    if (f.has("mask")) e.mask = parseMask(f.object("mask"), f.field("mask"));
    e.params = fx::ParamValues(e.descriptor->params);
    JsonFields params(f.object("params"), f.field("params"), kInvalid);
    for (const auto& [key, value] : params.doc().items()) {
        const int index = e.params.indexOf(key);
        if (index < 0) params.fail(key, "effect " + id + " has no parameter \"" + key + "\"");
        e.params.set(static_cast<std::size_t>(index),
                     paramFromJson(e.descriptor->params[static_cast<std::size_t>(index)], value,
                                   params.field(key)));
    }
    return e;
}

json effectToJson(const fx::EffectInstance& e) {
    json params = json::object();
    for (std::size_t i = 0; i < e.params.size(); ++i)
        params[e.descriptor->params[i].key] = paramToJson(e.descriptor->params[i], e.params.at(i));
    json j = {{"id", e.instanceId},
              {"effect", e.descriptor->id},
              {"version", e.descriptor->version},
              {"enabled", e.enabled},
              {"mix", e.mix},
              {"seed", e.userSeed},
              {"params", std::move(params)}};
    if (e.mask.shape != fx::MaskShape::None) j["mask"] = maskToJson(e.mask);
    if (e.blend != fx::BlendMode::Normal)
        j["blend"] = fx::blendModeName(e.blend); // optional: absent means normal
    return j;
}

namespace {

Clip parseClip(const json& doc, const std::string& path, TrackKind kind, const std::string& baseDir,
               std::set<std::string>& effectIds) {
    JsonFields f(doc, path, kInvalid);
    Clip c;
    c.id = f.string("id");
    if (c.id.empty()) f.fail("id", "must not be empty");
    c.source = f.string("source");
    if (c.source.empty()) f.fail("source", "must name a media file");
    c.sourcePath = resolveSourcePath(c.source, baseDir);
    constexpr std::int64_t kMaxFrames = std::int64_t{1} << 40;
    c.start = f.integer("start", 0, kMaxFrames);
    c.in = f.integer("in", 0, kMaxFrames, 0);
    c.out = f.integer("out", 1, kMaxFrames);
    if (c.out <= c.in) f.failRange("out", "must be greater than in (" + std::to_string(c.in) + ")");
    c.gainDb = f.number("gain_db", -96, 24, 0);
    c.name = f.string("name", "");
    c.enabled = f.boolean("enabled", true);
    c.link = f.string("link", "");
    c.soundMuted = f.boolean("sound_muted", false);
    const auto& effects = f.array("effects");
    if (kind == TrackKind::Audio && !effects.empty())
        f.fail("effects", "audio clips carry no video effects");
    for (std::size_t i = 0; i < effects.size(); ++i) {
        const std::string ePath = f.field("effects") + "[" + std::to_string(i) + "]";
        c.effects.push_back(parseEffect(effects[i], ePath));
        if (!effectIds.insert(c.effects.back().instanceId).second)
            throw EngineError(kInvalid, ePath + ".id: \"" + c.effects.back().instanceId +
                                            "\" is used by another effect");
    }
    return c;
}

Track parseTrack(const json& doc, const std::string& path, const std::string& baseDir,
                 std::set<std::string>& clipIds, std::set<std::string>& effectIds) {
    JsonFields f(doc, path, kInvalid);
    Track t;
    t.id = f.string("id");
    if (t.id.empty()) f.fail("id", "must not be empty");
    const std::string kind = f.string("kind");
    if (kind == "video")
        t.kind = TrackKind::Video;
    else if (kind == "audio")
        t.kind = TrackKind::Audio;
    else
        f.fail("kind", "expected \"video\" or \"audio\", got \"" + kind + "\"");
    t.name = f.string("name", t.id);
    t.muted = f.boolean("muted", false);
    t.solo = f.boolean("solo", false);
    t.opacity = f.number("opacity", 0, 1, 1.0);
    if (f.has("blend")) t.blend = parseBlendMode(f, "blend");
    t.volumeDb = f.number("volume_db", -96, 24, 0);
    const auto& clips = f.array("clips");
    for (std::size_t i = 0; i < clips.size(); ++i) {
        const std::string cPath = f.field("clips") + "[" + std::to_string(i) + "]";
        t.clips.push_back(parseClip(clips[i], cPath, t.kind, baseDir, effectIds));
        if (!clipIds.insert(t.clips.back().id).second)
            throw EngineError(kInvalid,
                              cPath + ".id: \"" + t.clips.back().id + "\" is used by another clip");
    }
    // Clips on one track never overlap: the frame a track shows must be unambiguous.
    std::vector<const Clip*> order;
    for (const auto& c : t.clips)
        order.push_back(&c);
    std::sort(order.begin(), order.end(), [](auto a, auto b) { return a->start < b->start; });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (order[i]->start < order[i - 1]->end())
            throw EngineError(kInvalid, f.field("clips") + ": clip \"" + order[i]->id +
                                            "\" overlaps clip \"" + order[i - 1]->id + "\"");
    return t;
}

} // namespace

Clip parseClip(const json& doc, const std::string& path, TrackKind kind,
               const std::string& baseDir) {
    std::set<std::string> effectIds;
    return parseClip(doc, path, kind, baseDir, effectIds);
}

Track parseTrack(const json& doc, const std::string& path, const std::string& baseDir) {
    std::set<std::string> clipIds, effectIds;
    return parseTrack(doc, path, baseDir, clipIds, effectIds);
}

std::int64_t Project::frameCount() const {
    std::int64_t end = 0;
    for (const auto& t : tracks)
        for (const auto& c : t.clips)
            end = std::max(end, c.end());
    return end;
}

std::string resolveSourcePath(const std::string& source, const std::string& baseDir) {
    std::filesystem::path p(source);
    if (p.is_absolute() || baseDir.empty()) return p.lexically_normal().string();
    return (std::filesystem::path(baseDir) / p).lexically_normal().string();
}

std::string clipDisplayName(const Clip& clip) {
    return clip.name.empty() ? std::filesystem::path(clip.source).filename().string() : clip.name;
}

Project parseProject(const json& original, const std::string& baseDir) {
    const json doc = migrateProject(original);
    JsonFields f(doc, "", kInvalid);
    Project p;
    p.baseDir = baseDir;
    p.formatVersion = kProjectFormatVersion;
    p.id = f.string("id");
    if (p.id.empty()) f.fail("id", "must not be empty");
    p.seed = f.unsignedInteger("seed", 0);
    JsonFields rate(f.require("frame_rate"), "frame_rate", kInvalid);
    p.frameRate.num = rate.integer("num", 1, 1000000);
    p.frameRate.den = rate.integer("den", 1, 1000000);
    const double fps = p.frameRate.toDouble();
    if (fps < 1 || fps > 240)
        throw EngineError(errc::kOutOfRange, "frame_rate: expected 1 to 240 frames a second, got " +
                                                 std::to_string(fps));
    p.width = static_cast<int>(f.integer("width", 16, 8192));
    p.height = static_cast<int>(f.integer("height", 16, 8192));
    p.sampleRate = static_cast<int>(f.integer("sample_rate", 8000, 192000, 48000));
    std::set<std::string> trackIds, clipIds, effectIds;
    const auto& tracks = f.array("tracks");
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        const std::string tPath = "tracks[" + std::to_string(i) + "]";
        p.tracks.push_back(parseTrack(tracks[i], tPath, baseDir, clipIds, effectIds));
        if (!trackIds.insert(p.tracks.back().id).second)
            throw EngineError(kInvalid, tPath + ".id: \"" + p.tracks.back().id +
                                            "\" is used by another track");
    }
    parseProjectSignals(f, p);
    return p;
}

Project loadProjectFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw EngineError(errc::kIo, path + ": cannot open the project file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    json doc = json::parse(buffer.str(), nullptr, false);
    if (doc.is_discarded()) throw EngineError(kInvalid, path + ": not a valid JSON document");
    const std::string baseDir = std::filesystem::absolute(path).parent_path().string();
    try {
        return parseProject(doc, baseDir);
    } catch (const EngineError& e) {
        throw EngineError(e.code(), path + ": " + e.what());
    }
}

json clipToJson(const Clip& c, TrackKind kind) {
    json jc = {{"id", c.id}, {"source", c.source}, {"start", c.start},
               {"in", c.in}, {"out", c.out},       {"gain_db", c.gainDb}};
    // Optional, written only when not at their defaults: a project that uses
    // none of them reads as it did in format 2.
    if (!c.name.empty()) jc["name"] = c.name;
    if (!c.enabled) jc["enabled"] = false;
    if (!c.link.empty()) jc["link"] = c.link;
    if (c.soundMuted) jc["sound_muted"] = true;
    if (kind == TrackKind::Video) {
        json effects = json::array();
        for (const auto& e : c.effects)
            effects.push_back(effectToJson(e));
        jc["effects"] = std::move(effects);
    }
    return jc;
}

json trackToJson(const Track& t) {
    json clips = json::array();
    for (const auto& c : t.clips) {
        clips.push_back(clipToJson(c, t.kind));
    }
    json jt = {{"id", t.id},
               {"kind", t.kind == TrackKind::Video ? "video" : "audio"},
               {"name", t.name},
               {"muted", t.muted},
               {"volume_db", t.volumeDb},
               {"clips", std::move(clips)}};
    if (t.kind == TrackKind::Video) jt["opacity"] = t.opacity;
    if (t.blend != fx::BlendMode::Normal) jt["blend"] = fx::blendModeName(t.blend); // optional
    if (t.solo) jt["solo"] = true; // optional: absent means false
    return jt;
}

json projectToJson(const Project& p) {
    json tracks = json::array();
    for (const auto& t : p.tracks)
        tracks.push_back(trackToJson(t));
    json doc = {{"format", kProjectFormatName},
                {"version", kProjectFormatVersion},
                {"id", p.id},
                {"seed", p.seed},
                {"frame_rate", {{"num", p.frameRate.num}, {"den", p.frameRate.den}}},
                {"width", p.width},
                {"height", p.height},
                {"sample_rate", p.sampleRate},
                {"tracks", std::move(tracks)}};
    projectSignalsToJson(p, doc);
    return doc;
}

} // namespace entropic::engine
