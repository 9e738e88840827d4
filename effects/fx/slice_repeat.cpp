// fx.slice_repeat — a stuck frame buffer: the picture is cut into slices (rows
// or columns of a given thickness) and, at seeded positions, a slice is copied
// over the next few slices, as if the buffer stopped advancing, each copy
// optionally drifting sideways (a staircase). Which slice shows what is a pure
// function of (seed, slice index), so any row split gives the same bytes; the
// seed changes every frame.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/builtin.h"
#include "core/pixel.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

enum Orientation { Horizontal = 0, Vertical = 1 };

struct Stuck {
    std::uint64_t threshold; // of 24 bits
    int maxRepeats;
    std::uint64_t seed;
};

// The slice whose input slice t shows, and how many slices back it lies (0 =
// itself). Slice s sticks when its hash passes the probability and covers the
// next 1..maxRepeats slices (uniform); the nearest stuck slice wins, so a new
// stall interrupts an older one.
struct Source {
    int slice, repeat;
};

Source sourceOf(int t, const Stuck& st) {
    for (int s = t - 1; s >= 0 && s >= t - st.maxRepeats; --s) {
        const std::uint64_t h =
            mix64(st.seed + static_cast<std::uint64_t>(s) * 0x9e3779b97f4a7c15ULL);
        if ((h & 0xffffff) >= st.threshold) continue;
        const int count =
            1 + static_cast<int>(((h >> 40) * static_cast<std::uint64_t>(st.maxRepeats)) >> 24);
        if (t - s <= count) return {s, t - s};
    }
    return {t, 0};
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    const double scale = ctx.renderScale;
    const int slice = std::max(1, static_cast<int>(std::lround(p.number("slice") * scale)));
    const int drift = static_cast<int>(std::lround(p.number("drift") * scale));
    Stuck st{};
    st.threshold = static_cast<std::uint64_t>(std::lround(p.number("probability") * 16777216.0));
    st.maxRepeats = p.integer("repeats");
    st.seed = mix64(ctx.seed ^ 0x736c6963655f7270ULL); // "slice_rp"

    if (p.choice("orientation") == Horizontal) {
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                const int t = y / slice;
                const Source src = sourceOf(t, st);
                const std::uint8_t* s = in.row(src.slice * slice + (y - t * slice));
                std::uint8_t* d = out.row(y);
                const int k = wrapIndex(src.repeat * drift, w); // output x shows source x − k
                std::memcpy(d + 4 * k, s, static_cast<std::size_t>(w - k) * 4);
                std::memcpy(d, s + 4 * (w - k), static_cast<std::size_t>(k) * 4);
            }
        });
        return;
    }
    // Columns: one table of source columns and vertical drifts, then rows.
    std::vector<int> srcX(static_cast<std::size_t>(w)), shiftY(static_cast<std::size_t>(w));
    for (int x = 0; x < w; ++x) {
        const int t = x / slice;
        const Source src = sourceOf(t, st);
        srcX[static_cast<std::size_t>(x)] = src.slice * slice + (x - t * slice);
        shiftY[static_cast<std::size_t>(x)] = wrapIndex(src.repeat * drift, h);
    }
    ctx.rows->run(h, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < w; ++x) {
                const int k = shiftY[static_cast<std::size_t>(x)];
                const std::uint8_t* s = in.row(y >= k ? y - k : y - k + h);
                std::memcpy(d + 4 * x, s + 4 * srcX[static_cast<std::size_t>(x)], 4);
            }
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxSliceRepeat() {
    static const EffectDescriptor d{
        .id = "fx.slice_repeat",
        .version = 1,
        .name = "Slice Repeat",
        .category = "fx",
        .help = "Stuck buffer: random slices of the picture repeat over the slices after them",
        .params =
            {
                ParamSpec::choice("orientation", "Orientation", {"Horizontal", "Vertical"}, 0,
                                  "Horizontal slices repeat downwards, vertical ones to the right"),
                ParamSpec::number("slice", "Slice size", 1, 500, 6, "px", "Thickness of one slice"),
                ParamSpec::number("probability", "Probability", 0, 1, 0.04, "",
                                  "Chance that a slice gets stuck on a frame"),
                ParamSpec::integer("repeats", "Max repeats", 1, 64, 10, "slices",
                                   "Most slices a stuck slice is copied over (each stall draws "
                                   "1 to this many)"),
                ParamSpec::number("drift", "Drift", -500, 500, 0, "px",
                                  "Sideways shift added with each repeat (wraps): a staircase"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
