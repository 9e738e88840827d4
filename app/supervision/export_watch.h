#pragma once
// Remembers an export across engine deaths. An export runs inside the engine;
// when the engine dies the export dies with it, and the next engine knows
// nothing of it (its export_status says "idle"). The editor is the one that
// remembers, so that whoever polls export_status hears "failed" instead of
// waiting forever, and no partial file is left lying about.
#include <optional>
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

namespace entropic::app {

struct LostExport {
    QString path;    // the final path the export would have written
    QString message; // for the user: what happened, and that nothing was written there
};

class ExportWatch {
  public:
    // Sees every reply to an export_* command (reply may be rewritten: an
    // export_status of "idle" after a lost export reads "failed", with error
    // code engine_unavailable, until the next export_start or export_cancel).
    void noteReply(const std::string& cmd, nlohmann::json& reply);
    // The engine `enginePid` died. If an export was running, deletes the
    // partial file or folder that engine was writing (named by
    // engine::partialOutputFor, as the engine names it) and returns what was lost.
    std::optional<LostExport> engineDied(qint64 enginePid);

    bool exportRunning() const { return running_.has_value(); }

  private:
    struct RunningExport {
        std::string path;   // as export_start was given it
        std::string format; // the format id the engine reports ("" if it did not say)
    };
    std::optional<RunningExport> running_;
    std::optional<LostExport> lost_;
};

} // namespace entropic::app
