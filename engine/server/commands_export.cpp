// export_start, export_status, export_cancel.
#include <filesystem>

#include "engine_session.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/export_formats.h"
#include "entropic/engine/render/export_plan.h"

namespace entropic::engine {
namespace {
constexpr const char* kPresets[] = {"ultrafast", "superfast", "veryfast", "faster",  "fast",
                                    "medium",    "slow",      "slower",   "veryslow"};
}

void handleExportStart(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const ProjectSnapshot project = s.project.required();
    ExportSettings settings;
    settings.path = f.string("path");
    settings.format = f.string("format", "");
    if (!settings.format.empty() && !findExportFormat(settings.format))
        f.failRange("format", "unknown format \"" + settings.format + "\" (one of " +
                                  exportFormatList() + ")");
    settings.width = static_cast<int>(f.integer("width", 0, 16384, 0));
    settings.height = static_cast<int>(f.integer("height", 0, 16384, 0));
    settings.gifMaxWidth = static_cast<int>(f.integer("gif_width", 0, 16384, 0));
    if (f.has("frame_rate")) {
        const auto& r = f.require("frame_rate");
        if (!r.is_object() || !r.contains("num") || !r.contains("den") ||
            !r["num"].is_number_integer() || !r["den"].is_number_integer())
            f.fail("frame_rate", "expected {\"num\": N, \"den\": D} as whole numbers");
        settings.frameRate = Rational{r["num"].get<std::int64_t>(), r["den"].get<std::int64_t>()};
        if (!settings.frameRate.valid()) f.failRange("frame_rate", "num and den must be above 0");
    }
    if (f.has("range")) {
        const auto& range = f.require("range");
        if (!range.is_array() || range.size() != 2 || !range[0].is_number_integer() ||
            !range[1].is_number_integer())
            f.fail("range", "expected [first, end] as two whole numbers");
        settings.first = range[0].get<std::int64_t>();
        settings.end = range[1].get<std::int64_t>();
    }
    settings.crf = static_cast<int>(f.integer("crf", 0, 63, settings.crf));
    settings.preset = f.string("preset", settings.preset);
    if (std::find(std::begin(kPresets), std::end(kPresets), settings.preset) == std::end(kPresets))
        f.failRange("preset", "unknown x264/x265 preset \"" + settings.preset + "\"");
    settings.audio = f.boolean("audio", true);
    // Check the format, size, rate and paths now, so the reply names the problem.
    ExportSettings checked = settings;
    resolveExportRange(*project, checked);
    const ExportPlan plan = planExport(*project, checked);
    if (plan.format->usesCrf && settings.crf > plan.format->crfMax)
        f.failRange("crf", std::string(plan.format->id) + " takes crf 0-" +
                               std::to_string(plan.format->crfMax));
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
