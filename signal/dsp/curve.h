#pragma once
// Internal to signal/: the one curve shape every stage with a "curve"
// parameter uses (envelope stages, op.math curve), so the same setting bends
// the same way everywhere.
#include <cmath>

namespace entropic::sig::dsp {

// p in [0, 1] → p^(4^−curve), curve in [−1, 1]: 0 is the identity, > 0 rises
// fast first (exponent down to 1/4), < 0 slow first (exponent up to 4).
inline double curveExponent(double curve) {
    return std::pow(4.0, -curve);
}
inline double shapeCurve(double p, double exponent) {
    return exponent == 1.0 ? p : std::pow(p, exponent);
}

inline double smoothstep(double p) {
    return p * p * (3.0 - 2.0 * p);
}

// Non-finite values never leave a node: they become 0.
inline double finiteOrZero(double v) {
    return std::isfinite(v) ? v : 0.0;
}

} // namespace entropic::sig::dsp
