// load_project, probe_media: what the engine works on.
#include <filesystem>

#include "engine_session.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/media_info.h"
#include "media_json.h"

namespace entropic::engine {

void handleLoadProject(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const auto& doc = f.require("project");
    if (!doc.is_object()) f.fail("project", "expected the project object, got " + describeJson(doc));
    // Relative sources resolve against base_dir: the folder of the project file
    // the editor has open (the engine has no working directory of its own to offer).
    const std::string baseDir =
        f.string("base_dir", std::filesystem::current_path().string());
    auto project = std::make_shared<const Project>(parseProject(doc, baseDir));
    nlohmann::json missing = nlohmann::json::array();
    for (const auto& track : project->tracks)
        for (const auto& clip : track.clips) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(clip.sourcePath, ec))
                missing.push_back({{"clip", clip.id}, {"path", clip.sourcePath}});
        }
    const auto frames = project->frameCount();
    const int width = project->width, height = project->height;
    s.project.publish(std::move(project));
    reply.ok({{"frames", frames}, {"width", width}, {"height", height},
              {"missing_media", std::move(missing)}});
}

void handleProbeMedia(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const std::string path = requestFields(request).string("path");
    s.tasks.post([path, reply] {
        try {
            reply.ok({{"media", mediaInfoToJson(probeMedia(path))}});
        } catch (const EngineError& e) {
            reply.fail(e.code(), e.what());
        } catch (const std::exception& e) {
            reply.fail(errc::kFailed, path + ": " + e.what());
        }
    });
}

} // namespace entropic::engine
