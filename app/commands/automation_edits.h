#pragma once
// Recorded automation (docs/performance.md, "Recording knob moves"), in the
// manner of edits.h: writeAutomation checks the take, compiles the project's
// signal part as it would be afterwards and pushes one history entry, or
// refuses with a reason worded for the user and changes nothing.
#include <cstdint>
#include <optional>
#include <vector>

#include <QString>

#include "entropic/effects/params.h"
#include "entropic/signal/spec.h"

namespace entropic::app {

class ProjectDocument;

namespace edits {

// What one knob wrote over frames [from, to): its keys (frames in [from, to),
// increasing; the last one's value holds to `to`).
struct RecordedSpan {
    std::int64_t from = 0;
    std::int64_t to = 0; // exclusive: the first frame that keeps the lane's old value
    std::vector<sig::Keyframe> keys;
    friend bool operator==(const RecordedSpan&, const RecordedSpan&) = default;
};

struct AutomationTake {
    sig::ParamTarget target;
    std::vector<RecordedSpan> spans; // a later span wins where two overlap (a loop)
};

// The lane `old` (null: the parameter has none and stands at `base`) with
// the spans written in: its keys inside each span go, the span's keys come
// in, and keys at the span's edges (frame from − 1 and frame `to`, each with
// the value the lane had there) keep every frame outside the spans at the
// value it had on a linear or hold segment (an eased segment cut by a span
// keeps its ease over the shorter segment, so its frames move a little).
sig::AutomationLane spliceRecording(const sig::ParamTarget& target, const sig::AutomationLane* old,
                                    double base, const std::vector<RecordedSpan>& spans);

// The parameter a target names; null when the project has none.
const fx::ParamSpec* paramSpec(const ProjectDocument& doc, const sig::ParamTarget& target);
// A parameter component's base value (what the knob stands at where no lane
// moves it); nullopt when the project has no such parameter.
std::optional<double> baseValue(const ProjectDocument& doc, const sig::ParamTarget& target);

// Writes a take into the lanes of its parameters (made where missing) as
// one step named `text` ("Record automation"); values are clamped to the
// parameter's range. Refused: an unknown parameter, an empty span, a span
// before frame 0, keys outside their span or not increasing, a value that
// is not finite.
bool writeAutomation(ProjectDocument& doc, const std::vector<AutomationTake>& takes,
                     const QString& text, QString* error = nullptr);

} // namespace edits
} // namespace entropic::app
