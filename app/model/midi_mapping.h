#pragma once
// A MIDI controller mapped to a knob (docs/performance.md, "MIDI learn"):
// which controller (channel and CC number), which knob — an effect parameter,
// an operator parameter, a track's opacity or volume — and the range the
// controller sweeps. Saved in the editor part of the project ("editor.midi");
// the engine never sees it: a mapped move is an ordinary edit.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace entropic::app {

struct MidiTarget {
    enum class Kind { EffectParam, OperatorParam, TrackOpacity, TrackVolume };
    Kind kind = Kind::EffectParam;
    std::string owner;  // clip id (effect), node id (operator) or track id
    std::string effect; // effect instance id (EffectParam only)
    std::string key;    // parameter key (EffectParam, OperatorParam)
    int component = 0;  // of a point or colour parameter
    friend bool operator==(const MidiTarget&, const MidiTarget&) = default;
};

struct MidiMapping {
    int channel = 0; // 1..16; 0: any channel
    int controller = 0;
    MidiTarget target;
    // What controller values 0 and 127 set, in the knob's own units (an
    // opacity 0..1, a volume in dB, a parameter's range); invert swaps them.
    double min = 0;
    double max = 1;
    bool invert = false;

    // The knob value a controller value (0..127) asks for.
    double valueFor(int controllerValue) const;
    bool listensTo(int messageChannel, int messageController) const {
        return controller == messageController && (channel == 0 || channel == messageChannel);
    }

    nlohmann::json toJson() const;
    // nullopt for an entry that is not a mapping (tolerant, like all editor state).
    static std::optional<MidiMapping> fromJson(const nlohmann::json& doc);
    friend bool operator==(const MidiMapping&, const MidiMapping&) = default;
};

} // namespace entropic::app
