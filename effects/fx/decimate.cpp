// fx.decimate — frame-rate reduction: only one frame in N (or the frames of a
// lower target rate) is shown, the others repeat it, the jerky motion of a
// low-frame-rate camera or an animation on twos. Which frame is shown depends
// only on the frame index, so a seek lands on exactly the frame sequential
// play shows. Temporal: the last shown frame is the explicit state.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/builtin.h"
#include "core/frame_history.h"

namespace entropic::fx {

namespace {

// The longest a frame is held; historyFrames covers it.
constexpr std::int64_t kMaxPeriod = 30;

enum Mode { EveryN = 0, TargetRate = 1 };

struct DecimateState final : EffectState {
    Frame held;                   // the last frame shown
    std::int64_t frameIndex = -1; // frame of the last call
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// The frame whose picture frame n shows.
std::int64_t shownFrame(std::int64_t n, const ParamValues& p, const EffectContext& ctx) {
    if (p.choice("mode") == EveryN) {
        const std::int64_t every = p.integer("every");
        return floorDiv(n, every) * every;
    }
    // Output frame j covers [j / f, (j + 1) / f) seconds; it shows the first
    // source frame inside it, ceil(j·num / (f·den)). Integer arithmetic in
    // millihertz, so the choice never hangs on a float's last bit.
    const std::int64_t num = std::max(1, ctx.rateNum), den = std::max(1, ctx.rateDen);
    const std::int64_t slowest =
        (num * 1000 + kMaxPeriod * den - 1) / (kMaxPeriod * den); // a period ≤ 30 frames
    const std::int64_t milli =
        std::max(std::llround(p.number("fps") * 1000.0), static_cast<long long>(slowest));
    if (milli * den >= num * 1000) return n; // at or above the project's rate: every frame
    const std::int64_t j = floorDiv(n * milli * den, num * 1000);
    return -floorDiv(-j * num * 1000, milli * den);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState* stateBase,
             const EffectContext& ctx) {
    auto* state = static_cast<DecimateState*>(stateBase);
    const std::int64_t n = ctx.frameIndex;
    const std::int64_t shown = shownFrame(n, p, ctx);
    const bool valid = state && state->frameIndex == n - 1 && !state->held.empty() &&
                       state->held.width() == in.width && state->held.height() == in.height;
    if (state) state->frameIndex = n;
    // Hold the last shown frame. After a reset (nothing held yet) this frame
    // stands in until the next shown one; a replay from the engine's anchor
    // always reaches the shown frame before the frame that needs it.
    if (valid && shown != n) {
        copyRows(state->held.view(), out, *ctx.rows);
        return;
    }
    copyRows(in, out, *ctx.rows);
    if (state) {
        state->held.resize(in.width, in.height);
        copyRows(in, state->held.view(), *ctx.rows);
    }
}

std::unique_ptr<EffectState> makeState() {
    return std::make_unique<DecimateState>();
}

} // namespace

namespace builtin {
const EffectDescriptor& fxDecimate() {
    static const EffectDescriptor d{
        .id = "fx.decimate",
        .version = 1,
        .name = "Decimate",
        .category = "fx",
        .help = "Lower the frame rate: show one frame in N (or a target rate) and repeat it (keeps "
                "one frame)",
        .params =
            {
                ParamSpec::choice("mode", "Mode", {"Every N frames", "Target rate"}, EveryN,
                                  "Keep one frame in N, or the frames of a lower frame rate"),
                ParamSpec::integer("every", "Every", 1, static_cast<int>(kMaxPeriod), 3, "frames",
                                   "Show frames 0, N, 2N, …; each is held N frames")
                    .when("mode", {"Every N frames"}),
                ParamSpec::number("fps", "Target rate", 1, 60, 8, "fps",
                                  "Rate to reduce to; a frame is held at most 30 frames")
                    .when("mode", {"Target rate"}),
            },
        // A shown frame is at most 29 frames before the frame that holds it, so
        // replaying 30 frames always passes through it: exact after a seek.
        .historyFrames = static_cast<int>(kMaxPeriod),
        .makeState = makeState,
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
