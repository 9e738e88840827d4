#include "supervision/export_watch.h"

#include <filesystem>

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
        running_ = exportField(reply, "path");
        lost_.reset();
    } else if (cmd == "export_cancel") {
        running_.reset();
        lost_.reset();
    } else if (cmd == "export_status") {
        const std::string state = exportField(reply, "state");
        if (state == "running") {
            running_ = exportField(reply, "path");
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
    const std::string path = *running_;
    running_.reset();
    QFile::remove(QString::fromStdString(engine::partialPathFor(path, enginePid)));
    lost_ = LostExport{QString::fromStdString(path),
                       QStringLiteral("The engine stopped during the export; %1 was not written.")
                           .arg(QString::fromStdString(path))};
    return lost_;
}

} // namespace entropic::app
