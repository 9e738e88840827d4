#include "model/midi_mapping.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace entropic::app {

using nlohmann::json;

namespace {

constexpr std::array<std::pair<MidiTarget::Kind, const char*>, 4> kKinds{{
    {MidiTarget::Kind::EffectParam, "effect_param"},
    {MidiTarget::Kind::OperatorParam, "operator_param"},
    {MidiTarget::Kind::TrackOpacity, "track_opacity"},
    {MidiTarget::Kind::TrackVolume, "track_volume"},
}};

std::string text(const json& doc, const char* key) {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::optional<double> finite(const json& doc, const char* key) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_number()) return std::nullopt;
    const double v = it->get<double>();
    return std::isfinite(v) ? std::optional{v} : std::nullopt;
}

std::optional<int> integerIn(const json& doc, const char* key, int lo, int hi) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
    const int v = it->get<int>();
    return v >= lo && v <= hi ? std::optional{v} : std::nullopt;
}

} // namespace

double MidiMapping::valueFor(int controllerValue) const {
    double t = std::clamp(controllerValue, 0, 127) / 127.0;
    if (invert) t = 1.0 - t;
    return min + (max - min) * t;
}

json MidiMapping::toJson() const {
    const char* kind = "effect_param";
    for (const auto& [k, name] : kKinds)
        if (k == target.kind) kind = name;
    json doc = {{"channel", channel}, {"controller", controller},
                {"kind", kind},       {"owner", target.owner},
                {"min", min},         {"max", max},
                {"invert", invert}};
    if (!target.effect.empty()) doc["effect"] = target.effect;
    if (!target.key.empty()) doc["key"] = target.key;
    if (target.component != 0) doc["component"] = target.component;
    return doc;
}

std::optional<MidiMapping> MidiMapping::fromJson(const json& doc) {
    if (!doc.is_object()) return std::nullopt;
    MidiMapping m;
    const auto controller = integerIn(doc, "controller", 0, 127);
    const auto kind = text(doc, "kind");
    const auto found =
        std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& k) { return kind == k.second; });
    m.target.owner = text(doc, "owner");
    if (!controller || found == kKinds.end() || m.target.owner.empty()) return std::nullopt;
    m.controller = *controller;
    m.target.kind = found->first;
    m.target.effect = text(doc, "effect");
    m.target.key = text(doc, "key");
    m.target.component = integerIn(doc, "component", 0, 3).value_or(0);
    const bool needsKey = m.target.kind == MidiTarget::Kind::EffectParam ||
                          m.target.kind == MidiTarget::Kind::OperatorParam;
    if (needsKey && m.target.key.empty()) return std::nullopt;
    if (m.target.kind == MidiTarget::Kind::EffectParam && m.target.effect.empty())
        return std::nullopt;
    m.channel = integerIn(doc, "channel", 0, 16).value_or(0);
    m.min = finite(doc, "min").value_or(0);
    m.max = finite(doc, "max").value_or(1);
    if (const auto it = doc.find("invert"); it != doc.end() && it->is_boolean())
        m.invert = it->get<bool>();
    return m;
}

} // namespace entropic::app
