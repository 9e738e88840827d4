#include "midi/midi_message.h"

namespace entropic::app {

std::optional<MidiMessage> MidiMessage::decode(std::span<const std::uint8_t> bytes) {
    if (bytes.empty() || !(bytes[0] & 0x80)) return std::nullopt;
    const std::uint8_t status = bytes[0];
    MidiMessage m;
    switch (status) {
    case 0xF8:
        m.type = Type::Clock;
        return m;
    case 0xFA:
    case 0xFB: // continue: the clock runs again like a start
        m.type = Type::Start;
        return m;
    case 0xFC:
        m.type = Type::Stop;
        return m;
    default:
        break;
    }
    if (status >= 0xF0) return m; // other system messages
    m.channel = (status & 0x0F) + 1;
    const int kind = status & 0xF0;
    if (kind != 0x80 && kind != 0x90 && kind != 0xB0) return m;
    if (bytes.size() < 3) return std::nullopt;
    m.number = bytes[1] & 0x7F;
    m.value = bytes[2] & 0x7F;
    if (kind == 0xB0)
        m.type = Type::Controller;
    else
        m.type = kind == 0x90 && m.value > 0 ? Type::NoteOn : Type::NoteOff;
    return m;
}

} // namespace entropic::app
