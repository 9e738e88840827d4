#pragma once
// What a pad is besides its performance lane (docs/performance.md): the key
// that plays it, its colour, how a hit behaves (gate, toggle, one-shot) and
// its choke group. The engine never needs these, so they live in the
// editor's part of the project file ("editor.pads"); the lane and its gate
// source live in the project proper.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace entropic::app {

enum class PadMode {
    Gate,    // on while held
    Toggle,  // one press on, the next off
    OneShot, // on for a set length from the press
};
enum class PadLengthUnit { Milliseconds, Beats };

struct PadSettings {
    std::string lane; // the performance lane the pad plays (its identity)
    std::string key;  // a key's text as QKeySequence writes it ("Q", "1"); empty: none
    std::string colour = "#d0643c"; // "#rrggbb"
    PadMode mode = PadMode::Gate;
    double length = 250; // one-shot length, in `unit`
    PadLengthUnit unit = PadLengthUnit::Milliseconds;
    int choke = 0;       // 0: none; pads sharing a group 1..kMaxChokeGroup silence each other
    int midiNote = -1;   // 0..127; -1: none
    int midiChannel = 0; // 1..16; 0: any channel
    // Cue launch: a hit also moves the playhead here (a marker's frame), on
    // the quantize grid while playing; -1: the pad does not jump.
    std::int64_t cueFrame = -1;

    bool playsNote(int channel, int note) const {
        return midiNote >= 0 && note == midiNote && (midiChannel == 0 || midiChannel == channel);
    }

    static constexpr int kMaxChokeGroup = 16;
    // The one-shot length in seconds at a tempo.
    double lengthSeconds(double tempoBpm) const;

    nlohmann::json toJson() const;
    // Tolerant like the rest of the editor state: nullopt for an entry that
    // names no lane; out-of-range fields take their defaults.
    static std::optional<PadSettings> fromJson(const nlohmann::json& doc);
    friend bool operator==(const PadSettings&, const PadSettings&) = default;
};

const char* padModeName(PadMode mode); // "gate", "toggle", "one_shot"

} // namespace entropic::app
