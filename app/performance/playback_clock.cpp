#include "performance/playback_clock.h"

#include "playback/player.h"
#include "transport/transport.h"

namespace entropic::app {

LivePerformance::Clock playbackClock(const Player& player, const Transport& transport) {
    return {[&player] { return player.playing(); },
            [&player, &transport] {
                return player.playing() ? player.position()
                                        : static_cast<double>(transport.frame());
            }};
}

} // namespace entropic::app
