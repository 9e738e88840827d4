// fx.datamosh — real datamosh: the decoder's motion vectors push the pixels
// of a held picture instead of the frame they were coded for, as when a
// keyframe is dropped from a stream, so the motion of the new shot drags the
// old one around. The held picture is the explicit state; it is re-captured
// ("a keyframe is dropped") on a trigger, every N frames, and at least every
// 60 frames, and relaxes towards the real picture at the decay rate.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

#include "core/builtin.h"
#include "core/byte_lanes.h"
#include "core/frame_history.h"

namespace entropic::fx {

namespace {

// A keyframe falls at least on every multiple of this, so the state at frame
// n depends only on frames since the last one: with historyFrames equal to
// it, a seek lands on exactly what sequential play shows.
constexpr std::int64_t kMaxHold = 60;
constexpr int kCell = 4; // bloom: pixels per side of a motion-field cell

enum Mode { Melt = 0, Bloom = 1, FreezeStill = 2, FreezeMoving = 3, Donor = 4 };

struct DatamoshState final : EffectState {
    Frame held;                      // the moshed picture (donor mode: the donor frame)
    Frame next;                      // melt, bloom: the pushed picture being built
    std::vector<std::int32_t> field; // bloom: motion per cell, x then y, in 1/256 px
    std::int64_t frameIndex = -1;    // frame of the last call
};

// One motion vector's block, clipped to the frame: pixels [x0, x1) × [y0, y1)
// take the reference's pixel at (x − mx, y − my).
struct Block {
    int x0, y0, x1, y1;
    int mx, my;
};

std::vector<Block> blocksOf(std::span<const MotionVector> motion, int w, int h) {
    std::vector<Block> blocks;
    blocks.reserve(motion.size());
    // Vectors into a future frame (B-frames) are turned round: the motion
    // since the past is about the negated motion to the future. They go
    // first, so a block predicted from both sides keeps its past vector.
    for (const bool future : {true, false})
        for (const MotionVector& v : motion) {
            if ((v.direction > 0) != future || v.w <= 0 || v.h <= 0) continue;
            // FFmpeg gives block centres; blocks may lie partly or wholly off the frame.
            const std::int64_t left = std::int64_t{v.dstX} - v.w / 2,
                               top = std::int64_t{v.dstY} - v.h / 2;
            const auto x0 = static_cast<int>(std::clamp<std::int64_t>(left, 0, w));
            const auto x1 = static_cast<int>(std::clamp<std::int64_t>(left + v.w, 0, w));
            const auto y0 = static_cast<int>(std::clamp<std::int64_t>(top, 0, h));
            const auto y1 = static_cast<int>(std::clamp<std::int64_t>(top + v.h, 0, h));
            if (x0 >= x1 || y0 >= y1) continue;
            std::int64_t mx = std::int64_t{v.dstX} - v.srcX, my = std::int64_t{v.dstY} - v.srcY;
            if (future) mx = -mx, my = -my;
            // Beyond a frame's size every source pixel is an edge pixel anyway.
            blocks.push_back({x0, y0, x1, y1, static_cast<int>(std::clamp<std::int64_t>(mx, -w, w)),
                              static_cast<int>(std::clamp<std::int64_t>(my, -h, h))});
        }
    return blocks;
}

// Moves the held picture towards the real one at the decay rate (in 1/256;
// core/byte_lanes.h: at least one level a frame, so it arrives).
struct Relax {
    std::uint16_t rate;
    explicit Relax(double decay) : rate(static_cast<std::uint16_t>(std::lround(decay * 256.0))) {}
    void row(std::uint8_t* held, const std::uint8_t* in, std::size_t bytes) const {
        if (rate > 0) relaxRow(held, in, bytes, rate);
    }
};

// Rows [begin, end) of `dst` = `src` pushed by the blocks: a block's pixel
// takes src's pixel (x − mx, y − my), edges extended as a codec's reference
// is; pixels outside every block keep src's. Later blocks win where blocks
// overlap, whatever the row split.
void pushRows(ConstFrameView src, FrameView dst, const std::vector<Block>& blocks, int begin,
              int end) {
    const int w = src.width, h = src.height;
    for (int y = begin; y < end; ++y)
        std::memcpy(dst.row(y), src.row(y), static_cast<std::size_t>(w) * 4);
    for (const Block& b : blocks) {
        const int y0 = std::max(b.y0, begin), y1 = std::min(b.y1, end);
        for (int y = y0; y < y1; ++y) {
            const std::uint8_t* s = src.row(std::clamp(y - b.my, 0, h - 1));
            std::uint8_t* d = dst.row(y);
            const int sx0 = b.x0 - b.mx, sx1 = b.x1 - b.mx;
            if (sx0 >= 0 && sx1 <= w) {
                std::memcpy(d + 4 * b.x0, s + 4 * sx0, static_cast<std::size_t>(b.x1 - b.x0) * 4);
                continue;
            }
            for (int x = b.x0; x < b.x1; ++x)
                std::memcpy(d + 4 * x, s + 4 * std::clamp(x - b.mx, 0, w - 1), 4);
        }
    }
}

// Bloom: the motion field keeps `sustain` of itself each frame and takes in
// the amplified current motion, so blocks keep sliding after their motion
// stopped and the picture smears outward along it.
void updateField(std::vector<std::int32_t>& field, const std::vector<Block>& blocks, int w, int h,
                 double amplify, double sustain) {
    const int cw = (w + kCell - 1) / kCell, ch = (h + kCell - 1) / kCell;
    std::vector<std::int32_t> current(field.size(), 0);
    for (const Block& b : blocks) {
        // Cells whose centre (clamped into the frame) lies in the block.
        for (int cy = b.y0 / kCell; cy <= std::min(ch - 1, b.y1 / kCell); ++cy) {
            const int py = std::min(cy * kCell + kCell / 2, h - 1);
            if (py < b.y0 || py >= b.y1) continue;
            for (int cx = b.x0 / kCell; cx <= std::min(cw - 1, b.x1 / kCell); ++cx) {
                const int px = std::min(cx * kCell + kCell / 2, w - 1);
                if (px < b.x0 || px >= b.x1) continue;
                const auto i = 2 * (static_cast<std::size_t>(cy) * static_cast<std::size_t>(cw) +
                                    static_cast<std::size_t>(cx));
                current[i] = b.mx;
                current[i + 1] = b.my;
            }
        }
    }
    const std::int64_t keep = std::lround(sustain * 65536.0);
    const std::int64_t gain = std::lround(amplify * static_cast<double>(65536 - keep) * 256.0);
    for (std::size_t i = 0; i < field.size(); ++i)
        field[i] = static_cast<std::int32_t>((field[i] * keep + current[i] * gain + 32768) >> 16);
}

void bloomRows(ConstFrameView src, FrameView dst, const std::vector<std::int32_t>& field, int begin,
               int end) {
    const int w = src.width, h = src.height, cw = (w + kCell - 1) / kCell;
    for (int y = begin; y < end; ++y) {
        const std::int32_t* f =
            field.data() + 2 * static_cast<std::size_t>(y / kCell) * static_cast<std::size_t>(cw);
        std::uint8_t* d = dst.row(y);
        for (int x = 0; x < w; ++x) {
            const std::int32_t* m = f + 2 * (x / kCell);
            const int dx = (m[0] + 128) >> 8, dy = (m[1] + 128) >> 8;
            const std::uint8_t* s =
                src.row(std::clamp(y - dy, 0, h - 1)) + 4 * std::clamp(x - dx, 0, w - 1);
            std::memcpy(d + 4 * x, s, 4);
        }
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState* stateBase,
             const EffectContext& ctx) {
    auto* state = static_cast<DatamoshState*>(stateBase);
    const int w = in.width, h = in.height;
    const std::int64_t n = ctx.frameIndex;
    const auto bytes = static_cast<std::size_t>(w) * 4;
    const int mode = p.choice("mode");
    const bool valid = state && state->frameIndex == n - 1 && !state->held.empty() &&
                       state->held.width() == w && state->held.height() == h;
    const bool keyframe =
        !valid || p.flag("trigger") || n % p.integer("keyframe_every") == 0 || n % kMaxHold == 0;
    if (keyframe) copyRows(in, out, *ctx.rows); // a keyframe shows the real picture
    if (!state) return;
    state->frameIndex = n;
    if (keyframe) {
        state->held.resize(w, h);
        copyRows(in, state->held.view(), *ctx.rows);
        const std::size_t cells = 2 * static_cast<std::size_t>((w + kCell - 1) / kCell) *
                                  static_cast<std::size_t>((h + kCell - 1) / kCell);
        state->field.assign(mode == Bloom ? cells : 0, 0);
        return;
    }

    const std::vector<Block> blocks = blocksOf(ctx.motion, w, h);
    const Relax relax(p.number("decay"));
    const ConstFrameView held = std::as_const(state->held).view();
    FrameView heldOut = state->held.view();

    switch (mode) {
    case Melt:
    case Bloom: {
        if (mode == Bloom) {
            // The field exists only if the mode was Bloom at the last keyframe.
            const std::size_t cells = 2 * static_cast<std::size_t>((w + kCell - 1) / kCell) *
                                      static_cast<std::size_t>((h + kCell - 1) / kCell);
            if (state->field.size() != cells) state->field.assign(cells, 0);
            updateField(state->field, blocks, w, h, p.number("amplify"), p.number("sustain"));
        }
        state->next.resize(w, h);
        const FrameView next = state->next.view();
        ctx.rows->run(h, [&](int begin, int end) {
            if (mode == Bloom)
                bloomRows(held, next, state->field, begin, end);
            else
                pushRows(held, next, blocks, begin, end);
            for (int y = begin; y < end; ++y) {
                relax.row(next.row(y), in.row(y), bytes);
                std::memcpy(out.row(y), next.row(y), bytes);
            }
        });
        std::swap(state->held, state->next);
        break;
    }
    case FreezeStill:
    case FreezeMoving: {
        // Blocks on one side of the threshold take the new frame; the others,
        // and pixels no vector covers, keep the held picture.
        const double t = p.number("threshold") * ctx.renderScale;
        const bool takeMoving = mode == FreezeStill;
        ctx.rows->run(h, [&](int begin, int end) {
            for (const Block& b : blocks) {
                const bool moving =
                    static_cast<double>(b.mx) * b.mx + static_cast<double>(b.my) * b.my >= t * t;
                if (moving != takeMoving) continue;
                for (int y = std::max(b.y0, begin); y < std::min(b.y1, end); ++y)
                    std::memcpy(heldOut.row(y) + 4 * b.x0, in.row(y) + 4 * b.x0,
                                static_cast<std::size_t>(b.x1 - b.x0) * 4);
            }
            for (int y = begin; y < end; ++y) {
                relax.row(heldOut.row(y), in.row(y), bytes);
                std::memcpy(out.row(y), heldOut.row(y), bytes);
            }
        });
        break;
    }
    default: { // Donor: the donor relaxes, then this frame's motion pushes it once.
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y)
                relax.row(heldOut.row(y), in.row(y), bytes);
        });
        ctx.rows->run(h, [&](int begin, int end) { pushRows(held, out, blocks, begin, end); });
        break;
    }
    }
}

std::unique_ptr<EffectState> makeState() {
    return std::make_unique<DatamoshState>();
}

} // namespace

namespace builtin {
const EffectDescriptor& fxDatamosh() {
    static const EffectDescriptor d{
        .id = "fx.datamosh",
        .version = 1,
        .name = "Datamosh",
        .category = "fx",
        .help = "The decoder's motion vectors push the pixels of a held picture (keeps two frames)",
        .params =
            {
                ParamSpec::choice(
                    "mode", "Mode", {"Melt", "Bloom", "Freeze still", "Freeze moving", "Donor"},
                    Melt,
                    "Melt: motion drags the held picture; bloom: amplified motion keeps smearing "
                    "it; "
                    "freeze: still (or moving) blocks keep it; donor: the held frame moved by each "
                    "frame's motion"),
                ParamSpec::number("decay", "Decay", 0, 1, 0.04, "",
                                  "How fast the held picture relaxes back to the real one each "
                                  "frame (0 = never)"),
                ParamSpec::toggle(
                    "trigger", "Drop keyframe", false,
                    "While on, the held picture is re-captured from the current frame"),
                ParamSpec::integer(
                    "keyframe_every", "Keyframe every", 1, static_cast<int>(kMaxHold), 60, "frames",
                    "The held picture is re-captured on every multiple of N frames (at most 60)"),
                ParamSpec::number(
                    "threshold", "Threshold", 0, 32, 1, "px",
                    "Freeze modes: motion at or above this many pixels counts as moving")
                    .when("mode", {"Freeze still", "Freeze moving"}),
                ParamSpec::number("amplify", "Amplify", 1, 8, 2, "×",
                                  "Bloom: how much the motion is magnified")
                    .when("mode", {"Bloom"}),
                ParamSpec::number("sustain", "Sustain", 0, 0.95, 0.8, "",
                                  "Bloom: how much of the motion carries on into the next frame")
                    .when("mode", {"Bloom"}),
            },
        // Exact after a seek: every 60th frame is a keyframe, after which the
        // state depends only on the frames since.
        .historyFrames = static_cast<int>(kMaxHold),
        .needsMotionVectors = true,
        .makeState = makeState,
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
