#pragma once
// Tap tempo arithmetic, apart from any clock so it is tested with plain
// numbers: give it the steady time of each tap and it answers the tempo of
// the average interval between the recent taps of the run.
//
// A run is a sequence of taps each at most kResetNs after the one before;
// a longer pause (or time going backwards) starts a new run, so the next
// tap is a first tap again. The first tap of a run gives no tempo (one tap
// has no interval); from the second on, the tempo averages the last
// kWindow taps, so a run settles as the hand does and follows a change of
// tempo within a few taps.
#include <cstdint>
#include <deque>
#include <optional>

namespace entropic::app {

class TempoTap {
  public:
    static constexpr std::int64_t kResetNs = 2'000'000'000; // a 2 s pause ends a run
    static constexpr int kWindow = 8;                       // taps averaged (7 intervals)

    struct Result {
        bool newRun = false;       // this tap started a run
        std::optional<double> bpm; // from the second tap of a run on
    };

    Result tap(std::int64_t steadyNs);
    // Taps in the current run so far (0 before the first).
    int taps() const { return static_cast<int>(times_.size()); }
    void reset() { times_.clear(); }

  private:
    std::deque<std::int64_t> times_; // the run's last kWindow taps, oldest first
};

} // namespace entropic::app
