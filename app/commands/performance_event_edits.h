#pragma once
// Edits of recorded pad events (the timeline's performance rows), in the
// manner of edits.h: each pushes one history entry (a PerformanceCommand, so
// it undoes and spills like a recorded take) and returns true, or refuses
// with a reason and changes nothing. An edit that changes nothing pushes
// nothing. Events are named by value (gate::EventRef); `*after` receives the
// edited events' refs as they are now, for the selection. How lanes stay
// valid (clamp, never merge) is gate_event_rules.h's.
#include <cstdint>
#include <vector>

#include <QString>

#include "commands/gate_event_rules.h"

namespace entropic::app {

class ProjectDocument;

namespace edits {

// Moves the events by `delta` frames (or the nearest delta that fits).
bool moveGateEvents(ProjectDocument& doc, const std::vector<gate::EventRef>& events,
                    std::int64_t delta, QString* error = nullptr,
                    std::vector<gate::EventRef>* after = nullptr);
// Moves one end of an event to `frame` (clamped, see gate_event_rules.h).
bool trimGateEvent(ProjectDocument& doc, const gate::EventRef& event, gate::Edge edge,
                   std::int64_t frame, QString* error = nullptr,
                   std::vector<gate::EventRef>* after = nullptr);
bool deleteGateEvents(ProjectDocument& doc, const std::vector<gate::EventRef>& events,
                      QString* error = nullptr);
// Velocity 0..1 (clamped) on every event named.
bool setGateVelocity(ProjectDocument& doc, const std::vector<gate::EventRef>& events,
                     double velocity, QString* error = nullptr,
                     std::vector<gate::EventRef>* after = nullptr);

} // namespace edits
} // namespace entropic::app
