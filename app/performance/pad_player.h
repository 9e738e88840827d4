#pragma once
// What pads do when they are hit, without any widget or clock of its own:
// presses and releases come in with the time they happened, gate changes come
// out (docs/performance.md). The caller owns time: while playing it is the
// playback clock (so a one-shot ends on the frame its length says), while
// stopped a steady clock.
//
//   gate:     on at the press, off at the release.
//   toggle:   a press turns an off pad on and an on pad off; releases do nothing.
//   one-shot: on at the press, off `length` seconds later (advance() reports
//             it, stamped with the time it ended, not the time it was noticed);
//             a press while on restarts it.
//   choke:    turning a pad on turns off every other pad of its group (0: none).
#include <vector>

namespace entropic::app {

enum class PadMode;

struct GateChange {
    int pad = 0;
    bool on = false;
    double velocity = 1; // of an "on"
    double time = 0;     // seconds, in the caller's clock
};

class PadPlayer {
  public:
    struct Pad {
        PadMode mode;
        double lengthSeconds = 0.25; // one-shot
        int choke = 0;
    };

    // Pads that are on and no longer exist (or changed) are switched off in
    // the returned changes; the others keep their state.
    std::vector<GateChange> setPads(std::vector<Pad> pads, double now);
    std::vector<GateChange> press(int pad, double velocity, double now);
    std::vector<GateChange> release(int pad, double now);
    // One-shots whose length has run out by `now`, in the order they ended.
    std::vector<GateChange> advance(double now);
    // Everything off (playback started or stopped: the clock jumped).
    std::vector<GateChange> releaseAll(double now);

    bool isOn(int pad) const;
    int padCount() const { return static_cast<int>(pads_.size()); }

  private:
    struct State {
        bool on = false;
        double endsAt = 0; // one-shot
    };
    void turnOff(int pad, double time, std::vector<GateChange>& out);

    std::vector<Pad> pads_;
    std::vector<State> state_;
};

} // namespace entropic::app
