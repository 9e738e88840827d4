#include "dsp/adsr.h"

#include <algorithm>

#include "dsp/curve.h"

namespace entropic::sig::dsp {

Adsr::Adsr(const AdsrSettings& s)
    : attack_(std::max(0.0, s.attackMs) / 1000.0), decay_(std::max(0.0, s.decayMs) / 1000.0),
      sustain_(std::clamp(s.sustain, 0.0, 1.0)), release_(std::max(0.0, s.releaseMs) / 1000.0),
      exponent_(curveExponent(std::clamp(s.curve, -1.0, 1.0))) {}

double Adsr::shape(double p) const {
    return shapeCurve(std::clamp(p, 0.0, 1.0), exponent_);
}

void Adsr::gateOn(double t) {
    onsetLevel_ = level(t);
    onsetTime_ = t;
    phase_ = Phase::Held;
}

void Adsr::gateOff(double t) {
    if (phase_ != Phase::Held) return;
    releaseLevel_ = level(t);
    releaseTime_ = t;
    phase_ = Phase::Released;
}

double Adsr::level(double t) const {
    switch (phase_) {
    case Phase::Idle:
        return 0.0;
    case Phase::Held: {
        double tau = t - onsetTime_;
        if (tau < attack_) return onsetLevel_ + (1.0 - onsetLevel_) * shape(tau / attack_);
        tau -= attack_;
        if (tau < decay_) return 1.0 - (1.0 - sustain_) * shape(tau / decay_);
        return sustain_;
    }
    case Phase::Released: {
        const double tau = t - releaseTime_;
        if (tau < release_) return releaseLevel_ * (1.0 - shape(tau / release_));
        return 0.0;
    }
    }
    return 0.0;
}

} // namespace entropic::sig::dsp
