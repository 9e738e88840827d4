#include "performance/hit_log.h"

#include <algorithm>

namespace entropic::app {

namespace {
// A hit lasts at least a frame: a tap shorter than one frame period still shows.
sig::GateEvent closedAt(sig::GateEvent e, std::int64_t frame) {
    e.offFrame = std::max(frame, e.onFrame + 1);
    return e;
}
} // namespace

void HitLog::open(const std::string& lane, std::int64_t frame, double velocity) {
    open_[lane] = {std::max<std::int64_t>(0, frame), 0, velocity};
}

void HitLog::close(const std::string& lane, std::int64_t frame, double wallTime) {
    const auto it = open_.find(lane);
    if (it == open_.end()) return;
    hits_.push_back({lane, closedAt(it->second, frame), wallTime});
    open_.erase(it);
}

void HitLog::closeAll(std::int64_t frame, double wallTime) {
    while (!open_.empty())
        close(open_.begin()->first, frame, wallTime);
}

void HitLog::forgetBefore(double wallTime) {
    std::erase_if(hits_, [&](const Hit& h) { return h.endedAt < wallTime; });
}

void HitLog::clear() {
    hits_.clear();
    open_.clear();
}

std::map<std::string, std::vector<sig::GateEvent>> HitLog::byLane(std::int64_t frame) const {
    std::map<std::string, std::vector<sig::GateEvent>> out;
    for (const auto& h : hits_)
        out[h.lane].push_back(h.event);
    for (const auto& [lane, e] : open_)
        out[lane].push_back(closedAt(e, frame));
    return out;
}

std::map<std::string, std::vector<sig::GateEvent>> HitLog::openUntil(std::int64_t until) const {
    std::map<std::string, std::vector<sig::GateEvent>> out;
    for (const auto& [lane, e] : open_)
        out[lane].push_back(closedAt(e, until));
    return out;
}

std::pair<std::int64_t, std::int64_t> HitLog::span(std::int64_t frame) const {
    bool any = false;
    std::int64_t first = 0, last = 0;
    for (const auto& [lane, events] : byLane(frame))
        for (const auto& e : events) {
            first = any ? std::min(first, e.onFrame) : e.onFrame;
            last = any ? std::max(last, e.offFrame) : e.offFrame;
            any = true;
        }
    return {first, last};
}

} // namespace entropic::app
