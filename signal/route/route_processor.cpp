#include "route/route_processor.h"

#include <algorithm>
#include <cmath>

#include "entropic/signal/error.h"

namespace entropic::sig {

void checkQuantizeLevels(const std::string& field, std::int64_t levels) {
    constexpr std::int64_t kMaxLevels = 1024;
    if (levels == 0 || (levels >= 2 && levels <= kMaxLevels)) return;
    throw SignalError(errc::kOutOfRange, field + ": expected 0 (off) or 2.." +
                                             std::to_string(kMaxLevels) + " levels, got " +
                                             std::to_string(levels));
}

RouteProcessor::RouteProcessor(const RouteProcessing& processing, const Timing& timing)
    : p_(processing), timing_(timing) {
    if (p_.adsr) adsr_.emplace(*p_.adsr);
    if (p_.slewRiseMs > 0 || p_.slewFallMs > 0)
        slew_.emplace(p_.slewRiseMs / 1000.0, p_.slewFallMs / 1000.0, timing_.framePeriod());
    if (p_.smoothMs > 0) smooth_.emplace(p_.smoothMs / 1000.0, timing_.framePeriod());
}

double RouteProcessor::step(double x, std::int64_t frame) {
    double s = x;
    if (p_.threshold) s = s >= *p_.threshold ? 1.0 : 0.0;
    if (adsr_) {
        const double t = timing_.seconds(frame);
        const bool open = s >= 0.5;
        if (open && !gate_) adsr_->gateOn(t);
        if (!open && gate_) adsr_->gateOff(t);
        gate_ = open;
        s = adsr_->level(t);
    }
    if (slew_) s = slew_->step(s);
    if (smooth_) s = smooth_->step(s);
    if (p_.quantize >= 2) {
        const double levels = p_.quantize - 1;
        s = std::floor(std::clamp(s, 0.0, 1.0) * levels + 0.5) / levels;
    }
    if (p_.invert) s = 1.0 - s;
    return s * p_.scale + p_.offset;
}

} // namespace entropic::sig
