#pragma once
// The clock live playing reads (LivePerformance, AutomationRecorder): the
// player's position while playing, the playhead while stopped.
#include "performance/live_performance.h"

namespace entropic::app {

class Player;
class Transport;

// Both must outlive the clock.
LivePerformance::Clock playbackClock(const Player& player, const Transport& transport);

} // namespace entropic::app
