#pragma once
// The MIDI mapping edits (docs/performance.md), in the manner of edits.h: one
// history entry each, or a refusal worded for the user that changes nothing.
#include <QString>

#include "model/midi_mapping.h"

namespace entropic::app {

class ProjectDocument;

namespace edits {

// Adds a mapping; one that listens to the same controller and channel is
// replaced (a controller turns one knob; learning it again moves it).
bool addMidiMapping(ProjectDocument& doc, const MidiMapping& mapping, QString* error = nullptr);
// Replaces mapping `index` (range, invert, channel…).
bool setMidiMapping(ProjectDocument& doc, int index, const MidiMapping& mapping,
                    QString* error = nullptr);
bool removeMidiMapping(ProjectDocument& doc, int index, QString* error = nullptr);

} // namespace edits
} // namespace entropic::app
