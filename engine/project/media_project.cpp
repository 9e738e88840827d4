#include <filesystem>

#include "entropic/engine/error.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/project/project.h"

namespace entropic::engine {

Project projectForMedia(const std::string& path, const MediaInfo& info,
                        std::vector<fx::EffectInstance> effects) {
    if (!info.video) throw EngineError(errc::kMediaUnsupported, path + ": has no video stream");
    const auto& v = *info.video;
    Project p;
    const std::filesystem::path file(path);
    // The id seeds every effect: the same file gives the same glitch wherever it is rendered.
    p.id = file.filename().string();
    p.baseDir = std::filesystem::absolute(file).parent_path().string();
    p.frameRate = v.frameRate;
    const double fps = p.frameRate.toDouble();
    if (!p.frameRate.valid() || fps < 1 || fps > 240) p.frameRate = {30, 1};
    p.width = std::clamp(v.width, 16, 8192);
    p.height = std::clamp(v.height, 16, 8192);
    Track track;
    track.id = "V1";
    track.name = "V1";
    Clip clip;
    clip.id = "clip";
    clip.source = file.filename().string();
    clip.sourcePath = std::filesystem::absolute(file).lexically_normal().string();
    clip.out = std::max<std::int64_t>(1, v.frameCount);
    clip.effects = std::move(effects);
    track.clips.push_back(std::move(clip));
    p.tracks.push_back(std::move(track));
    return p;
}

} // namespace entropic::engine
