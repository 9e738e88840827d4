#include "modulation/signal_names.h"

#include "entropic/signal/operator_registry.h"

namespace entropic::app {

namespace {

QString named(const std::string& name, const std::string& id, const QString& what) {
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(name.empty() ? id : name), what);
}

} // namespace

QString signalNodeName(const sig::SignalGraphSpec& spec, const std::string& nodeId) {
    for (const auto& s : spec.sources)
        if (s.id == nodeId)
            return named(s.name, s.id,
                         QStringLiteral("%1 of %2").arg(QString::fromUtf8(sig::sourceKindName(s.kind)),
                                                        QString::fromStdString(s.media)));
    for (const auto& o : spec.operators)
        if (o.id == nodeId) {
            const auto* d = sig::OperatorRegistry::builtin().find(o.op, o.version);
            return named(o.name, o.id, d ? QString::fromStdString(d->name) : QString::fromStdString(o.op));
        }
    return QString::fromStdString(nodeId);
}

std::vector<std::pair<std::string, QString>> signalNodes(const sig::SignalGraphSpec& spec) {
    std::vector<std::pair<std::string, QString>> out;
    for (const auto& s : spec.sources) out.emplace_back(s.id, signalNodeName(spec, s.id));
    for (const auto& o : spec.operators) out.emplace_back(o.id, signalNodeName(spec, o.id));
    return out;
}

std::vector<std::pair<QString, QString>> measurableMedia(const engine::Project& project, sig::SourceKind kind) {
    std::vector<std::pair<QString, QString>> out;
    if (kind == sig::SourceKind::Gate) {
        for (const auto& lane : project.performance)
            out.emplace_back(QString::fromStdString(lane.name.empty() ? lane.id : lane.name),
                             QString::fromStdString(lane.id));
        return out;
    }
    for (const auto& track : project.tracks) {
        if (sig::isVideoSource(kind) && track.kind != engine::TrackKind::Video) continue;
        for (const auto& clip : track.clips)
            out.emplace_back(QStringLiteral("Clip %1 on %2").arg(QString::fromStdString(clip.id), QString::fromStdString(track.id)),
                             QString::fromStdString(clip.id));
    }
    return out;
}

} // namespace entropic::app
