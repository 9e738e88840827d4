// fx.feedback — video feedback: each output is the new frame blended with the
// previous output, zoomed, rotated and offset about the frame centre, like a
// camera pointed at its own monitor. Temporal: the previous output is the
// explicit state.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <utility>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/builtin.h"
#include "entropic/effects/frame.h"

namespace entropic::fx {

namespace {

struct FeedbackState final : EffectState {
    Frame previous;               // last output of process(), before the container's mix
    Frame next;                   // this frame's output as it is written; swapped in after
    std::int64_t frameIndex = -1; // frame that produced `previous`
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
    FrameView history;   // the copy of the output kept for the next frame (none without state)
    std::uint64_t decay; // weight of the fed-back picture, 0..65536
    std::uint64_t keep;  // weight of the new frame, (65536 - decay) · 2^8
    double cs, sn;       // rotation and zoom: cos(angle) / zoom, sin(angle) / zoom
    double cx, cy, ox, oy;
};

// Two channels side by side in 32-bit lanes of one 64-bit word.
inline std::uint64_t pair(const std::uint8_t* p, int c) {
    return p[c] | (static_cast<std::uint64_t>(p[c + 2]) << 32);
}

// One output pixel from its source point (sx, sy): the definition, for any
// point, on or off the previous frame. The interior kernel below computes the
// same bytes where no tap needs clamping.
inline void feedPixel(const Feed& f, const std::uint8_t* s, std::uint8_t* d, std::int64_t sx,
                      std::int64_t sy) {
    const int w = f.in.width, h = f.in.height;
    // Inside the previous frame means -0.5 <= sx <= w - 0.5 (pixel centres at
    // integers); outside there is nothing to feed back.
    if (static_cast<std::uint64_t>(sx + kOne / 2) > static_cast<std::uint64_t>(w) * kOne ||
        static_cast<std::uint64_t>(sy + kOne / 2) > static_cast<std::uint64_t>(h) * kOne) {
        std::memcpy(d, s, 4);
        return;
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
    constexpr std::uint64_t kLane = 0xffffffffULL;
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

// The x in [0, n) with lo <= a + b·x <= hi: an interval, as [first, last + 1).
struct Span {
    int first, end;
};

inline std::int64_t floorDiv(std::int64_t p, std::int64_t q) { // q > 0
    return p >= 0 ? p / q : -((-p + q - 1) / q);
}

inline Span within(std::int64_t a, std::int64_t b, std::int64_t lo, std::int64_t hi, int n) {
    std::int64_t first = 0, last = n - 1;
    if (b == 0) {
        if (a < lo || a > hi) return {0, 0};
    } else if (b > 0) {
        first = std::max(first, -floorDiv(a - lo, b)); // ceil((lo - a) / b)
        last = std::min(last, floorDiv(hi - a, b));
    } else {
        first = std::max(first, -floorDiv(hi - a, -b)); // ceil((a - hi) / -b)
        last = std::min(last, floorDiv(a - lo, -b));
    }
    if (first > last) return {0, 0};
    return {static_cast<int>(first), static_cast<int>(last + 1)};
}

#if defined(__SSE2__)
// The fed-back value of one pixel whose four taps are all inside the previous
// frame (p: the top-left tap), per channel minus 32768, in four 32-bit lanes.
// pmaddwd does the bilinear sums exactly: horizontally on bytes,
//   T = a·(256 − fx) + b·fx   (≤ 65280: fits 16 bits, unsigned),
// then vertically on T and B biased by −32768 to fit signed 16-bit lanes
// (the weights sum to 256, so the bias comes out as −2^23):
//   fed − 32768 = (T·(256 − fy) + B·fy + 128 − 2^23) >> 8.
// Equal to feedPixel's `fed` on every lane.
inline __m128i fedBiased(const std::uint8_t* p, std::ptrdiff_t stride, std::uint32_t fx,
                         std::uint32_t fy) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i top = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));             // a, b
    const __m128i bottom = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + stride)); // e, g
    const __m128i aebg = _mm_unpacklo_epi32(top, bottom);
    const __m128i pairs =
        _mm_unpacklo_epi8(aebg, _mm_unpackhi_epi64(aebg, aebg)); // a0 b0 a1 b1 … e3 g3
    const __m128i wx = _mm_set1_epi32(static_cast<int>(256 - fx + (fx << 16)));
    const __m128i t = _mm_madd_epi16(_mm_unpacklo_epi8(pairs, zero), wx);
    const __m128i b = _mm_madd_epi16(_mm_unpackhi_epi8(pairs, zero), wx);
    const __m128i tb = _mm_xor_si128(_mm_or_si128(t, _mm_slli_epi32(b, 16)),
                                     _mm_set1_epi16(static_cast<short>(0x8000)));
    const __m128i wy = _mm_set1_epi32(static_cast<int>(256 - fy + (fy << 16)));
    return _mm_srai_epi32(_mm_add_epi32(_mm_madd_epi16(tb, wy), _mm_set1_epi32(128)), 8);
}

// Pixels [x, end) of row y, every one with its four taps inside the previous
// frame, two at a time: the blend s·keep + fed·decay + 2^23 (< 2^32) in
// 32-bit lanes from exact 16 × 16-bit products (decay ≥ 1, so keep / 2^8 and
// decay fit 16 bits). Returns where it stopped (an odd pixel may remain).
int feedInterior(const Feed& f, int y, int x, int end, std::int64_t sx, std::int64_t sy,
                 std::int64_t stepX, std::int64_t stepY) {
    const std::uint8_t* s = f.in.row(y);
    std::uint8_t* d = f.out.row(y);
    const std::uint8_t* prev = f.prev.data;
    const std::ptrdiff_t stride = f.prev.stride;
    const __m128i zero = _mm_setzero_si128();
    const __m128i keep = _mm_set1_epi16(static_cast<short>(f.keep >> 8));
    const __m128i decay = _mm_set1_epi16(static_cast<short>(f.decay));
    const __m128i half = _mm_set1_epi32(1 << 23);
    const __m128i unbias = _mm_set1_epi16(static_cast<short>(0x8000));
    for (; x + 2 <= end; x += 2) {
        const auto tap = [&](std::int64_t px, std::int64_t py) {
            return fedBiased(prev + (py >> kFracBits) * stride + 4 * (px >> kFracBits), stride,
                             static_cast<std::uint32_t>(px >> (kFracBits - 8)) & 255,
                             static_cast<std::uint32_t>(py >> (kFracBits - 8)) & 255);
        };
        const __m128i fedP = tap(sx, sy);
        const __m128i fedQ = tap(sx + stepX, sy + stepY);
        sx += 2 * stepX;
        sy += 2 * stepY;
        const __m128i fed = _mm_xor_si128(_mm_packs_epi32(fedP, fedQ), unbias);
        const __m128i src =
            _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(s + 4 * x)), zero);
        const __m128i sLo = _mm_mullo_epi16(src, keep), sHi = _mm_mulhi_epu16(src, keep);
        const __m128i fLo = _mm_mullo_epi16(fed, decay), fHi = _mm_mulhi_epu16(fed, decay);
        const __m128i mixP =
            _mm_add_epi32(_mm_add_epi32(_mm_slli_epi32(_mm_unpacklo_epi16(sLo, sHi), 8),
                                        _mm_unpacklo_epi16(fLo, fHi)),
                          half);
        const __m128i mixQ =
            _mm_add_epi32(_mm_add_epi32(_mm_slli_epi32(_mm_unpackhi_epi16(sLo, sHi), 8),
                                        _mm_unpackhi_epi16(fLo, fHi)),
                          half);
        const __m128i bytes = _mm_packs_epi32(_mm_srli_epi32(mixP, 24), _mm_srli_epi32(mixQ, 24));
        _mm_storel_epi64(reinterpret_cast<__m128i*>(d + 4 * x), _mm_packus_epi16(bytes, bytes));
    }
    return x;
}
#endif

void feedRows(const Feed f, int begin, int end) {
    const int w = f.in.width, h = f.in.height;
    const auto stepX = static_cast<std::int64_t>(std::llround(f.cs * kOne));
    const auto stepY = static_cast<std::int64_t>(std::llround(-f.sn * kOne));
    for (int y = begin; y < end; ++y) {
        // Output pixel q (centre-relative) shows previous-output point
        // R(-angle) · (q - offset) / zoom; this is pixel 0's source in
        // pixel-centre coordinates.
        const double qx = 0.5 - f.cx - f.ox, qy = y + 0.5 - f.cy - f.oy;
        const std::int64_t sx = std::llround((f.cs * qx + f.sn * qy + f.cx - 0.5) * kOne);
        const std::int64_t sy = std::llround((-f.sn * qx + f.cs * qy + f.cy - 0.5) * kOne);
        const std::uint8_t* s = f.in.row(y);
        std::uint8_t* d = f.out.row(y);
        int x = 0;
        const auto edge = [&](int until) {
            for (; x < until; ++x)
                feedPixel(f, s + 4 * x, d + 4 * x, sx + x * stepX, sy + x * stepY);
        };
        if (f.decay == 0) { // the new frame alone, byte for byte
            std::memcpy(d, s, static_cast<std::size_t>(w) * 4);
            x = w;
        }
#if defined(__SSE2__)
        // The span whose taps (ix, iy) … (ix + 1, iy + 1) are all inside:
        // 0 <= sx < (w - 1)·2^16 and the same for sy. The pixels before and
        // after it (off the frame, or on its last row or column) take
        // feedPixel.
        const Span sxIn = within(sx, stepX, 0, (w - 1) * kOne - 1, w);
        const Span syIn = within(sy, stepY, 0, (h - 1) * kOne - 1, w);
        const int first = std::max(sxIn.first, syIn.first), last = std::min(sxIn.end, syIn.end);
        if (x == 0 && first < last) {
            edge(first);
            x = feedInterior(f, y, x, last, sx + x * stepX, sy + x * stepY, stepX, stepY);
        }
#endif
        edge(w);
        if (f.history.data) std::memcpy(f.history.row(y), d, static_cast<std::size_t>(w) * 4);
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
    // The copy of the output kept for the next frame is made row by row right
    // after each row is written (while it is in cache, on every thread), into
    // a second buffer that then becomes the history.
    FrameView history{};
    if (state) {
        state->next.resize(w, h);
        history = state->next.view();
    }
    if (!haveHistory) {
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                std::memcpy(out.row(y), in.row(y), static_cast<std::size_t>(w) * 4);
                if (history.data)
                    std::memcpy(history.row(y), in.row(y), static_cast<std::size_t>(w) * 4);
            }
        });
    } else {
        const double zoom = p.number("zoom");
        const double angle = p.number("rotate") * std::numbers::pi / 180.0;
        Feed feed{.in = in,
                  .prev = std::as_const(state->previous).view(),
                  .out = out,
                  .history = history};
        feed.decay = static_cast<std::uint64_t>(std::lround(p.number("decay") * 65536.0));
        feed.keep = (65536 - feed.decay) << 8;
        feed.cs = std::cos(angle) / zoom;
        feed.sn = std::sin(angle) / zoom;
        feed.cx = w / 2.0;
        feed.cy = h / 2.0;
        feed.ox = p.number("offset_x") * ctx.renderScale;
        feed.oy = p.number("offset_y") * ctx.renderScale;
        ctx.rows->run(h, [&](int begin, int end) { feedRows(feed, begin, end); });
    }
    if (state) {
        std::swap(state->previous, state->next);
        state->frameIndex = ctx.frameIndex;
    }
}

std::unique_ptr<EffectState> makeState() {
    return std::make_unique<FeedbackState>();
}

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
