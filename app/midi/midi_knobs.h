#pragma once
// What a MIDI mapping turns (model/midi_mapping.h), looked up in the project
// as it is now: its range, its value, a name for the mapping list, and the
// edit a controller move makes. A knob whose clip, effect, operator or track
// is gone reads as nullopt, and a move on it does nothing.
#include <optional>

#include <QString>

#include "model/midi_mapping.h"

namespace entropic::app {

class ProjectDocument;

struct KnobRange {
    double min = 0;
    double max = 1;
    bool whole = false; // integers, choices (as their index) and switches
};

std::optional<KnobRange> knobRange(const ProjectDocument& doc, const MidiTarget& target);
std::optional<double> knobValue(const ProjectDocument& doc, const MidiTarget& target);
// "Clip 1 ▸ Pixel Sort ▸ Threshold", "LFO 1 ▸ Rate", "V1 opacity".
QString knobName(const ProjectDocument& doc, const MidiTarget& target);
// The range a new mapping sweeps: the knob's, except volume (-60..+6 dB,
// where a fader is useful, not its whole -96..+24).
std::optional<KnobRange> defaultSweep(const ProjectDocument& doc, const MidiTarget& target);
// An ordinary edit (one history entry per gestureId, as a mouse drag).
bool setKnob(ProjectDocument& doc, const MidiTarget& target, double value, int gestureId,
             QString* error = nullptr);

} // namespace entropic::app
