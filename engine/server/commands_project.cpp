// load_project, probe_media: what the engine works on.
#include <filesystem>

#include <algorithm>

#include "engine_session.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/render/project_diff.h"
#include "media_json.h"

namespace entropic::engine {

void handleLoadProject(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const auto& doc = f.require("project");
    if (!doc.is_object())
        f.fail("project", "expected the project object, got " + describeJson(doc));
    // Relative sources resolve against base_dir: the folder of the project file
    // the editor has open (the engine has no working directory of its own to offer).
    const std::string baseDir = f.string("base_dir", std::filesystem::current_path().string());
    auto project = std::make_shared<const Project>(parseProject(doc, baseDir));
    nlohmann::json missing = nlohmann::json::array();
    std::vector<std::string> videoSources; // for scrub proxies, in timeline order
    for (const auto& track : project->tracks)
        for (const auto& clip : track.clips) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(clip.sourcePath, ec))
                missing.push_back({{"clip", clip.id}, {"path", clip.sourcePath}});
            else if (track.kind == TrackKind::Video &&
                     std::find(videoSources.begin(), videoSources.end(), clip.sourcePath) ==
                         videoSources.end())
                videoSources.push_back(clip.sourcePath);
        }
    const auto frames = project->frameCount();
    const int width = project->width, height = project->height;
    // Publish first, invalidate second. The render thread reads the cache's
    // generation before it takes a snapshot, and invalidating bumps the
    // generation: a frame rendered from the old snapshot either lands before
    // the invalidation (which then drops it if this edit changed it) or is
    // refused after it. The other order would let a render that took the
    // generation after the invalidation still get the old snapshot, and store
    // an old picture under the new project. (Only this thread publishes, so
    // `previous` is exactly the snapshot the new one replaces.)
    const ProjectSnapshot previous = s.project.current();
    s.project.publish(project);
    // Its sources, measured over whole files in the background; the same
    // sources as before (most edits) carry on where they were.
    s.analysis.setSources(analysisSources(*project));
    s.proxies.setSources(videoSources);
    // A source changed on disk (same path, other pictures) changes every
    // frame that could show it: the cached ones go.
    bool sourceChanged = false;
    for (const auto& path : videoSources) {
        FileVersion now;
        try {
            now = fileVersion(path);
        } catch (const std::exception&) {
        }
        auto [it, added] = s.sourceVersions.try_emplace(path, now);
        if (!added && it->second != now) sourceChanged = true;
        it->second = now;
    }
    if (previous && !sourceChanged) {
        const auto changed = changedFrames(*previous, *project);
        s.cache.invalidate(changed);
    } else {
        s.cache.clear();
    }
    reply.ok({{"frames", frames},
              {"width", width},
              {"height", height},
              {"missing_media", std::move(missing)}});
}

void handleProbeMedia(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const std::string path = requestFields(request).string("path");
    s.tasks.post([path, reply] {
        try {
            reply.ok({{"media", mediaInfoToJson(probeMedia(path))}});
        } catch (const std::exception& e) {
            reply.fail(e);
        }
    });
}

} // namespace entropic::engine
