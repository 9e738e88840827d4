#include "project_signals.h"

#include <algorithm>
#include <set>

#include "entropic/effects/container.h"
#include "entropic/engine/error.h"
#include "entropic/signal/error.h"
#include "entropic/signal/json.h"

namespace entropic::engine {
namespace {

using nlohmann::json;
constexpr const char* kInvalid = errc::kProjectInvalid;

PerformanceLane parseLane(const json& doc, const std::string& path) {
    JsonFields f(doc, path, kInvalid);
    PerformanceLane lane;
    lane.id = f.string("id");
    if (lane.id.empty()) f.fail("id", "must not be empty");
    lane.name = f.string("name", "");
    const auto& events = f.array("events");
    constexpr std::int64_t kMaxFrames = std::int64_t{1} << 40;
    for (std::size_t i = 0; i < events.size(); ++i) {
        JsonFields e(events[i], f.field("events") + "[" + std::to_string(i) + "]", kInvalid);
        sig::GateEvent event;
        event.onFrame = e.integer("on", 0, kMaxFrames);
        event.offFrame = e.integer("off", 0, kMaxFrames);
        if (event.offFrame <= event.onFrame)
            e.failRange("off", "must be greater than on (" + std::to_string(event.onFrame) + ")");
        event.velocity = e.number("velocity", 0, 1, 1.0);
        lane.events.push_back(event);
    }
    return lane;
}

// compileGraph names fields relative to the signal graph ("routes[0] \"r1\": …");
// in a project they live under "signals".
std::string underSignals(const std::string& message) {
    for (const char* list : {"sources[", "operators[", "routes[", "automation["})
        if (message.rfind(list, 0) == 0) return "signals." + message;
    return "signals: " + message;
}

const Clip* findClip(const Project& p, const std::string& id, TrackKind* kind) {
    for (const auto& t : p.tracks)
        for (const auto& c : t.clips)
            if (c.id == id) {
                *kind = t.kind;
                return &c;
            }
    return nullptr;
}

// What a source measures must exist: a clip (video kinds: on a video track)
// or, for gates, a performance lane.
void checkSourceMedia(const Project& p) {
    for (std::size_t i = 0; i < p.signals.sources.size(); ++i) {
        const auto& s = p.signals.sources[i];
        const std::string where =
            "signals.sources[" + std::to_string(i) + "] \"" + s.id + "\".media";
        if (s.kind == sig::SourceKind::Gate) {
            const bool known =
                std::any_of(p.performance.begin(), p.performance.end(),
                            [&](const PerformanceLane& l) { return l.id == s.media; });
            if (!known)
                throw EngineError(kInvalid, where + ": no performance lane \"" + s.media + "\"");
            continue;
        }
        TrackKind kind{};
        if (!findClip(p, s.media, &kind))
            throw EngineError(kInvalid, where + ": no clip \"" + s.media + "\" in the project");
        if (sig::isVideoSource(s.kind) && kind != TrackKind::Video)
            throw EngineError(kInvalid, where + ": clip \"" + s.media + "\" has no picture (" +
                                            std::string(sig::sourceKindName(s.kind)) +
                                            " measures a video clip)");
    }
}

} // namespace

std::shared_ptr<const sig::SignalGraph> compileSignals(const Project& p) {
    checkSourceMedia(p);
    sig::ParamCatalog catalog;
    for (const auto& t : p.tracks)
        for (const auto& c : t.clips)
            for (const auto& e : c.effects) {
                // Every effect's dry/wet moves like a parameter, after its own.
                auto params = e.descriptor->params;
                params.push_back(fx::mixParam());
                catalog.push_back({e.instanceId, std::move(params)});
            }
    try {
        return std::make_shared<const sig::SignalGraph>(
            sig::compileGraph(p.signals, catalog, {p.id}));
    } catch (const sig::SignalError& e) {
        throw EngineError(kInvalid, underSignals(e.what()));
    }
}

void parseProjectSignals(const JsonFields& f, Project& p) {
    p.tempoBpm = f.number("tempo", 1, 999, 120);
    std::set<std::string> laneIds;
    const auto& lanes = f.array("performance");
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const std::string path = "performance[" + std::to_string(i) + "]";
        p.performance.push_back(parseLane(lanes[i], path));
        if (!laneIds.insert(p.performance.back().id).second)
            throw EngineError(kInvalid, path + ".id: \"" + p.performance.back().id +
                                            "\" is used by another lane");
    }
    try {
        p.signals = sig::signalGraphFromJson(f.object("signals"), "signals");
    } catch (const sig::SignalError& e) {
        throw EngineError(kInvalid, e.what());
    }
    p.signalGraph = compileSignals(p);
}

void projectSignalsToJson(const Project& p, json& doc) {
    if (p.tempoBpm != 120) doc["tempo"] = p.tempoBpm;
    if (!p.performance.empty()) {
        json lanes = json::array();
        for (const auto& lane : p.performance) {
            json events = json::array();
            for (const auto& e : lane.events)
                events.push_back(
                    {{"on", e.onFrame}, {"off", e.offFrame}, {"velocity", e.velocity}});
            json l = {{"id", lane.id}, {"events", std::move(events)}};
            if (!lane.name.empty()) l["name"] = lane.name;
            lanes.push_back(std::move(l));
        }
        doc["performance"] = std::move(lanes);
    }
    if (p.signals != sig::SignalGraphSpec{}) doc["signals"] = sig::toJson(p.signals);
}

} // namespace entropic::engine
