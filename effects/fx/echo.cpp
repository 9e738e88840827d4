// fx.echo — video echo (a delay line): each output mixes the current frame
// with the frames `delay`, 2·`delay`, … frames back, each echo weaker than the
// one before, so moving things leave a trail of fading copies. Temporal: the
// past input frames are the explicit state, at most 32 of them.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/builtin.h"
#include "core/byte_lanes.h"
#include "core/frame_history.h"

namespace entropic::fx {

namespace {

// The echo line holds at most this many past frames (8 MB each at 1080p).
constexpr int kMaxSpan = 32;
constexpr int kMaxTaps = 4;

struct EchoState final : EffectState {
    FrameHistory history; // past input frames, newest = the previous frame
};

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState* stateBase,
             const EffectContext& ctx) {
    auto* state = static_cast<EchoState*>(stateBase);
    const int w = in.width, h = in.height;
    const std::int64_t n = ctx.frameIndex;
    const int delay = p.integer("delay");
    // Echoes beyond the line's length are left out rather than bunched at its end.
    const int taps = std::clamp(std::min(p.integer("taps"), kMaxSpan / delay), 1, kMaxTaps);
    const bool history = state && state->history.follows(n, w, h);

    // Weights in 1/256: the current frame keeps 256 − A, the echoes share A
    // in proportion falloff^(k−1), the last one taking the rounding remainder,
    // so they sum to exactly 256 (amount 0 gives the input byte for byte,
    // amount 1 with one echo the old frame).
    const auto amount = static_cast<std::uint16_t>(std::lround(p.number("amount") * 256.0));
    const double falloff = p.number("falloff");
    std::array<double, kMaxTaps> share{};
    double total = 0, g = 1;
    for (int k = 0; k < taps; ++k, g *= falloff)
        total += share[static_cast<std::size_t>(k)] = g;
    std::array<ConstFrameView, kMaxTaps + 1> frames{};
    std::array<std::uint16_t, kMaxTaps + 1> weights{};
    frames[0] = in;
    weights[0] = static_cast<std::uint16_t>(256 - amount);
    int given = 0;
    for (int k = 0; k < taps; ++k) {
        const auto i = static_cast<std::size_t>(k);
        const int wk =
            k + 1 < taps
                ? std::min(static_cast<int>(std::lround(amount * share[i] / total)), amount - given)
                : amount - given;
        given += wk;
        // Before the clip's first frame (or right after a reset) the oldest
        // frame kept stands in for the missing ones.
        const Frame* past =
            history ? state->history.atOrOldest(n - static_cast<std::int64_t>(k + 1) * delay)
                    : nullptr;
        frames[i + 1] = past ? past->view() : in;
        weights[i + 1] = static_cast<std::uint16_t>(wk);
    }

    const auto rowBytes = static_cast<std::size_t>(w) * 4;
    ctx.rows->run(h, [&](int begin, int end) {
        std::array<const std::uint8_t*, kMaxTaps + 1> rows{};
        for (int y = begin; y < end; ++y) {
            for (int t = 0; t <= taps; ++t)
                rows[static_cast<std::size_t>(t)] = frames[static_cast<std::size_t>(t)].row(y);
            weightedRow(out.row(y), rows.data(), weights.data(), taps + 1, rowBytes);
        }
    });

    if (state) {
        state->history.push(n, in, *ctx.rows);
        // What the next frame's echoes will read, at the same settings.
        state->history.dropOlderThan(n + 1 - static_cast<std::int64_t>(taps) * delay);
    }
}

std::unique_ptr<EffectState> makeState() {
    return std::make_unique<EchoState>();
}

} // namespace

namespace builtin {
const EffectDescriptor& fxEcho() {
    static const EffectDescriptor d{
        .id = "fx.echo",
        .version = 1,
        .name = "Echo",
        .category = "fx",
        .help = "Mix each frame with fading copies of the frames before it (keeps up to 32 past "
                "frames)",
        .params =
            {
                ParamSpec::integer(
                    "delay", "Delay", 1, 30, 4, "frames",
                    "Frames between the picture and its first echo, and between echoes"),
                ParamSpec::integer("taps", "Echoes", 1, kMaxTaps, 3, "",
                                   "Number of echoes; those more than 32 frames back are left out"),
                ParamSpec::number("amount", "Amount", 0, 1, 0.5, "",
                                  "Weight of the echoes against the current frame"),
                ParamSpec::number("falloff", "Falloff", 0, 1, 0.6, "",
                                  "Weight of each echo relative to the one before it"),
            },
        // Every echo reads a frame at most 32 frames back, so 32 frames of
        // history hold every frame a replay needs: the state after a seek is
        // exactly the state of sequential play (docs/determinism.md).
        .historyFrames = kMaxSpan,
        .makeState = makeState,
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
