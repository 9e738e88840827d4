// Sources, automation lanes and the whole signal graph to and from JSON.
#include "entropic/signal/error.h"
#include "entropic/signal/json.h"
#include "graph/describe.h"
#include "json/fields.h"

namespace entropic::sig {
namespace {

using nlohmann::json;

std::string item(const std::string& path, const char* list, std::size_t i) {
    return path + "." + list + "[" + std::to_string(i) + "]";
}

void readTarget(const Fields& f, ParamTarget& t) {
    t.effect = f.string("effect");
    t.param = f.string("param");
    const std::int64_t component = f.integer("component", 0);
    if (component < 0 || component > 3)
        throw SignalError(errc::kOutOfRange, f.field("component") + ": expected 0..3, got " +
                                                 std::to_string(component));
    t.component = static_cast<int>(component);
}

} // namespace

json toJson(const SourceSpec& s) {
    json out = {{"id", s.id}, {"kind", std::string(sourceKindName(s.kind))}, {"media", s.media}};
    if (!s.name.empty()) out["name"] = s.name;
    if (s.region)
        out["region"] = {
            {"x", s.region->x}, {"y", s.region->y}, {"w", s.region->w}, {"h", s.region->h}};
    if (s.kind == SourceKind::AudioBand) out["band"] = {s.bandLowHz, s.bandHighHz};
    return out;
}

SourceSpec sourceFromJson(const json& doc, const std::string& path) {
    const Fields f(doc, path);
    f.allowOnly({"id", "name", "kind", "media", "region", "band"});
    SourceSpec s;
    s.id = f.string("id");
    s.name = f.string("name", "");
    const std::string kind = f.string("kind");
    const auto k = sourceKindFromName(kind);
    if (!k) {
        std::string list;
        for (SourceKind known : allSourceKinds())
            list += (list.empty() ? "" : ", ") + std::string(sourceKindName(known));
        throw SignalError(errc::kOutOfRange, f.field("kind") + ": unknown source kind " +
                                                 inQuotes(kind) + " (kinds: " + list + ")");
    }
    s.kind = *k;
    s.media = f.string("media", "");
    if (const json* region = f.find("region")) {
        if (!isVideoSource(s.kind))
            throw SignalError(errc::kInvalid,
                              f.field("region") + ": only video sources have a region");
        const Fields r(*region, f.field("region"));
        r.allowOnly({"x", "y", "w", "h"});
        s.region = Region{r.number("x"), r.number("y"), r.number("w"), r.number("h")};
    }
    if (s.kind == SourceKind::AudioBand) {
        const json& band = f.require("band");
        if (!band.is_array() || band.size() != 2 || !band[0].is_number() || !band[1].is_number())
            f.wrongType("band", "[low Hz, high Hz]");
        s.bandLowHz = band[0].get<double>();
        s.bandHighHz = band[1].get<double>();
        if (!(s.bandLowHz >= 0) || !(s.bandHighHz >= s.bandLowHz))
            throw SignalError(errc::kOutOfRange,
                              f.field("band") + ": expected 0 <= low <= high, got " + band.dump());
    } else if (f.has("band")) {
        throw SignalError(errc::kInvalid,
                          f.field("band") + ": only audio.band sources have a band");
    }
    return s;
}

json toJson(const AutomationLane& lane) {
    json keys = json::array();
    for (const auto& k : lane.keys)
        keys.push_back({{"frame", k.frame},
                        {"value", k.value},
                        {"interp", std::string(interpolationName(k.interp))}});
    json out = {{"effect", lane.target.effect}, {"param", lane.target.param}, {"keys", keys}};
    if (lane.target.component != 0) out["component"] = lane.target.component;
    return out;
}

AutomationLane laneFromJson(const json& doc, const std::string& path) {
    const Fields f(doc, path);
    f.allowOnly({"effect", "param", "component", "keys"});
    AutomationLane lane;
    readTarget(f, lane.target);
    const json& keys = f.array("keys");
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const Fields k(keys[i], f.field("keys") + "[" + std::to_string(i) + "]");
        k.allowOnly({"frame", "value", "interp"});
        Keyframe key;
        key.frame = k.integer("frame");
        key.value = k.number("value");
        const std::string interp = k.string("interp", "linear");
        const auto parsed = interpolationFromName(interp);
        if (!parsed)
            throw SignalError(errc::kOutOfRange,
                              k.field("interp") +
                                  ": expected hold, linear, ease_in, ease_out or "
                                  "ease_in_out, got " +
                                  inQuotes(interp));
        key.interp = *parsed;
        lane.keys.push_back(key);
    }
    return lane;
}

json toJson(const SignalGraphSpec& spec, const OperatorRegistry& registry) {
    json sources = json::array(), operators = json::array(), routes = json::array(),
         lanes = json::array();
    for (const auto& s : spec.sources)
        sources.push_back(toJson(s));
    for (const auto& o : spec.operators)
        operators.push_back(toJson(o, registry));
    for (const auto& r : spec.routes)
        routes.push_back(toJson(r));
    for (const auto& l : spec.lanes)
        lanes.push_back(toJson(l));
    return {
        {"sources", sources}, {"operators", operators}, {"routes", routes}, {"automation", lanes}};
}

SignalGraphSpec signalGraphFromJson(const json& doc, const std::string& path,
                                    const OperatorRegistry& registry) {
    const Fields f(doc, path);
    f.allowOnly({"sources", "operators", "routes", "automation"});
    SignalGraphSpec spec;
    const json& sources = f.array("sources");
    for (std::size_t i = 0; i < sources.size(); ++i)
        spec.sources.push_back(sourceFromJson(sources[i], item(path, "sources", i)));
    const json& operators = f.array("operators");
    for (std::size_t i = 0; i < operators.size(); ++i)
        spec.operators.push_back(
            operatorFromJson(operators[i], item(path, "operators", i), registry));
    const json& routes = f.array("routes");
    for (std::size_t i = 0; i < routes.size(); ++i)
        spec.routes.push_back(routeFromJson(routes[i], item(path, "routes", i)));
    const json& lanes = f.array("automation");
    for (std::size_t i = 0; i < lanes.size(); ++i)
        spec.lanes.push_back(laneFromJson(lanes[i], item(path, "automation", i)));
    return spec;
}

} // namespace entropic::sig
