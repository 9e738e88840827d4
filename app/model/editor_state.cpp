#include "model/editor_state.h"

#include <algorithm>

namespace entropic::app {

using nlohmann::json;

namespace {

std::vector<std::string> stringList(const json& doc, const char* key) {
    std::vector<std::string> out;
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_array()) return out;
    for (const auto& item : *it)
        if (item.is_string()) out.push_back(item.get<std::string>());
    return out;
}

std::optional<std::int64_t> frame(const json& doc, const char* key) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
    const auto value = it->get<std::int64_t>();
    if (value < 0) return std::nullopt;
    return value;
}

} // namespace

json EditorState::toJson() const {
    json markerList = json::array();
    for (const auto& m : markers)
        markerList.push_back({{"frame", m.frame}, {"name", m.name}});
    json doc = {{"bin", bin},
                {"markers", std::move(markerList)},
                {"locked_tracks", lockedTracks},
                {"solo_tracks", soloTracks},
                {"playhead", playhead}};
    if (inPoint) doc["in"] = *inPoint;
    if (outPoint) doc["out"] = *outPoint;
    if (!pads.empty()) {
        json padList = json::array();
        for (const auto& p : pads)
            padList.push_back(p.toJson());
        doc["pads"] = std::move(padList);
    }
    if (!midiMappings.empty()) {
        json mappingList = json::array();
        for (const auto& m : midiMappings)
            mappingList.push_back(m.toJson());
        doc["midi"] = std::move(mappingList);
    }
    return doc;
}

EditorState EditorState::fromJson(const json& doc) {
    EditorState s;
    if (!doc.is_object()) return s;
    s.bin = stringList(doc, "bin");
    s.lockedTracks = stringList(doc, "locked_tracks");
    s.soloTracks = stringList(doc, "solo_tracks");
    s.inPoint = frame(doc, "in");
    s.outPoint = frame(doc, "out");
    if (s.inPoint && s.outPoint && *s.outPoint <= *s.inPoint) s.outPoint.reset();
    s.playhead = frame(doc, "playhead").value_or(0);
    if (const auto padList = doc.find("pads"); padList != doc.end() && padList->is_array())
        for (const auto& p : *padList)
            if (auto pad = PadSettings::fromJson(p)) s.pads.push_back(std::move(*pad));
    if (const auto mappingList = doc.find("midi");
        mappingList != doc.end() && mappingList->is_array())
        for (const auto& m : *mappingList)
            if (auto mapping = MidiMapping::fromJson(m))
                s.midiMappings.push_back(std::move(*mapping));
    const auto it = doc.find("markers");
    if (it != doc.end() && it->is_array()) {
        for (const auto& m : *it) {
            if (!m.is_object()) continue;
            const auto at = frame(m, "frame");
            if (!at) continue;
            const auto name = m.find("name");
            s.markers.push_back({*at, name != m.end() && name->is_string()
                                          ? name->get<std::string>()
                                          : std::string()});
        }
        // Stable: markers on the same frame keep their saved order.
        std::stable_sort(s.markers.begin(), s.markers.end(),
                         [](const Marker& a, const Marker& b) { return a.frame < b.frame; });
    }
    return s;
}

} // namespace entropic::app
