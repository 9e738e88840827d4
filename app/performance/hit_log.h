#pragma once
// Hits as they are played, in timeline frames: a hit opens on a pad's lane at
// the frame the clock showed and closes at the frame it ended (at least one
// frame later). Used twice: for the armed take (everything since play
// started) and for retro-capture (the hits that ended in the last N seconds
// of wall time, kept whether armed or not). Pure: the caller passes frames
// and times.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "entropic/signal/performance_gate.h"

namespace entropic::app {

struct Hit {
    std::string lane;
    sig::GateEvent event;
    double endedAt = 0; // wall-clock seconds
};

class HitLog {
  public:
    void open(const std::string& lane, std::int64_t frame, double velocity);
    // Closes the lane's open hit (if any) at `frame`.
    void close(const std::string& lane, std::int64_t frame, double wallTime);
    void closeAll(std::int64_t frame, double wallTime);
    // Forgets hits that ended before wallTime (the retro window's far end).
    void forgetBefore(double wallTime);
    void clear();

    const std::vector<Hit>& hits() const { return hits_; }
    bool empty() const { return hits_.empty() && open_.empty(); }
    // Closed hits by lane, with the open ones as if closed at `frame`.
    std::map<std::string, std::vector<sig::GateEvent>> byLane(std::int64_t frame) const;
    // The open hits, each lasting until `until` (a live gate held down).
    std::map<std::string, std::vector<sig::GateEvent>> openUntil(std::int64_t until) const;
    // [first on, last off) of byLane(frame); {0, 0} when empty.
    std::pair<std::int64_t, std::int64_t> span(std::int64_t frame) const;

  private:
    std::vector<Hit> hits_;
    std::map<std::string, sig::GateEvent> open_;
};

} // namespace entropic::app
