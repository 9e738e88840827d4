#pragma once
// The container every effect instance runs in (docs/architecture.md):
//   input → mask stage → processing → mix (dry/wet) → output
// Mask and mix come free with every effect. With mix 0, a disabled instance or
// a mask that is zero everywhere, the output equals the input byte for byte.
#include <cstdint>
#include <string>

#include "entropic/effects/blend.h"
#include "entropic/effects/descriptor.h"

namespace entropic::fx {

enum class MaskShape { None, Rectangle, Ellipse, LumaKey };

// A generated per-pixel wet/dry weight. Geometry is in normalised frame units
// (0..1 across width and height) so it survives resolution changes.
struct MaskSpec {
    MaskShape shape = MaskShape::None;
    double x = 0.25, y = 0.25, w = 0.5, h = 0.5; // Rectangle/Ellipse bounds
    double feather = 0.0;                        // soft edge, fraction of the smaller side
    double lumaLow = 0.5, lumaHigh = 1.0;        // LumaKey: luma band (0..1) that is wet
    double softness = 0.05;                      // LumaKey: ramp width outside the band
    bool invert = false;
};

struct EffectInstance {
    const EffectDescriptor* descriptor = nullptr;
    std::string instanceId; // stable across edits; part of the seed
    ParamValues params;     // resolved values for this frame
    double mix = 1.0;       // 0..1
    // How the processed picture lays onto the input before mix and mask weigh
    // it in; Normal is the plain dry/wet crossfade.
    BlendMode blend = BlendMode::Normal;
    MaskSpec mask;
    bool enabled = true;
    std::uint64_t userSeed = 0;
};

struct CallInfo {
    std::string_view projectId;
    std::int64_t frameIndex = 0; // clip-local
    int rateNum = 30, rateDen = 1;
    double renderScale = 1.0;
    std::span<const MotionVector> motion;
    const RowRunner* rows = &serialRows();
};

// The dry/wet as a parameter the signal engine moves like any other (a pad
// bypassing an effect while held, an LFO fading one in and out): key "mix",
// 0..1, default 1. Signal catalogs list it after an effect's own parameters,
// which so keep their indices; no descriptor uses the key (a test holds that).
const ParamSpec& mixParam();

// Runs one instance. out must have in's size and must not alias in: the effect
// processes into out, which is then mixed with in in place. state belongs to this instance and
// is advanced even when mix is 0 (so a temporal effect faded in later has its
// history), but not when the instance is disabled.
void applyEffect(const EffectInstance& instance, ConstFrameView in, FrameView out,
                 EffectState* state, const CallInfo& call);

// Weight (0..65536) of the effect at each pixel of a row, for the mask stage.
// Exposed for tests and for the UI's mask overlay.
void maskRow(const MaskSpec& mask, ConstFrameView in, int y, std::uint32_t* weights);

} // namespace entropic::fx
