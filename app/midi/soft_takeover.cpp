#include "midi/soft_takeover.h"

#include <cmath>

namespace entropic::app {

bool SoftTakeover::follow(double wanted, double current, double span) {
    const double reach = kReach * std::abs(span);
    // Moved by something else since the controller set it: pick up again.
    if (engaged_ && (!lastSet_ || std::abs(current - *lastSet_) > 1e-9)) engaged_ = false;
    if (!engaged_) {
        const bool near = std::abs(wanted - current) <= reach;
        const bool crossed = lastWanted_ && (*lastWanted_ - current) * (wanted - current) <= 0;
        engaged_ = near || crossed;
    }
    lastWanted_ = wanted;
    if (!engaged_) return false;
    lastSet_ = wanted;
    return true;
}

} // namespace entropic::app
