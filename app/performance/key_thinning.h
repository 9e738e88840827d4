#pragma once
// Recorded knob moves as few keys as draw them (docs/performance.md,
// "Recording knob moves"): a knob read thirty times a second for ten seconds
// is three hundred samples, and a slow sweep needs two keys.
#include <vector>

#include "entropic/signal/spec.h"

namespace entropic::app {

// Ramer–Douglas–Peucker on (frame, value) of linear keys: keeps the first and
// the last key and every key whose value lies more than `tolerance` (in the
// parameter's units) from the line between the keys kept around it, so the
// lane the kept keys draw is within `tolerance` of the one all of them drew,
// on every frame. Keys must be in increasing frames.
std::vector<sig::Keyframe> thinLinearKeys(const std::vector<sig::Keyframe>& keys, double tolerance);

// Hold keys (choices, switches) as the steps they draw: a key repeating the
// value before it goes (the first and the last stay).
std::vector<sig::Keyframe> thinHoldKeys(const std::vector<sig::Keyframe>& keys);

} // namespace entropic::app
