#pragma once
// The tempo of an incoming MIDI clock: 24 Clock messages a quarter note,
// stamped with the steady time they arrived at. Pure arithmetic (the times
// are arguments), so it is tested without a device or a clock.
//
// The tempo is the slope of a least-squares line through the last kWindow
// tick times, not the last interval: USB and the ALSA sequencer deliver
// ticks a millisecond early or late, which moves one 20.8 ms interval (120
// BPM) by ±5 %, but a line through eight beats of ticks by a
// few hundredths of a BPM even at 174 BPM. Nothing is reported until
// kMinTicks ticks (four beats) have arrived, so the first estimate is
// already within a tenth; a change of tempo is followed within eight beats.
//
// A run of ticks is one performance of the clock: Start (or a first tick)
// begins it, and a gap longer than kGapNs (the sender stopped sending, or
// it was unplugged) ends it, so the next tick begins a new one and nothing
// of the old tempo is averaged into the new.
#include <cstdint>
#include <deque>
#include <optional>

namespace entropic::app {

class MidiClock {
  public:
    static constexpr int kTicksPerBeat = 24;
    static constexpr int kWindow = 8 * kTicksPerBeat;
    static constexpr int kMinTicks = 4 * kTicksPerBeat;
    // Half a second: ticks of a 5 BPM clock are still one run.
    static constexpr std::int64_t kGapNs = 500'000'000;

    // MIDI Start: a new run from the next tick.
    void start();
    // A Clock message at steadyNs; the tempo once the run has kMinTicks.
    std::optional<double> tick(std::int64_t steadyNs);
    // The latest estimate, nullopt early in a run.
    std::optional<double> bpm() const { return bpm_; }
    // Counts runs, so a listener can tell a new run from the same one.
    int run() const { return run_; }

  private:
    void estimate();

    std::deque<std::int64_t> ticks_; // the run's last kWindow tick times
    std::optional<double> bpm_;
    int run_ = 0;
    bool fresh_ = true; // the next tick begins a run
};

// What the project tempo becomes when it follows a clock estimate: the
// estimate rounded to 0.1 BPM, or nullopt to leave `current` alone. It moves
// only when the estimate is at least 0.1 BPM from current, which keeps a
// clock hovering on a rounding boundary (120.05) from flipping the tempo
// back and forth and filling the history with changes nobody hears.
std::optional<double> followedTempo(double estimate, double current);

} // namespace entropic::app
