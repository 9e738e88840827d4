#include "engine_session.h"

#include "entropic/engine/error.h"

namespace entropic::engine {

std::span<const CommandSpec> commandTable() {
    static constexpr CommandSpec kCommands[] = {
        {"hello", handleHello, "protocol version, engine version, frame ring"},
        {"ping", handlePing, "liveness: status, uptime, last frame time"},
        {"list_effects", handleListEffects, "every effect descriptor"},
        {"probe_media", handleProbeMedia, "what a media file holds"},
        {"load_project", handleLoadProject, "replace the project snapshot"},
        {"render_frame", handleRenderFrame, "render a frame into the ring"},
        {"play", handlePlay, "stream frames into the ring from a position at a rate"},
        {"clock", handleClock, "where the editor's audio clock is while playing"},
        {"stop", handleStop, "end the playback stream; its statistics"},
        {"export_start", handleExportStart, "start exporting to a file"},
        {"export_status", handleExportStatus, "progress of the export"},
        {"export_cancel", handleExportCancel, "cancel the export"},
        {"cache_status", handleCacheStatus, "the frame cache: budget, use, cached ranges"},
        {"cache_config", handleCacheConfig, "set the frame cache's budget"},
        {"resolve_params", handleResolveParams,
         "resolved parameter and signal values over a frame range"},
        {"analysis_status", handleAnalysisStatus,
         "progress of the background analysis of signal sources"},
        {"proxy_config", handleProxyConfig, "turn scrub proxies on or off; their disk budget"},
        {"proxy_status", handleProxyStatus, "which scrub proxies are made, being made or failed"},
        {"shutdown", handleShutdown, "stop the engine"},
    };
    return kCommands;
}

JsonFields requestFields(const nlohmann::json& request) {
    return JsonFields(request, "",
                      FieldErrorCodes{errc::kMissingField, errc::kWrongType, errc::kOutOfRange});
}

} // namespace entropic::engine
