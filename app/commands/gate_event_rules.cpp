#include "commands/gate_event_rules.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <set>

namespace entropic::app::gate {

namespace {

using Located = std::vector<std::pair<std::size_t, std::size_t>>; // (lane, event) indices

void sortLane(engine::PerformanceLane& lane) {
    std::stable_sort(
        lane.events.begin(), lane.events.end(),
        [](const sig::GateEvent& a, const sig::GateEvent& b) { return a.onFrame < b.onFrame; });
}

} // namespace

std::optional<Located> resolve(const std::vector<engine::PerformanceLane>& lanes,
                               const std::vector<EventRef>& refs) {
    Located found;
    std::set<std::pair<std::size_t, std::size_t>> taken;
    for (const auto& ref : refs) {
        bool ok = false;
        for (std::size_t l = 0; l < lanes.size() && !ok; ++l) {
            if (lanes[l].id != ref.lane) continue;
            for (std::size_t e = 0; e < lanes[l].events.size() && !ok; ++e)
                if (lanes[l].events[e] == ref.event && taken.insert({l, e}).second) {
                    found.emplace_back(l, e);
                    ok = true;
                }
        }
        if (!ok) return std::nullopt;
    }
    return found;
}

std::int64_t nearestFreeDelta(const std::vector<engine::PerformanceLane>& lanes,
                              const Located& moved, std::int64_t wanted) {
    if (moved.empty()) return wanted;
    const std::set<std::pair<std::size_t, std::size_t>> isMoved(moved.begin(), moved.end());
    // No event before frame 0.
    std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
    // A moved event m lands on an unmoved s of its lane for every delta d in
    // the open interval (s.on - m.off, s.off - m.on).
    std::vector<std::pair<std::int64_t, std::int64_t>> forbidden;
    for (const auto& [l, e] : moved) {
        const auto& m = lanes[l].events[e];
        lowest = std::max(lowest, -m.onFrame);
        for (std::size_t other = 0; other < lanes[l].events.size(); ++other) {
            if (isMoved.contains({l, other})) continue;
            const auto& s = lanes[l].events[other];
            forbidden.emplace_back(s.onFrame - m.offFrame, s.offFrame - m.onFrame);
        }
    }
    const auto fits = [&](std::int64_t d) {
        if (d < lowest) return false;
        return std::none_of(forbidden.begin(), forbidden.end(),
                            [d](const auto& f) { return f.first < d && d < f.second; });
    };
    // The answer is the wanted delta or an end of what it is kept out of.
    std::vector<std::int64_t> candidates{wanted, lowest};
    for (const auto& [lo, hi] : forbidden) {
        candidates.push_back(lo);
        candidates.push_back(hi);
    }
    std::optional<std::int64_t> best;
    for (const std::int64_t d : candidates) {
        if (!fits(d)) continue;
        const auto distance = std::llabs(d - wanted);
        // Equally near: the smaller move.
        if (!best || distance < std::llabs(*best - wanted) ||
            (distance == std::llabs(*best - wanted) && std::llabs(d) < std::llabs(*best)))
            best = d;
    }
    // Past every forbidden interval and above `lowest` something always fits.
    return best.value_or(wanted);
}

std::optional<LaneEdit> moved(const std::vector<engine::PerformanceLane>& lanes,
                              const std::vector<EventRef>& refs, std::int64_t delta) {
    const auto located = resolve(lanes, refs);
    if (!located) return std::nullopt;
    LaneEdit edit{lanes, {}, nearestFreeDelta(lanes, *located, delta)};
    std::set<std::size_t> touched;
    for (const auto& [l, e] : *located) {
        auto& event = edit.lanes[l].events[e];
        event.onFrame += edit.delta;
        event.offFrame += edit.delta;
        edit.refs.push_back({edit.lanes[l].id, event});
        touched.insert(l);
    }
    for (const std::size_t l : touched)
        sortLane(edit.lanes[l]);
    return edit;
}

std::optional<LaneEdit> trimmed(const std::vector<engine::PerformanceLane>& lanes,
                                const EventRef& ref, Edge edge, std::int64_t frame) {
    const auto located = resolve(lanes, {ref});
    if (!located) return std::nullopt;
    const auto [l, e] = located->front();
    LaneEdit edit{lanes, {}, 0};
    auto& lane = edit.lanes[l];
    sig::GateEvent& event = lane.events[e];
    // The neighbours' near edges bound the trim; a lane that already overlaps
    // (an overdub) lets the event shrink but not grow further into them.
    std::int64_t lower = 0;
    std::int64_t upper = std::numeric_limits<std::int64_t>::max();
    for (std::size_t i = 0; i < lane.events.size(); ++i) {
        if (i == e) continue;
        const auto& other = lane.events[i];
        if (other.onFrame < event.onFrame) lower = std::max(lower, other.offFrame);
        if (other.onFrame > event.onFrame) upper = std::min(upper, other.onFrame);
    }
    if (edge == Edge::On)
        event.onFrame = std::clamp(frame, std::min(lower, event.onFrame), event.offFrame - 1);
    else
        event.offFrame = std::clamp(frame, event.onFrame + 1, std::max(upper, event.offFrame));
    edit.refs.push_back({lane.id, event});
    sortLane(lane);
    return edit;
}

std::optional<LaneEdit> deleted(const std::vector<engine::PerformanceLane>& lanes,
                                const std::vector<EventRef>& refs) {
    auto located = resolve(lanes, refs);
    if (!located) return std::nullopt;
    LaneEdit edit{lanes, {}, 0};
    // From the back, so the indices still to erase stay valid.
    std::sort(located->rbegin(), located->rend());
    for (const auto& [l, e] : *located)
        edit.lanes[l].events.erase(edit.lanes[l].events.begin() + static_cast<std::ptrdiff_t>(e));
    return edit;
}

std::optional<LaneEdit> withVelocity(const std::vector<engine::PerformanceLane>& lanes,
                                     const std::vector<EventRef>& refs, double velocity) {
    const auto located = resolve(lanes, refs);
    if (!located) return std::nullopt;
    LaneEdit edit{lanes, {}, 0};
    for (const auto& [l, e] : *located) {
        auto& event = edit.lanes[l].events[e];
        event.velocity = std::clamp(velocity, 0.0, 1.0);
        edit.refs.push_back({edit.lanes[l].id, event});
    }
    return edit;
}

} // namespace entropic::app::gate
