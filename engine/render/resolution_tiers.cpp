#include "entropic/engine/render/resolution_tiers.h"

namespace entropic::engine {

bool ResolutionTiers::record(double ms, double periodMs) {
    if (warmup_ > 0) {
        --warmup_;
        return false;
    }
    auto& cost = cost_[static_cast<std::size_t>(tier_)];
    // The first frame at a tier pays for warming caches; a short memory
    // follows the chain as the picture changes.
    cost = framesAtTier_ == 0 || cost == 0 ? ms : 0.7 * cost + 0.3 * ms;
    ++framesAtTier_;

    const int lowest = static_cast<int>(kScales.size()) - 1;
    if (tier_ < lowest && framesAtTier_ >= kSettleFrames && cost > 0.9 * periodMs) {
        ++tier_;
        framesAtTier_ = 0;
        return true;
    }
    if (tier_ > 0 && framesAtTier_ >= kRiseFrames) {
        auto& above = cost_[static_cast<std::size_t>(tier_ - 1)];
        if (framesAtTier_ >= kForgetFrames) above = 0;
        const double ratio =
            kScales[static_cast<std::size_t>(tier_ - 1)] / kScales[static_cast<std::size_t>(tier_)];
        const bool roomAbove =
            above > 0 ? above < 0.75 * periodMs : cost * ratio * ratio < 0.5 * periodMs;
        if (roomAbove) {
            --tier_;
            framesAtTier_ = 0;
            return true;
        }
    }
    return false;
}

void ResolutionTiers::reset() {
    tier_ = 0;
    framesAtTier_ = 0;
    warmup_ = kWarmupFrames;
    cost_.fill(0);
}

} // namespace entropic::engine
