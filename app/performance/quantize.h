#pragma once
// Quantize of recorded pad events (docs/performance.md): each event's on
// frame moves to the frame nearest the nearest grid line, the event keeping
// its length (at least one frame). The grid runs from frame 0 at the project
// tempo, a line every `beats` beats: at 120 BPM and 30 fps, a beat is 15
// frames and 1/4 beat 3.75 (lines on 0, 3.75, 7.5…, so an event lands on
// frames 0, 4, 8, 11…). Pure arithmetic, so it gives the same frames on every
// machine. The choices and their settings key live in one table.
#include <span>
#include <vector>

#include "entropic/engine/project/project.h"

namespace entropic::app {

struct QuantizeChoice {
    const char* key;   // saved in the settings ("off", "1/16"…)
    const char* label; // shown in the Performance panel
    double beats;      // the grid step; 0: off
};

// Off, 1/16, 1/8 and 1/4 of a beat, and a beat.
std::span<const QuantizeChoice> quantizeChoices();
// The grid step in frames, 0 when off or the tempo or rate is not positive.
double quantizeStep(double beats, double tempoBpm, engine::Rational frameRate);

// Events of one lane with their on frames snapped to a grid `step` frames
// apart (step <= 0: unchanged). Two events of a take snapped onto each other
// stay apart: the earlier one ends where the later begins, and two that land
// on the same frame become one (the later of their offs, the louder velocity), so a
// quantized take never overlaps itself. Sorted by on frame.
std::vector<sig::GateEvent> quantizeEvents(std::vector<sig::GateEvent> events, double step);

} // namespace entropic::app
