#include "entropic/engine/render/resolution_tiers.h"

#include <algorithm>

namespace entropic::engine {

bool ResolutionTiers::record(double ms, double periodMs, std::int64_t skipped) {
    const int lowest = static_cast<int>(kScales.size()) - 1;
    ++sinceChange_;
    // A try of the tier above that makes frames late has failed, whatever
    // the render thread's cost says (a slower stage — decoding a 4K file —
    // shows as lateness first): back at once.
    if (skipped > 0 && rose_ && sinceChange_ <= kRiseFrames && tier_ < lowest) {
        failedTry(periodMs);
        return true;
    }
    if (warmup_ > 0) {
        --warmup_;
        return false;
    }
    const auto t = static_cast<std::size_t>(tier_);
    auto& cost = cost_[t];
    // The first frame at a tier pays for warming caches; a short memory
    // follows the chain as the picture changes.
    cost = framesAtTier_ == 0 || cost == 0 ? ms : 0.7 * cost + 0.3 * ms;
    ++framesAtTier_;

    if (tier_ < lowest && framesAtTier_ >= kSettleFrames && cost > 0.9 * periodMs) {
        if (rose_ && sinceChange_ <= kRiseFrames) {
            failedTry(periodMs);
        } else {
            ++tier_;
            changed();
        }
        return true;
    }
    if (tier_ > 0 && framesAtTier_ >= kRiseFrames) {
        auto& above = cost_[t - 1];
        if (framesAtTier_ >= tryAfter_) above = 0;
        const double ratio = kScales[t - 1] / kScales[t];
        const bool roomAbove =
            above > 0 ? above < 0.75 * periodMs : cost * ratio * ratio < 0.5 * periodMs;
        if (roomAbove) {
            --tier_;
            changed();
            rose_ = true;
            return true;
        }
    }
    return false;
}

void ResolutionTiers::failedTry(double periodMs) {
    // Known too slow until forgotten; each failed try doubles the wait before
    // the next (6, 12, 24 s at 30 fps).
    auto& cost = cost_[static_cast<std::size_t>(tier_)];
    cost = std::max(cost, periodMs);
    tryAfter_ = std::min(2 * tryAfter_, kMaxTryAfterFrames);
    ++tier_;
    changed();
}

void ResolutionTiers::changed() {
    framesAtTier_ = 0;
    sinceChange_ = 0;
    rose_ = false;
    // The first frames at a new size pay for it (frames read ahead at the
    // old size converted again, caches sized afresh): not the chain's cost.
    warmup_ = kWarmupFrames;
}

void ResolutionTiers::reset() {
    tier_ = 0;
    framesAtTier_ = 0;
    sinceChange_ = 0;
    rose_ = false;
    tryAfter_ = kForgetFrames;
    warmup_ = kWarmupFrames;
    cost_.fill(0);
}

} // namespace entropic::engine
