#pragma once
// Everything the command handlers share. The command loop owns it; the
// workers inside run their own threads.
#include <atomic>
#include <chrono>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "entropic/engine/analysis/analysis_pass.h"
#include "entropic/engine/render/frame_cache.h"
#include "entropic/engine/server/command_server.h"
#include "export_worker.h"
#include "project/json_fields.h"
#include "project_slot.h"
#include "proxy_service.h"
#include "render_worker.h"
#include "responder.h"
#include "work_queue.h"

namespace entropic::engine {

struct EngineSession {
    explicit EngineSession(const ServerOptions& options)
        : render(project, cache, options.ringSlots, options.renderThreads) {
        // Rendering ahead into the cache would slow an export down: it waits.
        render.setAheadGate([this] { return !exporter.running(); });
        render.setProxyLookup([this](const std::string& path) { return proxies.ready(path); });
    }

    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    ProjectSlot project;
    // Scrub proxies of the project's video files, made on idle cores (off
    // until proxy_config turns them on); declared before the renderer that
    // reads them.
    ProxyService proxies;
    // Rendered frames kept for playback (the green bar). load_project drops
    // what an edit changes; declared before the workers that fill it.
    FrameCache cache;
    RenderWorker render;
    ExportWorker exporter;
    WorkQueue tasks{"entropic-tasks"};
    // Measures the loaded project's signal sources over their whole files in
    // the background (load_project hands it the sources), into the store the
    // renderers read. Last: destroyed first, it stops at its next chunk.
    AnalysisPass analysis{AnalysisStore::shared()};
    // The version of each video file when a project last named it.
    std::map<std::string, FileVersion> sourceVersions;
    std::atomic<bool> stop{false};
};

// A handler validates the request (throwing EngineError before it replies),
// then replies now or hands the responder to a worker that replies later.
using CommandHandler = void (*)(EngineSession& session, const nlohmann::json& request,
                                const Responder& reply);

struct CommandSpec {
    std::string_view name;
    CommandHandler handler;
    std::string_view summary;
};

// The one table of commands (server/command_table.cpp).
std::span<const CommandSpec> commandTable();

// Field reader for requests: missing_field / wrong_type / out_of_range.
JsonFields requestFields(const nlohmann::json& request);

// Handlers, by area.
void handleHello(EngineSession&, const nlohmann::json&, const Responder&);
void handlePing(EngineSession&, const nlohmann::json&, const Responder&);
void handleShutdown(EngineSession&, const nlohmann::json&, const Responder&);
void handleListEffects(EngineSession&, const nlohmann::json&, const Responder&);
void handleLoadProject(EngineSession&, const nlohmann::json&, const Responder&);
void handleProbeMedia(EngineSession&, const nlohmann::json&, const Responder&);
void handleRenderFrame(EngineSession&, const nlohmann::json&, const Responder&);
void handlePlay(EngineSession&, const nlohmann::json&, const Responder&);
void handleClock(EngineSession&, const nlohmann::json&, const Responder&);
void handleStop(EngineSession&, const nlohmann::json&, const Responder&);
void handleExportStart(EngineSession&, const nlohmann::json&, const Responder&);
void handleExportStatus(EngineSession&, const nlohmann::json&, const Responder&);
void handleExportCancel(EngineSession&, const nlohmann::json&, const Responder&);
void handleCacheStatus(EngineSession&, const nlohmann::json&, const Responder&);
void handleCacheConfig(EngineSession&, const nlohmann::json&, const Responder&);
void handleResolveParams(EngineSession&, const nlohmann::json&, const Responder&);
void handleAnalysisStatus(EngineSession&, const nlohmann::json&, const Responder&);
void handleProxyConfig(EngineSession&, const nlohmann::json&, const Responder&);
void handleProxyStatus(EngineSession&, const nlohmann::json&, const Responder&);

} // namespace entropic::engine
