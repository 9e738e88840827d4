// performance_edits.h: every edit builds the performance part as it would be
// afterwards, checks that its signal graph still compiles (a deleted pad takes
// the routes it drove with it) and pushes one PerformanceCommand.
#include "commands/performance_edits.h"

#include <algorithm>
#include <regex>

#include "commands/edit_rules.h"
#include "commands/performance_command.h"
#include "commands/signal_pruning.h"

namespace entropic::app::edits {

using namespace rules;

namespace {

bool pushPart(ProjectDocument& doc, PerformancePart after, const QString& text, QString* error) {
    engine::Project candidate = doc.project();
    candidate.performance = after.lanes;
    candidate.signals = after.signals;
    try {
        engine::compileSignals(candidate);
    } catch (const std::exception& e) {
        return refuse(error, QString::fromUtf8(e.what()));
    }
    doc.push(
        std::make_unique<PerformanceCommand>(text, PerformancePart::of(doc), std::move(after)));
    return true;
}

engine::PerformanceLane* findLane(PerformancePart& part, const std::string& id) {
    for (auto& lane : part.lanes)
        if (lane.id == id) return &lane;
    return nullptr;
}

PadSettings* findPad(PerformancePart& part, const std::string& lane) {
    for (auto& p : part.pads)
        if (p.lane == lane) return &p;
    return nullptr;
}

bool sameEvents(const std::vector<engine::PerformanceLane>& a,
                const std::vector<engine::PerformanceLane>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.id == y.id && x.events == y.events;
    });
}

QString laneName(const engine::PerformanceLane& lane) {
    return q(lane.name.empty() ? lane.id : lane.name);
}

// The events of `events` with [from, to) cut out.
std::vector<sig::GateEvent> withoutRange(const std::vector<sig::GateEvent>& events,
                                         std::int64_t from, std::int64_t to) {
    std::vector<sig::GateEvent> out;
    for (const auto& e : events) {
        if (e.offFrame <= from || e.onFrame >= to) {
            out.push_back(e);
            continue;
        }
        if (e.onFrame < from) out.push_back({e.onFrame, from, e.velocity});
        if (e.offFrame > to) out.push_back({to, e.offFrame, e.velocity});
    }
    return out;
}

} // namespace

QString padSource(const ProjectDocument& doc, const QString& laneId) {
    for (const auto& s : doc.project().signals.sources)
        if (s.kind == sig::SourceKind::Gate && q(s.media) == laneId) return q(s.id);
    return {};
}

bool addPad(ProjectDocument& doc, const QString& name, PadSettings settings, QString* error,
            QString* newLaneId) {
    auto after = PerformancePart::of(doc);
    const QString laneId = doc.newId(QStringLiteral("pad-"));
    settings.lane = laneId.toStdString();
    if (!settings.key.empty())
        for (const auto& p : after.pads)
            if (p.key == settings.key)
                settings.key.clear(); // a key plays one pad; the new one goes without
    const QString shown =
        name.isEmpty() ? QStringLiteral("Pad %1").arg(after.lanes.size() + 1) : name;
    after.lanes.push_back({settings.lane, shown.toStdString(), {}});
    sig::SourceSpec source;
    source.id = doc.newId(QStringLiteral("gate-")).toStdString();
    source.kind = sig::SourceKind::Gate;
    source.media = settings.lane;
    source.name = shown.toStdString();
    after.signals.sources.push_back(std::move(source));
    after.pads.push_back(std::move(settings));
    if (!pushPart(doc, std::move(after), QStringLiteral("Add pad %1").arg(shown), error))
        return false;
    if (newLaneId) *newLaneId = laneId;
    return true;
}

bool renamePad(ProjectDocument& doc, const QString& laneId, const QString& name, QString* error) {
    auto after = PerformancePart::of(doc);
    auto* lane = findLane(after, laneId.toStdString());
    if (!lane) return refuse(error, QStringLiteral("There is no pad %1").arg(laneId));
    const QString text = QStringLiteral("Rename pad %1 to %2").arg(laneName(*lane), name);
    if (lane->name == name.toStdString()) return true;
    lane->name = name.toStdString();
    for (auto& s : after.signals.sources)
        if (s.kind == sig::SourceKind::Gate && s.media == lane->id) s.name = lane->name;
    return pushPart(doc, std::move(after), text, error);
}

bool setPadSettings(ProjectDocument& doc, const PadSettings& settings, QString* error) {
    auto after = PerformancePart::of(doc);
    auto* pad = findPad(after, settings.lane);
    const auto* lane = findLane(after, settings.lane);
    if (!pad || !lane)
        return refuse(error, QStringLiteral("There is no pad %1").arg(q(settings.lane)));
    if (!(settings.length > 0))
        return refuse(error, QStringLiteral("A one-shot lasts longer than 0"));
    if (settings.choke < 0 || settings.choke > PadSettings::kMaxChokeGroup)
        return refuse(
            error,
            QStringLiteral("Choke groups are 1 to %1 (0: none)").arg(PadSettings::kMaxChokeGroup));
    static const std::regex colourPattern("#[0-9a-fA-F]{6}");
    if (!std::regex_match(settings.colour, colourPattern))
        return refuse(error,
                      QStringLiteral("%1 is not a colour (#rrggbb)").arg(q(settings.colour)));
    if (!settings.key.empty())
        for (const auto& other : after.pads)
            if (other.lane != settings.lane && other.key == settings.key) {
                const auto* otherLane = findLane(after, other.lane);
                return refuse(error, QStringLiteral("Key %1 already plays pad %2")
                                         .arg(q(settings.key),
                                              otherLane ? laneName(*otherLane) : q(other.lane)));
            }
    if (settings.midiNote < -1 || settings.midiNote > 127 || settings.midiChannel < 0 ||
        settings.midiChannel > 16)
        return refuse(error, QStringLiteral("MIDI notes are 0 to 127, channels 1 to 16 (0: any)"));
    if (settings.midiNote >= 0)
        for (const auto& other : after.pads) {
            const bool sameChannel = other.midiChannel == 0 || settings.midiChannel == 0 ||
                                     other.midiChannel == settings.midiChannel;
            if (other.lane != settings.lane && other.midiNote == settings.midiNote && sameChannel) {
                const auto* otherLane = findLane(after, other.lane);
                return refuse(error, QStringLiteral("MIDI note %1 already plays pad %2")
                                         .arg(settings.midiNote)
                                         .arg(otherLane ? laneName(*otherLane) : q(other.lane)));
            }
        }
    if (settings.cueFrame < -1)
        return refuse(error, QStringLiteral("A pad jumps to frame 0 or later (-1: no jump)"));
    if (*pad == settings) return true;
    *pad = settings;
    return pushPart(doc, std::move(after), QStringLiteral("Set pad %1").arg(laneName(*lane)),
                    error);
}

bool removePad(ProjectDocument& doc, const QString& laneId, QString* error) {
    auto after = PerformancePart::of(doc);
    const auto id = laneId.toStdString();
    const auto* lane = findLane(after, id);
    if (!lane) return refuse(error, QStringLiteral("There is no pad %1").arg(laneId));
    const QString text = QStringLiteral("Delete pad %1").arg(laneName(*lane));
    std::erase_if(after.lanes, [&](const engine::PerformanceLane& l) { return l.id == id; });
    std::erase_if(after.pads, [&](const PadSettings& p) { return p.lane == id; });
    // The gate sources reading the lane go, and in turn whatever they drove.
    engine::Project candidate = doc.project();
    candidate.performance = after.lanes;
    after.signals = pruneSignals(candidate).spec;
    return pushPart(doc, std::move(after), text, error);
}

bool writePerformance(ProjectDocument& doc, const std::vector<LaneTake>& takes, std::int64_t from,
                      std::int64_t to, TakeMode mode, const QString& text, QString* error) {
    auto after = PerformancePart::of(doc);
    for (const auto& take : takes) {
        auto* lane = findLane(after, take.laneId.toStdString());
        if (!lane) return refuse(error, QStringLiteral("There is no pad %1").arg(take.laneId));
        for (const auto& e : take.events)
            if (e.onFrame < 0 || e.offFrame <= e.onFrame)
                return refuse(error,
                              QStringLiteral("A hit on pad %1 ends before it starts (frames %2–%3)")
                                  .arg(laneName(*lane))
                                  .arg(e.onFrame)
                                  .arg(e.offFrame));
        if (mode == TakeMode::Replace && to > from)
            lane->events = withoutRange(lane->events, from, to);
        for (auto e : take.events) {
            e.velocity = std::clamp(e.velocity, 0.0, 1.0);
            lane->events.push_back(e);
        }
        std::stable_sort(
            lane->events.begin(), lane->events.end(),
            [](const sig::GateEvent& a, const sig::GateEvent& b) { return a.onFrame < b.onFrame; });
    }
    if (sameEvents(after.lanes, doc.project().performance)) return true;
    return pushPart(doc, std::move(after), text, error);
}

} // namespace entropic::app::edits
