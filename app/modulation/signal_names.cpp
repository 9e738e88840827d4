#include "modulation/signal_names.h"

#include <QFileInfo>

#include "entropic/signal/operator_registry.h"
#include "viewer/timecode.h"

namespace entropic::app {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

const engine::Clip* findClip(const engine::Project& project, const std::string& id,
                             const engine::Track** on = nullptr) {
    for (const auto& track : project.tracks)
        for (const auto& clip : track.clips)
            if (clip.id == id) {
                if (on) *on = &track;
                return &clip;
            }
    return nullptr;
}

QString fileName(const engine::Clip& clip) {
    return QFileInfo(q(clip.source)).fileName();
}

// "20–250 Hz", "250 Hz–4 kHz", "4–16 kHz": the unit once when both ends share it.
QString bandText(double low, double high) {
    auto number = [](double f) { return QString::number(f >= 1000 ? f / 1000.0 : f, 'g', 4); };
    auto unit = [](double f) { return f >= 1000 ? QStringLiteral("kHz") : QStringLiteral("Hz"); };
    if (unit(low) == unit(high))
        return QStringLiteral("%1–%2 %3").arg(number(low), number(high), unit(high));
    return QStringLiteral("%1 %2–%3 %4").arg(number(low), unit(low), number(high), unit(high));
}

} // namespace

QString sourceKindLabel(sig::SourceKind kind) {
    using K = sig::SourceKind;
    switch (kind) {
    case K::VideoLuma:
        return QStringLiteral("Video brightness");
    case K::VideoMotion:
        return QStringLiteral("Video motion");
    case K::VideoRed:
        return QStringLiteral("Video red");
    case K::VideoGreen:
        return QStringLiteral("Video green");
    case K::VideoBlue:
        return QStringLiteral("Video blue");
    case K::VideoHue:
        return QStringLiteral("Video hue");
    case K::VideoSaturation:
        return QStringLiteral("Video saturation");
    case K::VideoEdges:
        return QStringLiteral("Video edges");
    case K::AudioRms:
        return QStringLiteral("Sound level");
    case K::AudioPeak:
        return QStringLiteral("Sound peak");
    case K::AudioBand:
        return QStringLiteral("Sound band");
    case K::AudioOnset:
        return QStringLiteral("Sound onsets");
    case K::Gate:
        return QStringLiteral("Pad");
    }
    return QStringLiteral("Signal");
}

QString mediaLabel(const engine::Project& project, const std::string& media) {
    if (const auto* clip = findClip(project, media))
        return QStringLiteral("clip %1").arg(fileName(*clip));
    for (const auto& lane : project.performance)
        if (lane.id == media)
            return QStringLiteral("pad %1").arg(q(lane.name.empty() ? lane.id : lane.name));
    return media.empty() ? QStringLiteral("nothing") : QStringLiteral("a removed clip");
}

QString describeSource(const engine::Project& project, const sig::SourceSpec& source) {
    QString what = sourceKindLabel(source.kind);
    if (source.kind == sig::SourceKind::AudioBand)
        what += QLatin1Char(' ') + bandText(source.bandLowHz, source.bandHighHz);
    if (source.kind == sig::SourceKind::Gate)
        for (const auto& lane : project.performance)
            if (lane.id == source.media)
                return QStringLiteral("Pad %1").arg(q(lane.name.empty() ? lane.id : lane.name));
    return QStringLiteral("%1 of %2").arg(what, mediaLabel(project, source.media));
}

QString describeOperator(const sig::OperatorSpec& op) {
    const auto* d = sig::OperatorRegistry::builtin().find(op.op, op.version);
    const QString kind = d ? q(d->name) : QStringLiteral("Operator");
    // "lfo-3" → "LFO 3": the number tells two LFOs apart without showing the id.
    const auto dash = op.id.rfind('-');
    const QString number = dash == std::string::npos ? QString() : q(op.id.substr(dash + 1));
    bool isNumber = false;
    const int n = number.toInt(&isNumber);
    return isNumber ? QStringLiteral("%1 %2").arg(kind).arg(n) : kind;
}

QString signalNodeLabel(const engine::Project& project, const sig::SignalGraphSpec& spec,
                        const std::string& nodeId) {
    for (const auto& s : spec.sources)
        if (s.id == nodeId) return s.name.empty() ? describeSource(project, s) : q(s.name);
    for (const auto& o : spec.operators)
        if (o.id == nodeId) return o.name.empty() ? describeOperator(o) : q(o.name);
    return QStringLiteral("a removed signal");
}

QString signalNodeName(const engine::Project& project, const std::string& nodeId) {
    for (const auto& s : project.signals.sources)
        if (s.id == nodeId)
            return s.name.empty()
                       ? describeSource(project, s)
                       : QStringLiteral("%1 (%2)").arg(q(s.name), describeSource(project, s));
    for (const auto& o : project.signals.operators)
        if (o.id == nodeId) {
            if (o.name.empty()) return describeOperator(o);
            const auto* d = sig::OperatorRegistry::builtin().find(o.op, o.version);
            return QStringLiteral("%1 (%2)").arg(q(o.name),
                                                 d ? q(d->name) : QStringLiteral("operator"));
        }
    return QStringLiteral("a removed signal");
}

std::vector<std::pair<std::string, QString>> signalNodes(const engine::Project& project) {
    std::vector<std::pair<std::string, QString>> out;
    for (const auto& s : project.signals.sources)
        out.emplace_back(s.id, signalNodeName(project, s.id));
    for (const auto& o : project.signals.operators)
        out.emplace_back(o.id, signalNodeName(project, o.id));
    return out;
}

std::vector<std::pair<QString, QString>> measurableMedia(const engine::Project& project,
                                                         sig::SourceKind kind) {
    std::vector<std::pair<QString, QString>> out;
    if (kind == sig::SourceKind::Gate) {
        for (const auto& lane : project.performance)
            out.emplace_back(q(lane.name.empty() ? lane.id : lane.name), q(lane.id));
        return out;
    }
    for (const auto& track : project.tracks) {
        if (sig::isVideoSource(kind) && track.kind != engine::TrackKind::Video) continue;
        const QString trackName = q(track.name.empty() ? track.id : track.name);
        for (const auto& clip : track.clips)
            out.emplace_back(
                QStringLiteral("%1 (%2, from %3)")
                    .arg(fileName(clip), trackName, formatTimecode(clip.start, project.frameRate)),
                q(clip.id));
    }
    return out;
}

const engine::Clip* clipOfEffect(const engine::Project& project, const std::string& instanceId) {
    for (const auto& track : project.tracks)
        for (const auto& clip : track.clips)
            for (const auto& e : clip.effects)
                if (e.instanceId == instanceId) return &clip;
    return nullptr;
}

} // namespace entropic::app
