#pragma once
// One MIDI message as the editor uses it, decoded from the bytes a device
// sends. Only what pads, mappings and tempo listen to is decoded; the rest
// (aftertouch, pitch bend, SysEx…) is Other and ignored.
#include <cstdint>
#include <optional>
#include <span>

namespace entropic::app {

struct MidiMessage {
    enum class Type { NoteOn, NoteOff, Controller, Clock, Start, Stop, Other };
    Type type = Type::Other;
    int channel = 0; // 1..16 for channel messages, 0 for system ones
    int number = 0;  // note or controller number, 0..127
    int value = 0;   // velocity or controller value, 0..127

    // A note-on with velocity 0 is a note-off, as every controller means it.
    // nullopt for an empty or truncated message.
    static std::optional<MidiMessage> decode(std::span<const std::uint8_t> bytes);
    friend bool operator==(const MidiMessage&, const MidiMessage&) = default;
};

} // namespace entropic::app
