#include "model/pad_settings.h"

#include <algorithm>
#include <cmath>
#include <regex>

namespace entropic::app {

using nlohmann::json;

namespace {

constexpr double kMaxLength = 600000; // ten minutes in ms, or 600000 beats: far past any use

std::optional<PadMode> modeFromName(const std::string& name) {
    for (PadMode m : {PadMode::Gate, PadMode::Toggle, PadMode::OneShot})
        if (name == padModeName(m)) return m;
    return std::nullopt;
}

} // namespace

const char* padModeName(PadMode mode) {
    switch (mode) {
    case PadMode::Gate:
        return "gate";
    case PadMode::Toggle:
        return "toggle";
    case PadMode::OneShot:
        return "one_shot";
    }
    return "gate";
}

double PadSettings::lengthSeconds(double tempoBpm) const {
    if (unit == PadLengthUnit::Beats) return length * 60.0 / std::max(1.0, tempoBpm);
    return length / 1000.0;
}

json PadSettings::toJson() const {
    json doc = {{"lane", lane},     {"key", key},
                {"colour", colour}, {"mode", padModeName(mode)},
                {"length", length}, {"unit", unit == PadLengthUnit::Beats ? "beats" : "ms"},
                {"choke", choke}};
    if (midiNote >= 0) {
        doc["midi_note"] = midiNote;
        doc["midi_channel"] = midiChannel;
    }
    if (cueFrame >= 0) doc["cue_frame"] = cueFrame;
    return doc;
}

std::optional<PadSettings> PadSettings::fromJson(const json& doc) {
    if (!doc.is_object()) return std::nullopt;
    PadSettings p;
    const auto lane = doc.find("lane");
    if (lane == doc.end() || !lane->is_string() || lane->get<std::string>().empty())
        return std::nullopt;
    p.lane = lane->get<std::string>();
    if (const auto key = doc.find("key"); key != doc.end() && key->is_string())
        p.key = key->get<std::string>();
    static const std::regex colourPattern("#[0-9a-fA-F]{6}");
    if (const auto c = doc.find("colour");
        c != doc.end() && c->is_string() && std::regex_match(c->get<std::string>(), colourPattern))
        p.colour = c->get<std::string>();
    if (const auto m = doc.find("mode"); m != doc.end() && m->is_string())
        p.mode = modeFromName(m->get<std::string>()).value_or(PadMode::Gate);
    if (const auto u = doc.find("unit");
        u != doc.end() && u->is_string() && u->get<std::string>() == "beats")
        p.unit = PadLengthUnit::Beats;
    if (const auto l = doc.find("length"); l != doc.end() && l->is_number()) {
        const double v = l->get<double>();
        if (std::isfinite(v) && v > 0 && v <= kMaxLength) p.length = v;
    }
    if (const auto c = doc.find("choke"); c != doc.end() && c->is_number_integer()) {
        const int v = c->get<int>();
        if (v >= 0 && v <= kMaxChokeGroup) p.choke = v;
    }
    if (const auto n = doc.find("midi_note"); n != doc.end() && n->is_number_integer()) {
        const int v = n->get<int>();
        if (v >= 0 && v <= 127) p.midiNote = v;
    }
    if (const auto c = doc.find("midi_channel"); c != doc.end() && c->is_number_integer()) {
        const int v = c->get<int>();
        if (v >= 0 && v <= 16) p.midiChannel = v;
    }
    if (const auto c = doc.find("cue_frame"); c != doc.end() && c->is_number_integer()) {
        const auto v = c->get<std::int64_t>();
        if (v >= 0) p.cueFrame = v;
    }
    return p;
}

} // namespace entropic::app
