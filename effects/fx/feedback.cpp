// fx.feedback — video feedback: each output is the new frame blended with the
// previous output, zoomed, rotated and offset about the frame centre, like a
// camera pointed at its own monitor. Temporal: the previous output is the
// explicit state.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <utility>

#include "core/builtin.h"
#include "entropic/effects/frame.h"

namespace entropic::fx {

namespace {

struct FeedbackState final : EffectState {
    Frame previous;                 // last output of process(), before the container's mix
    Frame next;                     // this frame's output as it is written; swapped in after
    std::int64_t frameIndex = -1;   // frame that produced `previous`
};

// Fixed point for source coordinates: 16 fractional bits, stepped per pixel so
// that a row costs additions only; each row starts from its own exact value.
constexpr int kFracBits = 16;
constexpr std::int64_t kOne = std::int64_t{1} << kFracBits;

// Everything a band of rows needs, passed by value: the inner loop's byte
// stores could otherwise alias it and force reloads.
struct Feed {
    ConstFrameView in, prev;
    FrameView out;
    std::uint64_t decay; // weight of the fed-back picture, 0..65536
    std::uint64_t keep;  // weight of the new frame, (65536 - decay) · 2^8
    double cs, sn;       // rotation and zoom: cos(angle) / zoom, sin(angle) / zoom
    double cx, cy, ox, oy;
};

// Two channels side by side in 32-bit lanes of one 64-bit word.
inline std::uint64_t pair(const std::uint8_t* p, int c) {
    return p[c] | (static_cast<std::uint64_t>(p[c + 2]) << 32);
}

void feedRows(const Feed f, int begin, int end) {
    const int w = f.in.width, h = f.in.height;
    const auto limitX = static_cast<std::uint64_t>(w) * kOne;
    const auto limitY = static_cast<std::uint64_t>(h) * kOne;
    const auto stepX = static_cast<std::int64_t>(std::llround(f.cs * kOne));
    const auto stepY = static_cast<std::int64_t>(std::llround(-f.sn * kOne));
    constexpr std::uint64_t kLane = 0xffffffffULL;
    for (int y = begin; y < end; ++y) {
        // Output pixel q (centre-relative) shows previous-output point
        // R(-angle) · (q - offset) / zoom; this is pixel 0's source in
        // pixel-centre coordinates.
        const double qx = 0.5 - f.cx - f.ox, qy = y + 0.5 - f.cy - f.oy;
        std::int64_t sx = std::llround((f.cs * qx + f.sn * qy + f.cx - 0.5) * kOne);
        std::int64_t sy = std::llround((-f.sn * qx + f.cs * qy + f.cy - 0.5) * kOne);
        const std::uint8_t* s = f.in.row(y);
        std::uint8_t* d = f.out.row(y);
        for (int x = 0; x < w; ++x, s += 4, d += 4, sx += stepX, sy += stepY) {
            // Inside the previous frame means -0.5 <= sx <= w - 0.5 (pixel
            // centres at integers); outside there is nothing to feed back.
            if (static_cast<std::uint64_t>(sx + kOne / 2) > limitX ||
                static_cast<std::uint64_t>(sy + kOne / 2) > limitY) {
                std::memcpy(d, s, 4);
                continue;
            }
            // Bilinear sample with 8-bit fractions, edges clamped.
            const std::int64_t ix = sx >> kFracBits, iy = sy >> kFracBits;
            const auto fx = static_cast<std::uint64_t>((sx & (kOne - 1)) >> (kFracBits - 8));
            const auto fy = static_cast<std::uint64_t>((sy & (kOne - 1)) >> (kFracBits - 8));
            const int x0 = static_cast<int>(std::max<std::int64_t>(ix, 0));
            const int y0 = static_cast<int>(std::max<std::int64_t>(iy, 0));
            const int x1 = static_cast<int>(std::min<std::int64_t>(ix + 1, w - 1));
            const int y1 = static_cast<int>(std::min<std::int64_t>(iy + 1, h - 1));
            const std::uint8_t* a = f.prev.row(y0) + 4 * x0;
            const std::uint8_t* b = f.prev.row(y0) + 4 * x1;
            const std::uint8_t* e = f.prev.row(y1) + 4 * x0;
            const std::uint8_t* g = f.prev.row(y1) + 4 * x1;
            // Channels (0, 2) and (1, 3) in two lanes each. Per lane, in exact
            // integers: top, bottom < 2^16; fed = value·2^8 < 2^16; the result
            // s·keep + fed·decay + 2^23 <= 255·2^24 + 2^23 < 2^32, so lanes never
            // carry into each other. decay 0 gives s; decay 1 on a whole pixel
            // gives the fed pixel.
            for (int c = 0; c < 2; ++c) {
                const std::uint64_t top = pair(a, c) * (256 - fx) + pair(b, c) * fx;
                const std::uint64_t bottom = pair(e, c) * (256 - fx) + pair(g, c) * fx;
                const std::uint64_t fed = ((top * (256 - fy) + bottom * fy + (128 | (128ULL << 32))) >> 8) &
                                          (kLane >> 8 | (kLane >> 8) << 32);
                const std::uint64_t mixed =
                    pair(s, c) * f.keep + fed * f.decay + ((1ULL << 23) | (1ULL << 55));
                d[c] = static_cast<std::uint8_t>(mixed >> 24);
                d[c + 2] = static_cast<std::uint8_t>(mixed >> 56);
            }
        }
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState* stateBase,
             const EffectContext& ctx) {
    auto* state = static_cast<FeedbackState*>(stateBase);
    const int w = in.width, h = in.height;
    // The state is valid only for the frame that follows it and at the same
    // size: anything else (a seek, a resolution change) starts from scratch,
    // so stale history can never leak into a frame.
    const bool haveHistory = state && !state->previous.empty() && state->previous.width() == w &&
                             state->previous.height() == h &&
                             state->frameIndex == ctx.frameIndex - 1;
    // The copy of the output kept for the next frame is made band by band
    // right after each band is written (while it is in cache, on every
    // thread), into a second buffer that then becomes the history.
    FrameView keep{};
    if (state) {
        state->next.resize(w, h);
        keep = state->next.view();
    }
    auto keepRows = [&keep, out](int begin, int end) {
        if (!keep.data) return;
        for (int y = begin; y < end; ++y)
            std::memcpy(keep.row(y), out.row(y), static_cast<std::size_t>(out.width) * 4);
    };
    if (!haveHistory) {
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y)
                std::memcpy(out.row(y), in.row(y), static_cast<std::size_t>(w) * 4);
            keepRows(begin, end);
        });
    } else {
        const double zoom = p.number("zoom");
        const double angle = p.number("rotate") * std::numbers::pi / 180.0;
        Feed feed{.in = in, .prev = std::as_const(state->previous).view(), .out = out};
        feed.decay = static_cast<std::uint64_t>(std::lround(p.number("decay") * 65536.0));
        feed.keep = (65536 - feed.decay) << 8;
        feed.cs = std::cos(angle) / zoom;
        feed.sn = std::sin(angle) / zoom;
        feed.cx = w / 2.0;
        feed.cy = h / 2.0;
        feed.ox = p.number("offset_x") * ctx.renderScale;
        feed.oy = p.number("offset_y") * ctx.renderScale;
        ctx.rows->run(h, [&](int begin, int end) {
            feedRows(feed, begin, end);
            keepRows(begin, end);
        });
    }
    if (state) {
        std::swap(state->previous, state->next);
        state->frameIndex = ctx.frameIndex;
    }
}

std::unique_ptr<EffectState> makeState() { return std::make_unique<FeedbackState>(); }

} // namespace

namespace builtin {
const EffectDescriptor& fxFeedback() {
    static const EffectDescriptor d{
        .id = "fx.feedback",
        .version = 1,
        .name = "Feedback",
        .category = "fx",
        .help = "Blend each frame with the previous output, zoomed, rotated and offset",
        .params =
            {
                ParamSpec::number("decay", "Decay", 0, 0.9, 0.6, "",
                                  "How much of the previous output remains in each frame"),
                ParamSpec::number("zoom", "Zoom", 0.5, 2, 1.03, "×",
                                  "Scale of the fed-back picture per frame"),
                ParamSpec::number("rotate", "Rotate", -45, 45, 1, "°",
                                  "Rotation of the fed-back picture per frame"),
                ParamSpec::number("offset_x", "Offset X", -200, 200, 0, "px",
                                  "Horizontal drift of the fed-back picture per frame"),
                ParamSpec::number("offset_y", "Offset Y", -200, 200, 0, "px",
                                  "Vertical drift of the fed-back picture per frame"),
            },
        // 30 frames (one second at 30 fps) rebuild the state after a seek
        // (docs/determinism.md: the engine warms the state over this many
        // frames at every segment start, in preview and export alike). A
        // frame's weight after k frames is decay^k: at the default 0.6^30 ≈ 2e-7,
        // at the 0.9 cap 0.9^30 ≈ 4 %, so the history cut off is (nearly)
        // invisible. That bound is why decay stops at 0.9.
        .historyFrames = 30,
        .makeState = makeState,
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
