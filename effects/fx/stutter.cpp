// fx.stutter — a skipping CD for video: at seeded moments the picture jumps
// back and loops the last few frames several times, then carries on with the
// live picture. Temporal: the recent input frames and the loop in progress
// are the explicit state.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/builtin.h"
#include "core/frame_history.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

constexpr int kMaxLength = 8;
constexpr int kMaxRepeats = 5;
// A loop started at s shows frames back to s − length + 1 until s + length·repeats − 1,
// so every frame it needs lies within length·(repeats + 1) − 1 = 47 frames.
constexpr int kHistory = 48;

struct StutterState final : EffectState {
    FrameHistory history; // recent input frames, plus the loop's while it plays
    bool looping = false;
    std::int64_t start = 0;    // frame the loop began
    std::int64_t first = 0;    // its first frame
    std::int64_t length = 1;   // frames in the loop
    std::int64_t duration = 0; // frames it plays for
};

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState* stateBase,
             const EffectContext& ctx) {
    auto* state = static_cast<StutterState*>(stateBase);
    if (!state) {
        copyRows(in, out, *ctx.rows);
        return;
    }
    const std::int64_t n = ctx.frameIndex;
    const int length = p.integer("length");
    if (!state->history.follows(n, in.width, in.height)) state->looping = false;
    state->history.push(n, in, *ctx.rows);

    // Each frame draws from its own seed, whether a loop plays or not, and the
    // newest draw wins: which loop plays at frame n then depends only on the
    // draws of the last 40 frames, never on a chain of earlier decisions.
    const auto threshold =
        static_cast<std::uint64_t>(std::lround(p.number("probability") * 16777216.0));
    if ((mix64(ctx.seed ^ 0x736b69705f636421ULL) >> 40) < threshold) { // "skip_cd!"
        // The frames kept without a gap, at most `length` of them (fewer
        // after the clip's start or a reset).
        std::int64_t first = n;
        while (first > n - length + 1 && state->history.find(first - 1))
            --first;
        state->looping = true;
        state->start = n;
        state->first = first;
        state->length = n - first + 1;
        state->duration = state->length * p.integer("repeats");
    }
    if (state->looping && n - state->start >= state->duration) state->looping = false;

    const Frame* shown =
        state->looping ? state->history.find(state->first + (n - state->start) % state->length)
                       : nullptr;
    copyRows(shown ? ConstFrameView(shown->view()) : in, out, *ctx.rows);

    // Keep what a loop starting next frame would need, and the playing loop.
    const std::int64_t keepFirst = state->looping ? state->first : 1;
    const std::int64_t keepLast = state->looping ? state->first + state->length - 1 : 0;
    state->history.dropOlderThan(n + 2 - length, keepFirst, keepLast);
}

std::unique_ptr<EffectState> makeState() {
    return std::make_unique<StutterState>();
}

} // namespace

namespace builtin {
const EffectDescriptor& fxStutter() {
    static const EffectDescriptor d{
        .id = "fx.stutter",
        .version = 1,
        .name = "Stutter",
        .category = "fx",
        .help = "Skipping CD: at random moments loop the last few frames a few times (keeps at "
                "most 16 frames)",
        .params =
            {
                ParamSpec::number("probability", "Probability", 0, 1, 0.1, "",
                                  "Chance per frame that the picture skips back and starts a loop"),
                ParamSpec::integer("length", "Loop length", 1, kMaxLength, 3, "frames",
                                   "Frames in a loop: the ones just before the skip"),
                ParamSpec::integer("repeats", "Repeats", 1, kMaxRepeats, 3, "",
                                   "Times the loop plays before the live picture returns"),
            },
        .historyFrames = kHistory,
        .makeState = makeState,
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
