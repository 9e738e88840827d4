#pragma once
// Internal to signal/: an ADSR envelope in continuous time, shared by
// mod.envelope and the route ADSR stage. Gate events carry exact times (a
// frame's time, or a beat's time that falls between frames); the level is a
// closed form of the time since the last event, so stage timing does not
// depend on the frame rate.
#include "entropic/signal/spec.h"

namespace entropic::sig::dsp {

class Adsr {
  public:
    explicit Adsr(const AdsrSettings& settings);

    // Gate opens at time t (seconds): the attack restarts from the level at t
    // (retrigger without a jump).
    void gateOn(double t);
    // Gate closes at t: the release starts from the level at t.
    void gateOff(double t);
    bool held() const { return phase_ == Phase::Held; }
    // The level at t, t at or after the last event.
    double level(double t) const;

  private:
    enum class Phase { Idle, Held, Released };
    double shape(double p) const;

    double attack_, decay_, sustain_, release_, exponent_;
    Phase phase_ = Phase::Idle;
    double onsetTime_ = 0, onsetLevel_ = 0;
    double releaseTime_ = 0, releaseLevel_ = 0;
};

} // namespace entropic::sig::dsp
