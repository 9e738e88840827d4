// util.sharpen — unsharp mask: the detail a gaussian blur of `radius` removes
// is added back `amount` times: out = in + amount · (in − blur(in)), where the
// detail is larger than `threshold` levels (smaller detail, mostly noise and
// grain, is left alone: GIMP's and Photoshop's hard threshold).
//
// Luma mode sharpens BT.709 luma only — the detail of Y is added to R, G and B
// alike — so edges do not grow colour fringes (FFmpeg's unsharp default), and
// only the luma plane is blurred; RGB mode sharpens each channel. The blur is
// util.blur's gaussian (core/box_blur.h). Alpha is kept.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/box_blur.h"
#include "core/builtin.h"
#include "core/luma.h"
#include "core/simd.h"

namespace entropic::fx {

namespace {

enum Mode { Luma = 0, Rgb = 1 };

// in + amount · detail for four pixels at a time (one per lane).
struct Combine {
    F32x4 amount, threshold;
    Combine(float a, float t) : amount(splat(a)), threshold(splat(t)) {}

    // Luma: blurY is the four pixels' blurred luma (1/256 of a level).
    void luma4(const std::uint8_t* src, U16x4 blurY, std::uint8_t* dst) const {
        I32x4 a;
        std::memcpy(&a, src, 16); // lane p: R | G << 8 | B << 16 | A << 24
        const I32x4 byte = splatInt(255);
        const I32x4 r = a & byte, g = (a >> 8) & byte, b = (a >> 16) & byte;
        const I32x4 y =
            (splatInt(kLumaR) * r + splatInt(kLumaG) * g + splatInt(kLumaB) * b + splatInt(128)) >>
            8;
        F32x4 dy = toFloat(y - widen(blurY)) * splat(1.0f / 256.0f);
        dy = vmax(dy, -dy) > threshold ? dy : splat(0.0f);
        const F32x4 lift = amount * dy;
        const I32x4 result = (a & splatInt(static_cast<std::int32_t>(0xff000000u))) |
                             roundBytes(toFloat(r) + lift) | (roundBytes(toFloat(g) + lift) << 8) |
                             (roundBytes(toFloat(b) + lift) << 16);
        std::memcpy(dst, &result, 16);
    }

    // RGB: blur holds the four blurred pixels and receives the result.
    void rgb4(const std::uint8_t* src, std::uint8_t* blur) const {
        I32x4 a, b;
        std::memcpy(&a, src, 16);
        std::memcpy(&b, blur, 16);
        const I32x4 byte = splatInt(255);
        I32x4 result = a & splatInt(static_cast<std::int32_t>(0xff000000u)); // alpha kept
        for (int c = 0; c < 3; ++c) {
            const F32x4 in = toFloat((a >> (8 * c)) & byte);
            F32x4 detail = in - toFloat((b >> (8 * c)) & byte);
            detail = vmax(detail, -detail) > threshold ? detail : splat(0.0f);
            result |= roundBytes(in + amount * detail) << (8 * c);
        }
        std::memcpy(blur, &result, 16);
    }
};

// Runs f(x, src, dst) on each group of four pixels of a row; the last 1..3
// pixels go through padded copies (dst starts as the row's current bytes).
template <class F> void groupsOfFour(const std::uint8_t* s, std::uint8_t* d, int width, F&& f) {
    int x = 0;
    for (; x + 4 <= width; x += 4)
        f(x, s + 4 * x, d + 4 * x);
    if (x < width) {
        std::uint8_t src[16] = {}, dst[16] = {};
        const auto n = static_cast<std::size_t>(width - x) * 4;
        std::memcpy(src, s + 4 * x, n);
        std::memcpy(dst, d + 4 * x, n);
        f(x, src, dst);
        std::memcpy(d + 4 * x, dst, n);
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const double radius = p.number("radius") * ctx.renderScale;
    const auto amount = static_cast<float>(p.number("amount"));
    if (radius <= 0 || amount == 0) return copyPixels(in, out);
    const std::vector<BoxPass> passes = gaussianPasses(radius);
    const Combine combine(amount, static_cast<float>(p.number("threshold")));
    if (p.choice("mode") == Luma) {
        // Only luma is blurred: a quarter of the work of the RGB blur.
        const std::vector<U16x4> blurred = blurLuma(in, passes, *ctx.rows);
        const auto groups = static_cast<std::size_t>((in.width + 3) / 4);
        ctx.rows->run(in.height, [&](int begin, int end) {
            for (int y = begin; y < end; ++y) {
                const U16x4* row = blurred.data() + static_cast<std::size_t>(y) * groups;
                groupsOfFour(in.row(y), out.row(y), in.width,
                             [&](int x, const std::uint8_t* s, std::uint8_t* d) {
                                 combine.luma4(s, row[x / 4], d);
                             });
            }
        });
        return;
    }
    // The blurred picture goes into out; each row is then replaced by the result.
    separableBlur(in, out, passes, passes, *ctx.rows);
    ctx.rows->run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y)
            groupsOfFour(in.row(y), out.row(y), in.width,
                         [&](int, const std::uint8_t* s, std::uint8_t* d) { combine.rgb4(s, d); });
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& utilSharpen() {
    static const EffectDescriptor d{
        .id = "util.sharpen",
        .version = 1,
        .name = "Sharpen",
        .category = "util",
        .help = "Unsharp mask: strengthen edges and detail",
        .params =
            {
                ParamSpec::number("amount", "Amount", 0, 5, 0.6, "×",
                                  "How much of the detail is added back (1 doubles it)"),
                ParamSpec::number("radius", "Radius", 0, 50, 1.5, "px",
                                  "Size of the detail sharpened: the blur's standard deviation"),
                ParamSpec::number(
                    "threshold", "Threshold", 0, 255, 2, "levels",
                    "Detail smaller than this many levels (noise, grain) is left alone"),
                ParamSpec::choice("mode", "Sharpen", {"Luma", "RGB"}, Luma,
                                  "Luma only (no colour fringes) or each colour channel"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
