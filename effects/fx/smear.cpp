// fx.smear — pixels dragged in one direction, pixel sort's cousin that copies
// instead of sorting. Walking each row (or column) in the smear direction, a
// pixel starts a run and its colour is carried over the following pixels while
// they pass a luma test (close to the run's first pixel, or darker / brighter
// than a threshold) and the run is shorter than the length; the carried colour
// fades towards what it covers by `decay` per pixel. Lines are independent, so
// any split between threads gives the same bytes.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/simd.h"

namespace entropic::fx {

namespace {

enum Direction { Right = 0, Left = 1, Down = 2, Up = 3 };
enum Mode { Difference = 0, Darker = 1, Brighter = 2 };

struct Settings {
    int mode, level, length;
    // 0..4096: share of the covered pixel mixed into the carried colour per
    // step. 12 bits keep (difference × decay) inside 32-bit lanes.
    I32x4 decay;
};

inline int lumaOf(const std::uint8_t* p) {
    return lumaByte(p[0], p[1], p[2]);
}

// One line's walk: the carried colour (RGBA × 256), the luma of the pixel that
// started the run, and the run's length so far.
struct Run {
    I32x4 carried = {0, 0, 0, 0};
    int anchorLuma = 0;
    int length = 0; // 0: no run yet (the line's first pixel always starts one)
};

inline void step(Run& r, const std::uint8_t* s, std::uint8_t* d, const Settings& st) {
    const int luma = lumaOf(s);
    bool carry = r.length > 0 && r.length < st.length;
    if (carry) {
        if (st.mode == Difference)
            carry = std::abs(luma - r.anchorLuma) <= st.level;
        else if (st.mode == Darker)
            carry = luma < st.level;
        else
            carry = luma > st.level;
    }
    const I32x4 pixel = loadBytes(s) << 8;
    if (!carry) { // this pixel starts a new run and shows itself
        r.carried = pixel;
        r.anchorLuma = luma;
        r.length = 1;
        std::memcpy(d, s, 4);
        return;
    }
    ++r.length;
    // carried + (pixel − carried)·decay, rounded half up (arithmetic shift).
    r.carried += ((pixel - r.carried) * st.decay + splatInt(2048)) >> 12;
    storeBytes((r.carried + splatInt(128)) >> 8, d);
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    const int w = in.width, h = in.height;
    Settings st{};
    st.mode = p.choice("mode");
    st.level = static_cast<int>(std::lround(p.number("threshold") * 255));
    st.length = std::max(1, static_cast<int>(std::lround(p.number("length") * ctx.renderScale)));
    st.decay = splatInt(static_cast<int>(std::lround(p.number("decay") * 4096)));
    const int direction = p.choice("direction");

    if (direction == Right || direction == Left) {
        ctx.rows->run(h, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                const std::uint8_t* s = in.row(y);
                std::uint8_t* d = out.row(y);
                Run r;
                if (direction == Right)
                    for (int x = 0; x < w; ++x)
                        step(r, s + 4 * x, d + 4 * x, st);
                else
                    for (int x = w - 1; x >= 0; --x)
                        step(r, s + 4 * x, d + 4 * x, st);
            }
        });
        return;
    }
    // Columns: each band of columns walks the rows in order, one run per
    // column, so memory is read row by row.
    ctx.rows->run(w, [&](int begin, int end) {
        std::vector<Run> runs(static_cast<std::size_t>(end - begin));
        for (int k = 0; k < h; ++k) {
            const int y = direction == Down ? k : h - 1 - k;
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = begin; x < end; ++x)
                step(runs[static_cast<std::size_t>(x - begin)], s + 4 * x, d + 4 * x, st);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxSmear() {
    static const EffectDescriptor d{
        .id = "fx.smear",
        .version = 1,
        .name = "Smear",
        .category = "fx",
        .help = "Pixels dragged in one direction over the pixels after them, until the luma "
                "changes too much or the run is long enough",
        .params =
            {
                ParamSpec::choice("direction", "Direction", {"Right", "Left", "Down", "Up"}, 0,
                                  "Which way pixels are dragged"),
                ParamSpec::choice("mode", "Drag over", {"Similar luma", "Darker", "Brighter"}, 0,
                                  "A run goes on over pixels whose luma is within the threshold of "
                                  "its first pixel, or below / above the threshold"),
                ParamSpec::number("threshold", "Threshold", 0, 1, 0.3, "",
                                  "Luma difference (Similar) or luma level (Darker, Brighter)"),
                ParamSpec::number("length", "Length", 1, 4000, 120, "px",
                                  "Longest drag; a longer run restarts from the pixel there"),
                ParamSpec::number("decay", "Decay", 0, 1, 0.02, "",
                                  "How fast a dragged colour fades into what it covers, per pixel "
                                  "(0 = a hard copy, 1 = no smear)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
