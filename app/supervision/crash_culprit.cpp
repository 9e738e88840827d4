#include "supervision/crash_culprit.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "entropic/engine/project/project.h"
#include "supervision/restart_policy.h"

namespace entropic::app {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("CrashCulprit", text);
}

QString windowText(std::chrono::milliseconds window) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(window).count();
    if (seconds == 60) return tr("a minute");
    if (seconds % 60 == 0) return tr("%1 minutes").arg(seconds / 60);
    return tr("%1 seconds").arg(seconds);
}

} // namespace

void CrashCulprit::noteChainChange(const engine::Project& project, const QString& clipId) {
    for (const auto& track : project.tracks)
        for (const auto& clip : track.clips) {
            if (QString::fromStdString(clip.id) != clipId) continue;
            const nlohmann::json now = engine::clipToJson(clip, track.kind)["effects"];
            const nlohmann::json& before = chains_[clipId];
            for (std::size_t i = 0; i < now.size(); ++i) {
                bool seen = false;
                for (const auto& old : before)
                    seen = seen || old == now[i];
                if (seen) continue;
                clip_ = clipId;
                effect_ = QString::fromStdString(now[i].value("id", ""));
                const auto* descriptor = clip.effects[i].descriptor;
                effectName_ = descriptor ? QString::fromStdString(descriptor->name) : effect_;
                clipName_ = QFileInfo(QString::fromStdString(clip.source)).fileName();
            }
            chains_[clipId] = now;
        }
}

QString CrashCulprit::gaveUpText(const RestartPolicy& policy, const QString& reason) const {
    // The policy gives up on the death after maxRestarts restarts.
    QString text =
        tr("The render engine stopped %1 times in %2, so Entropic stopped restarting it.\n\n%3")
            .arg(policy.maxRestarts() + 1)
            .arg(windowText(policy.window()), reason);
    if (known())
        text += tr("\n\nThe effect changed last was %1 on clip %2.").arg(effectName_, clipName_);
    return text;
}

} // namespace entropic::app
