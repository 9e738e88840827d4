#pragma once
// How a knob's context menu gets its MIDI entries ("MIDI Learn", "Forget
// MIDI mapping") without the panels that own knobs knowing about MIDI: the
// main window hands them this function (MidiControl::addLearnEntries); empty,
// the menus simply have no MIDI entries.
#include <functional>

#include "model/midi_mapping.h"

class QMenu;

namespace entropic::app {

using KnobMenu = std::function<void(QMenu&, const MidiTarget&)>;

} // namespace entropic::app
