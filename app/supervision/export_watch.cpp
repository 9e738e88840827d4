#include "supervision/export_watch.h"

#include <filesystem>

#include <QDir>
#include <QFile>

#include "entropic/engine/render/export_job.h"
#include "supervision/engine_reply.h"

namespace entropic::app {

namespace {

std::string exportField(const nlohmann::json& reply, const char* field) {
    const auto e = reply.find("export");
    if (e == reply.end() || !e->is_object()) return {};
    return e->value(field, std::string());
}

} // namespace

void ExportWatch::noteReply(const std::string& cmd, nlohmann::json& reply) {
    if (!replyOk(reply)) return;
    if (cmd == "export_start") {
        running_ = RunningExport{exportField(reply, "path"), exportField(reply, "format")};
        lost_.reset();
    } else if (cmd == "export_cancel") {
        running_.reset();
        lost_.reset();
    } else if (cmd == "export_status") {
        const std::string state = exportField(reply, "state");
        if (state == "running") {
            running_ = RunningExport{exportField(reply, "path"), exportField(reply, "format")};
        } else {
            running_.reset();
            if (state == "idle" && lost_) {
                reply["export"] = {
                    {"state", "failed"},
                    {"path", lost_->path.toStdString()},
                    {"frames_done", 0},
                    {"frames_total", 0},
                    {"progress", 0.0},
                    {"error",
                     {{"code", kEngineUnavailable}, {"message", lost_->message.toStdString()}}}};
            }
        }
    }
}

std::optional<LostExport> ExportWatch::engineDied(qint64 enginePid) {
    if (!running_) return std::nullopt;
    const RunningExport lostRun = *running_;
    const std::string& path = lostRun.path;
    running_.reset();
    const auto partial = engine::partialOutputFor(path, lostRun.format, enginePid);
    const QString partialPath = QString::fromStdString(partial.path);
    if (partial.folder)
        QDir(partialPath).removeRecursively(); // an image sequence's frames
    else
        QFile::remove(partialPath);
    lost_ = LostExport{QString::fromStdString(path),
                       QStringLiteral("The engine stopped during the export; %1 was not written.")
                           .arg(QString::fromStdString(path))};
    return lost_;
}

} // namespace entropic::app
