// fx.frame_hold — sample and hold: a frame is grabbed and shown for a random
// number of frames within [min, max], then a new one is grabbed: stop-motion
// with an irregular, seeded rhythm. Temporal: the held frame and when the
// next grab is due are the explicit state.
#include <algorithm>
#include <cstdint>

#include "core/builtin.h"
#include "core/frame_history.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

// A frame is also grabbed at every multiple of kGrid, so what is shown at
// frame n depends only on frames since the last multiple: historyFrames =
// kGrid makes a seek land on exactly what sequential play shows. Holds are
// at most half of it, so the grid rarely shortens one.
constexpr std::int64_t kGrid = 60;
constexpr int kMaxHold = 30;

struct FrameHoldState final : EffectState {
    Frame held;
    std::int64_t nextGrab = 0;    // first frame that grabs anew
    std::int64_t frameIndex = -1; // frame of the last call
};

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState* stateBase,
             const EffectContext& ctx) {
    auto* state = static_cast<FrameHoldState*>(stateBase);
    const std::int64_t n = ctx.frameIndex;
    const bool valid = state && state->frameIndex == n - 1 && !state->held.empty() &&
                       state->held.width() == in.width && state->held.height() == in.height;
    if (valid && n < state->nextGrab && n % kGrid != 0) {
        state->frameIndex = n;
        copyRows(state->held.view(), out, *ctx.rows);
        return;
    }
    copyRows(in, out, *ctx.rows);
    if (!state) return;
    // The hold is drawn from this frame's seed (it changes every frame), so
    // the whole rhythm is a pure function of the frames since the last grid point.
    const int a = p.integer("min_hold"), b = p.integer("max_hold");
    const int lo = std::min(a, b), hi = std::max(a, b);
    const std::uint64_t r = mix64(ctx.seed ^ 0x686f6c645f6c656eULL) >> 32; // "hold_len"
    const auto length =
        lo + static_cast<std::int64_t>((r * static_cast<std::uint64_t>(hi - lo + 1)) >> 32);
    state->nextGrab = std::min(n + length, (n / kGrid + 1) * kGrid);
    state->frameIndex = n;
    state->held.resize(in.width, in.height);
    copyRows(in, state->held.view(), *ctx.rows);
}

std::unique_ptr<EffectState> makeState() {
    return std::make_unique<FrameHoldState>();
}

} // namespace

namespace builtin {
const EffectDescriptor& fxFrameHold() {
    static const EffectDescriptor d{
        .id = "fx.frame_hold",
        .version = 1,
        .name = "Frame hold",
        .category = "fx",
        .help = "Sample and hold: show a frame for a random number of frames, then grab a new one "
                "(keeps one frame)",
        .params =
            {
                ParamSpec::integer("min_hold", "Shortest hold", 1, kMaxHold, 3, "frames",
                                   "Fewest frames a grabbed frame stays on screen"),
                ParamSpec::integer("max_hold", "Longest hold", 1, kMaxHold, 10, "frames",
                                   "Most frames a grabbed frame stays on screen (a grab also falls "
                                   "on every 60th frame)"),
            },
        .historyFrames = static_cast<int>(kGrid),
        .makeState = makeState,
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
