// analysis_status: how far the background analysis of the project's signal
// sources has come (docs/protocol.md). Answered from the pass's own record,
// never from the store, so it never waits for a chunk being measured.
#include "engine_session.h"
#include "entropic/engine/error.h"

namespace entropic::engine {

void handleAnalysisStatus(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    s.project.required();
    const AnalysisStatus status = s.analysis.status();
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& entry : status.sources) {
        nlohmann::json source = {
            {"id", entry.source.id},
            {"kind", std::string(sig::sourceKindName(entry.source.kind))},
            {"clip", entry.source.clip},
            {"media", std::visit([](const auto& key) { return key.path; }, entry.source.key)},
            {"state", std::string(analysisStateName(entry.state))},
            {"done", entry.done},
            {"total", entry.total}};
        if (entry.state == AnalysisState::Failed)
            source["error"] = {{"code", entry.errorCode}, {"message", entry.errorMessage}};
        sources.push_back(std::move(source));
    }
    reply.ok({{"busy", status.busy},
              {"done", status.done},
              {"total", status.total},
              {"sources", std::move(sources)}});
}

} // namespace entropic::engine
