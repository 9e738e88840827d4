#include "entropic/signal/timing.h"

namespace entropic::sig {

std::int64_t Timing::firstSample(std::int64_t frame, int sampleRate) const {
    // Integers only: a double would put some frame boundaries one sample off.
    const std::int64_t num = static_cast<std::int64_t>(frame) * rateDen * sampleRate;
    const std::int64_t q = num / rateNum;
    return (num % rateNum != 0 && num < 0) ? q - 1 : q; // floor for negative frames too
}

} // namespace entropic::sig
