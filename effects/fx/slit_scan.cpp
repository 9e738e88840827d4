// fx.slit_scan — slit-scan / time displacement: each row (or column, or
// pixel) of the output comes from a different moment, its delay growing down
// the frame (or with the picture's brightness), so motion bends and smears
// across space like a scanning camera's. Temporal: the past input frames are
// the explicit state, at most 31 of them.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/builtin.h"
#include "core/byte_lanes.h"
#include "core/frame_history.h"
#include "core/luma.h"

namespace entropic::fx {

namespace {

constexpr int kMaxDepth = 31;

enum Axis { Rows = 0, Columns = 1, Luma = 2 };

struct SlitScanState final : EffectState {
    FrameHistory history; // past input frames, newest = the previous frame
};

// Delay in 1/256 frame at a position t/span (0 ≤ t ≤ span).
inline int delayAt(int depth, std::int64_t t, std::int64_t span) {
    return span > 0 ? static_cast<int>((depth * 256 * t + span / 2) / span) : 0;
}

struct Sources {
    std::array<ConstFrameView, kMaxDepth + 2> frame; // by delay; one past depth for blending
    bool blend;
    int at(int delay256, int& frac) const { // the nearer frame's delay, frac of the next
        if (!blend) {
            frac = 0;
            return (delay256 + 128) >> 8;
        }
        frac = delay256 & 255;
        return delay256 >> 8;
    }
};

// Per byte: (a·(256 − f) + b·f + 128) >> 8; f = 0 copies a.
inline void blendRow(std::uint8_t* d, const std::uint8_t* a, const std::uint8_t* b, int frac,
                     std::size_t bytes) {
    if (frac == 0) {
        std::memcpy(d, a, bytes);
        return;
    }
    const std::uint8_t* const src[2] = {a, b};
    const std::uint16_t weight[2] = {static_cast<std::uint16_t>(256 - frac),
                                     static_cast<std::uint16_t>(frac)};
    weightedRow(d, src, weight, 2, bytes);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState* stateBase,
             const EffectContext& ctx) {
    auto* state = static_cast<SlitScanState*>(stateBase);
    const int w = in.width, h = in.height;
    const std::int64_t n = ctx.frameIndex;
    const int depth = p.integer("depth");
    const int axis = p.choice("axis");
    const bool reverse = p.flag("reverse");
    const bool history = state && state->history.follows(n, w, h);

    Sources src{};
    src.blend = p.flag("blend");
    src.frame[0] = in;
    for (int k = 1; k <= depth + 1; ++k) {
        // Before the clip's first frame (or right after a reset) the oldest
        // frame kept stands in for the missing ones.
        const Frame* past = history ? state->history.atOrOldest(n - k) : nullptr;
        src.frame[static_cast<std::size_t>(k)] =
            past ? past->view() : src.frame[static_cast<std::size_t>(k - 1)];
    }
    const auto rowBytes = static_cast<std::size_t>(w) * 4;

    if (axis == Rows) {
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                int frac = 0;
                const int k = src.at(delayAt(depth, reverse ? h - 1 - y : y, h - 1), frac);
                blendRow(out.row(y), src.frame[static_cast<std::size_t>(k)].row(y),
                         src.frame[static_cast<std::size_t>(k + 1)].row(y), frac, rowBytes);
            }
        });
    } else {
        // Per column, or per brightness level: a delay table per call.
        const int levels = axis == Columns ? w : 256;
        std::vector<std::uint16_t> delay(static_cast<std::size_t>(levels));
        for (int i = 0; i < levels; ++i) {
            const int t = reverse ? levels - 1 - i : i;
            delay[static_cast<std::size_t>(i)] =
                static_cast<std::uint16_t>(delayAt(depth, t, levels - 1));
        }
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                const std::uint8_t* s = in.row(y);
                std::uint8_t* d = out.row(y);
                for (int x = 0; x < w; ++x, s += 4, d += 4) {
                    // BT.709 luma of the current frame, as the other effects compute it.
                    const int level = axis == Columns ? x : lumaByte(s[0], s[1], s[2]);
                    int frac = 0;
                    const int k = src.at(delay[static_cast<std::size_t>(level)], frac);
                    const std::uint8_t* a = src.frame[static_cast<std::size_t>(k)].row(y) + 4 * x;
                    const std::uint8_t* b =
                        src.frame[static_cast<std::size_t>(k + 1)].row(y) + 4 * x;
                    for (int c = 0; c < 4; ++c)
                        d[c] = static_cast<std::uint8_t>(
                            (a[c] * (256 - frac) + b[c] * frac + 128) >> 8);
                }
            }
        });
    }

    if (state) {
        state->history.push(n, in, *ctx.rows);
        // What the next frame reads at the same depth.
        state->history.dropOlderThan(n + 1 - depth);
    }
}

std::unique_ptr<EffectState> makeState() {
    return std::make_unique<SlitScanState>();
}

} // namespace

namespace builtin {
const EffectDescriptor& fxSlitScan() {
    static const EffectDescriptor d{
        .id = "fx.slit_scan",
        .version = 1,
        .name = "Slit scan",
        .category = "fx",
        .help = "Each row, column or brightness shows a different past frame (keeps up to 31 past "
                "frames)",
        .params =
            {
                ParamSpec::choice("axis", "Delay by", {"Rows", "Columns", "Brightness"}, Rows,
                                  "Delay grows down the rows, across the columns, or with the "
                                  "pixel's brightness"),
                ParamSpec::integer("depth", "Depth", 1, kMaxDepth, 12, "frames",
                                   "Delay of the last row or column (or of white)"),
                ParamSpec::toggle(
                    "reverse", "Reverse", false,
                    "Delay grows towards the top or left instead (or dark pixels are older)"),
                ParamSpec::toggle(
                    "blend", "Blend", true,
                    "Blend neighbouring frames for a smooth time gradient; off gives hard bands"),
            },
        // No pixel reads a frame more than 31 frames back, so 31 frames of
        // history rebuild the state exactly after a seek.
        .historyFrames = kMaxDepth,
        .makeState = makeState,
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
