// export_start, export_status, export_cancel.
#include <filesystem>

#include "engine_session.h"
#include "entropic/engine/error.h"

namespace entropic::engine {
namespace {
constexpr const char* kPresets[] = {"ultrafast", "superfast", "veryfast", "faster", "fast",
                                    "medium",    "slow",      "slower",   "veryslow"};
}

void handleExportStart(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const ProjectSnapshot project = s.project.current();
    if (!project) throw EngineError(errc::kNoProject, "export_start: no project loaded yet (send load_project)");
    ExportSettings settings;
    settings.path = f.string("path");
    const std::filesystem::path path(settings.path);
    if (path.extension() != ".mp4")
        f.failRange("path", "only .mp4 (H.264 + AAC) can be exported for now, got \"" +
                                settings.path + "\"");
    std::error_code ec;
    const auto dir = std::filesystem::absolute(path).parent_path();
    if (!std::filesystem::is_directory(dir, ec))
        throw EngineError(errc::kIo, settings.path + ": the folder " + dir.string() + " does not exist");
    if (f.has("range")) {
        const auto& range = f.require("range");
        if (!range.is_array() || range.size() != 2 || !range[0].is_number_integer() ||
            !range[1].is_number_integer())
            f.fail("range", "expected [first, end] as two whole numbers");
        settings.first = range[0].get<std::int64_t>();
        settings.end = range[1].get<std::int64_t>();
    }
    settings.crf = static_cast<int>(f.integer("crf", 0, 51, settings.crf));
    settings.preset = f.string("preset", settings.preset);
    if (std::find(std::begin(kPresets), std::end(kPresets), settings.preset) == std::end(kPresets))
        f.failRange("preset", "unknown x264 preset \"" + settings.preset + "\"");
    settings.audio = f.boolean("audio", true);
    s.exporter.start(project, settings);
    reply.ok({{"export", s.exporter.status()}});
}

void handleExportStatus(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    reply.ok({{"export", s.exporter.status()}});
}

void handleExportCancel(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    const bool wasRunning = s.exporter.cancel();
    reply.ok({{"cancelled", wasRunning}});
}

} // namespace entropic::engine
