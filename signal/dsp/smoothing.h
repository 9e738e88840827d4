#pragma once
// Internal to signal/: per-frame stateful filters shared by operators and
// route processing. Each is advanced once per frame, frames 0, 1, 2, … in
// order; dt is the frame period in seconds.
#include <limits>

namespace entropic::sig::dsp {

// Exponential smoothing towards the input with time constant tau seconds
// (0: the input itself). Starts at the first input, so a signal that is
// already high at frame 0 does not fade in.
class OnePole {
  public:
    OnePole(double tauSeconds, double dt);
    double step(double x);

  private:
    double alpha_;
    bool started_ = false;
    double y_ = 0;
};

// Limits how fast the value moves: a full 0 → 1 rise takes at least riseSeconds,
// a full fall fallSeconds (0: unlimited). Starts at the first input.
class SlewLimiter {
  public:
    SlewLimiter(double riseSeconds, double fallSeconds, double dt);
    double step(double x);

  private:
    double maxUp_ = std::numeric_limits<double>::infinity();
    double maxDown_ = std::numeric_limits<double>::infinity();
    bool started_ = false;
    double y_ = 0;
};

// Envelope follower: rises towards a larger input with the attack time
// constant, falls towards a smaller one with the release time constant.
// Starts at 0 (silence before the timeline).
class EnvelopeFollower {
  public:
    EnvelopeFollower(double attackSeconds, double releaseSeconds, double dt);
    double step(double x);

  private:
    double attack_, release_;
    double y_ = 0;
};

// A threshold with hysteresis: opens at x >= on, closes at x < off (off <= on).
// Starts closed.
class HysteresisGate {
  public:
    HysteresisGate(double on, double off) : on_(on), off_(off) {}
    bool step(double x);

  private:
    double on_, off_;
    bool open_ = false;
};

// 1 − e^(−dt/tau): the per-frame step of a one-pole filter (1 when tau <= 0).
double onePoleCoefficient(double tauSeconds, double dt);

} // namespace entropic::sig::dsp
