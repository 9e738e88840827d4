#pragma once
// Dynamic resolution during playback (docs/architecture.md): when frames take
// longer than the time between them, render smaller — 75 %, 50 %, 25 % of the
// project size — and step back up once there is headroom. Pure bookkeeping;
// the render loop feeds it the cost of each frame it produces.
//
// Down: the smoothed cost of the current tier exceeds 90 % of the frame period
// (a few frames after the last change, so one slow frame is not a trend).
// Up: the tier above was last measured under 75 % of the period, or — never
// measured, or measured long ago — its cost predicted from this tier's by
// pixel count is under 50 %. A tier held for a long while forgets what it
// knew of the one above, so a chain that got cheaper is tried again. A try
// that makes frames late (or costs too much) within its first 15 frames
// steps back at once, and the next try waits twice as long (up to 24 s).
#include <array>
#include <cstdint>

namespace entropic::engine {

class ResolutionTiers {
  public:
    static constexpr std::array<double, 4> kScales{1.0, 0.75, 0.5, 0.25};

    int tier() const { return tier_; }
    double scale() const { return kScales[static_cast<std::size_t>(tier_)]; }
    // The smoothed cost of a frame at the current tier, ms (0: none measured yet).
    double costMs() const { return cost_[static_cast<std::size_t>(tier_)]; }

    // One frame took `ms` to produce at the current tier; due frames are
    // `periodMs` apart; `skipped` frames were jumped over before it because
    // they would have been late. Returns true if the tier changed.
    bool record(double ms, double periodMs, std::int64_t skipped = 0);
    // Full resolution, nothing known: a new playback starts here.
    void reset();

  private:
    void changed();
    void failedTry(double periodMs);
    // Not counted after reset() or a step: cold decoders and caches, frames
    // read ahead at the old size converted again; not the chain.
    static constexpr int kWarmupFrames = 2;
    static constexpr int kSettleFrames = 3;  // frames at a tier before stepping down
    static constexpr int kRiseFrames = 15;   // frames at a tier before trying one up
    static constexpr int kForgetFrames = 90; // frames before the tier above is tried afresh
    static constexpr int kMaxTryAfterFrames = 8 * kForgetFrames;

    int tier_ = 0;
    int framesAtTier_ = 0;
    int warmup_ = kWarmupFrames;
    int sinceChange_ = 0;          // frames recorded since the last change, warm-up included
    bool rose_ = false;            // the last change was a step up: a try
    int tryAfter_ = kForgetFrames; // frames at a tier before the one above is tried afresh
    std::array<double, kScales.size()> cost_{}; // smoothed ms per tier; 0: unknown
};

} // namespace entropic::engine
