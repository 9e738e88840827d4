#pragma once
// Gate sources from performance events (notes, keys, pads) stored in the
// project: the series is the event's velocity on frames [onFrame, offFrame)
// and 0 elsewhere; overlapping events take the larger value.
#include <cstdint>
#include <span>

#include "entropic/signal/timing.h"

namespace entropic::sig {

struct GateEvent {
    std::int64_t onFrame = 0;
    std::int64_t offFrame = 0; // exclusive; <= onFrame is an empty event
    double velocity = 1;       // 0..1

    friend bool operator==(const GateEvent&, const GateEvent&) = default;
};

Series gateSeries(std::span<const GateEvent> events, std::int64_t frameCount);

} // namespace entropic::sig
