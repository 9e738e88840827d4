#pragma once
// Automation lanes: keyframes per parameter component, interpolated per
// segment (docs/signals.md).
#include "entropic/signal/spec.h"

namespace entropic::sig {

// The shape of one segment: from `from` (p = 0) to `to` (p = 1), p in [0, 1].
// Hold stays at `from` until the next key; EaseIn p², EaseOut 1 − (1 − p)²,
// EaseInOut 3p² − 2p³.
double interpolate(Interpolation interp, double from, double to, double p);

// The lane's value at a timeline frame (fractional frames allowed, for
// drawing): the first key's value before it, the last key's after it, the
// segment's interpolation between keys. A lane without keys has no value:
// callers check keys.empty() (compileGraph refuses such lanes).
double laneValue(const AutomationLane& lane, double frame);

// The lane of one parameter component, or null when it is not automated.
const AutomationLane* findLane(const SignalGraphSpec& spec, const ParamTarget& target);
AutomationLane* findLane(SignalGraphSpec& spec, const ParamTarget& target);

} // namespace entropic::sig
