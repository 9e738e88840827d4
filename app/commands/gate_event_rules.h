#pragma once
// What the timeline's edits of recorded pad events do to the lanes, as pure
// functions (the mouse previews exactly what the edit will push). An event is
// named by its lane and its value ({on, off, velocity}): values survive the
// re-sorting an edit does, and an undo brings back the very values a
// selection named.
//
// The rule that keeps a lane valid — on < off, on >= 0, no two events of a
// lane overlapping — is CLAMP, never merge: an edit never changes an event it
// was not asked to change.
//   - A move takes the selected events by one delta; when that would land one
//     on an unselected event of its lane (or before frame 0), the delta
//     nearest the asked one that fits is used instead, so the events stop
//     against a neighbour or, dragged far enough, jump past it.
//   - A trim stops at the neighbouring event's edge, at frame 0, and one
//     frame short of the event's other end.
// Lanes recorded with overlaps (overdub) keep them; an edit only refuses to
// make new ones.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entropic/engine/project/project.h"

namespace entropic::app::gate {

struct EventRef {
    std::string lane;
    sig::GateEvent event;
    friend bool operator==(const EventRef&, const EventRef&) = default;
};

enum class Edge { On, Off };

// The lanes after an edit and the refs of the edited events in them.
struct LaneEdit {
    std::vector<engine::PerformanceLane> lanes;
    std::vector<EventRef> refs;
    std::int64_t delta = 0; // a move: the delta applied
};

// Index of each ref in its lane (the first equal event not already taken);
// nullopt if any is not there.
std::optional<std::vector<std::pair<std::size_t, std::size_t>>>
resolve(const std::vector<engine::PerformanceLane>& lanes, const std::vector<EventRef>& refs);

// The delta nearest `wanted` by which the events (lane index, event index)
// can move without leaving frame 0 or overlapping an unmoved event.
std::int64_t nearestFreeDelta(const std::vector<engine::PerformanceLane>& lanes,
                              const std::vector<std::pair<std::size_t, std::size_t>>& moved,
                              std::int64_t wanted);

// Each returns nullopt when a ref names no event of the lanes.
std::optional<LaneEdit> moved(const std::vector<engine::PerformanceLane>& lanes,
                              const std::vector<EventRef>& refs, std::int64_t delta);
std::optional<LaneEdit> trimmed(const std::vector<engine::PerformanceLane>& lanes,
                                const EventRef& ref, Edge edge, std::int64_t frame);
std::optional<LaneEdit> deleted(const std::vector<engine::PerformanceLane>& lanes,
                                const std::vector<EventRef>& refs);
// Velocity clamped to 0..1.
std::optional<LaneEdit> withVelocity(const std::vector<engine::PerformanceLane>& lanes,
                                     const std::vector<EventRef>& refs, double velocity);

} // namespace entropic::app::gate
