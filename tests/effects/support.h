#pragma once
// Shared helpers for the effects tests: synthetic frames, a threaded row
// runner, and running an effect through the container over a few frames.
#include <string>

#include "entropic/effects/container.h"

namespace entropic::fx::test {

// Deterministic test picture: red ramps across, green ramps down, blue holds
// stripes and a disc that moves with `frameIndex`; alpha varies in one corner.
Frame syntheticFrame(int width, int height, int frameIndex);

// Splits rows into odd-sized bands (7 rows) dealt alternately to two threads,
// to prove effects do not depend on how rows are split.
class TwoThreadRows final : public RowRunner {
  public:
    void run(int rows, const std::function<void(int, int)>& fn) const override;
};

struct RunOptions {
    double mix = 1.0;
    MaskSpec mask;
    const RowRunner* rows = &serialRows();
    int frames = 3; // frames 0..frames-1 are rendered with one state
    double renderScale = 1.0;
};

// Renders frames 0..frames-1 of syntheticFrame(width, height, k) through
// applyEffect (with a fresh state for temporal effects) and returns the last.
Frame runEffect(const EffectDescriptor& d, const ParamValues& params, int width, int height,
                const RunOptions& options = {});

// Every parameter at its minimum (or maximum); defaults otherwise.
ParamValues paramsAtExtreme(const EffectDescriptor& d, bool maximum);

bool samePixels(ConstFrameView a, ConstFrameView b);

// A natural-looking opaque picture for comparisons with other implementations:
// soft colour gradients, a few shapes with hard and soft edges, mild noise.
Frame naturalFrame(int width, int height);

// Peak signal-to-noise ratio over R, G and B in dB (infinity when equal);
// over channels first .. first+count-1 with the second form (3 = alpha).
double psnr(ConstFrameView a, ConstFrameView b);
double psnr(ConstFrameView a, ConstFrameView b, int first, int count);

// Writes a binary PPM (alpha dropped) for looking at outputs by eye.
void writePpm(const std::string& path, ConstFrameView frame);

// Calls an effect's process directly (no container), serially.
Frame process(const EffectDescriptor& d, const ParamValues& params, const Frame& in,
              EffectState* state = nullptr, std::int64_t frameIndex = 0, std::uint64_t seed = 1,
              double renderScale = 1.0);
// The same with the decoder's motion vectors for the frame (fx.datamosh).
Frame process(const EffectDescriptor& d, const ParamValues& params, const Frame& in,
              std::span<const MotionVector> motion, EffectState* state, std::int64_t frameIndex,
              std::uint64_t seed = 1, double renderScale = 1.0);
} // namespace entropic::fx::test
