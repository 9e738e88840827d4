#pragma once
// The static description of an effect and the signature of its pure function
// (docs/architecture.md). The inspector, the CLI and the protocol are all built
// from descriptors: nothing about a parameter is written twice.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/effects/motion.h"
#include "entropic/effects/parallel.h"
#include "entropic/effects/params.h"

namespace entropic::fx {

// Memory a temporal effect carries from one frame to the next. Each temporal
// effect defines its own subclass; nothing else persists between calls.
class EffectState {
  public:
    virtual ~EffectState() = default;
};

// What an effect may know about the call besides its parameters.
struct EffectContext {
    std::uint64_t seed = 0;      // derived by deriveSeed() for this instance and frame
    std::int64_t frameIndex = 0; // clip-local frame index (frames since the clip's first frame)
    int rateNum = 30;            // project frame rate as a fraction
    int rateDen = 1;
    // 1.0 at full resolution; smaller while playback renders at a reduced size.
    // Parameters in pixels are multiplied by it so a reduced frame looks the same.
    double renderScale = 1.0;
    std::span<const MotionVector> motion; // decoder motion of the clip's source frame
    const RowRunner* rows = &serialRows();
};

// out has in's size and never aliases it. state is null for stateless effects.
using ProcessFn = void (*)(ConstFrameView in, FrameView out, const ParamValues& params,
                           EffectState* state, const EffectContext& ctx);
using MakeStateFn = std::unique_ptr<EffectState> (*)();

struct EffectDescriptor {
    std::string id;       // "fx.pixelsort", "util.levels": namespace is the category
    int version = 1;      // bumped when the algorithm's output changes
    std::string name;     // display name
    std::string category; // "util" or "fx"
    std::string help;     // one line
    std::vector<ParamSpec> params;
    // Temporal effects: how many frames of history rebuild their state after a
    // seek (docs/determinism.md). 0 for stateless effects.
    int historyFrames = 0;
    // Reads EffectContext::motion. Decoding with motion vectors costs frame
    // threading, so the engine asks the decoder for them only for such chains.
    bool needsMotionVectors = false;
    MakeStateFn makeState = nullptr;
    ProcessFn process = nullptr;

    bool temporal() const { return makeState != nullptr; }
};

} // namespace entropic::fx
