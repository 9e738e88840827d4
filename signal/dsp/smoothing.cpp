#include "dsp/smoothing.h"

#include <algorithm>
#include <cmath>

namespace entropic::sig::dsp {

double onePoleCoefficient(double tauSeconds, double dt) {
    return tauSeconds > 0 ? 1.0 - std::exp(-dt / tauSeconds) : 1.0;
}

OnePole::OnePole(double tauSeconds, double dt) : alpha_(onePoleCoefficient(tauSeconds, dt)) {}

double OnePole::step(double x) {
    if (!started_) {
        started_ = true;
        y_ = x;
    } else {
        y_ += alpha_ * (x - y_);
    }
    return y_;
}

SlewLimiter::SlewLimiter(double riseSeconds, double fallSeconds, double dt) {
    if (riseSeconds > 0) maxUp_ = dt / riseSeconds;
    if (fallSeconds > 0) maxDown_ = dt / fallSeconds;
}

double SlewLimiter::step(double x) {
    if (!started_) {
        started_ = true;
        y_ = x;
    } else {
        y_ += std::clamp(x - y_, -maxDown_, maxUp_);
    }
    return y_;
}

EnvelopeFollower::EnvelopeFollower(double attackSeconds, double releaseSeconds, double dt)
    : attack_(onePoleCoefficient(attackSeconds, dt)),
      release_(onePoleCoefficient(releaseSeconds, dt)) {}

double EnvelopeFollower::step(double x) {
    y_ += (x > y_ ? attack_ : release_) * (x - y_);
    return y_;
}

bool HysteresisGate::step(double x) {
    if (open_) {
        if (x < off_) open_ = false;
    } else if (x >= on_) {
        open_ = true;
    }
    return open_;
}

} // namespace entropic::sig::dsp
