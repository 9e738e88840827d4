#include "entropic/engine/render/resolution_tiers.h"

namespace entropic::engine {

bool ResolutionTiers::record(double ms, double periodMs) {
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

    const int lowest = static_cast<int>(kScales.size()) - 1;
    if (tier_ < lowest && framesAtTier_ >= kSettleFrames && cost > 0.9 * periodMs) {
        ++tier_;
        changed();
        return true;
    }
    if (tier_ > 0 && framesAtTier_ >= kRiseFrames) {
        auto& above = cost_[t - 1];
        if (framesAtTier_ >= kForgetFrames) above = 0;
        const double ratio = kScales[t - 1] / kScales[t];
        const bool roomAbove =
            above > 0 ? above < 0.75 * periodMs : cost * ratio * ratio < 0.5 * periodMs;
        if (roomAbove) {
            --tier_;
            changed();
            return true;
        }
    }
    return false;
}

void ResolutionTiers::changed() {
    framesAtTier_ = 0;
    // The first frames at a new size pay for it (frames read ahead at the
    // old size converted again, caches sized afresh): not the chain's cost.
    warmup_ = kWarmupFrames;
}

void ResolutionTiers::reset() {
    tier_ = 0;
    framesAtTier_ = 0;
    warmup_ = kWarmupFrames;
    cost_.fill(0);
}

} // namespace entropic::engine
