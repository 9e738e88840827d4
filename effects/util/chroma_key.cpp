// util.chroma_key — makes a key colour (a green or blue screen) transparent.
//
// Distance is measured in the chroma plane of BT.709 full-range YCbCr, so
// the key ignores brightness (shadows on the screen key too):
//   d = |(Cb, Cr) − (Cb, Cr)key| / (255·√2), Cb and Cr in 8-bit units,
// averaged over the pixel's 3×3 neighbourhood (edges extended) — as FFmpeg's
// chromakey does — which steadies the matte on the blocky chroma of
// compressed video. key = clamp((d − tolerance) / softness, 0, 1) (a hard edge
// when softness is 0); the output alpha is alpha · key, or its inverse.
// Spill suppression removes the key's hue from what remains: the part of a
// pixel's chroma along the key's chroma direction, when positive, shrinks by
// the spill amount at constant luma (green fringes turn neutral).
// Output "Matte" draws the key as an opaque grey picture (white = kept), for
// use as a mask image.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/builtin.h"
#include "core/luma.h"
#include "core/simd.h"

namespace entropic::fx {

namespace {

enum Output { Keyed = 0, Matte = 1 };

// BT.709 chroma (full range, centred on 0) in 8-bit units.
constexpr float kR = static_cast<float>(kLumaRf), kG = static_cast<float>(kLumaGf),
                kB = static_cast<float>(kLumaBf);
constexpr float kCb = static_cast<float>(kCbScale), kCr = static_cast<float>(kCrScale);
constexpr float kCbR = -kR / kCb, kCbG = -kG / kCb, kCbB = 0.5f;
constexpr float kCrR = 0.5f, kCrG = -kG / kCr, kCrB = -kB / kCr;

struct Key {
    float cb, cr;              // key chroma
    float dirCb, dirCr;        // unit vector along the key chroma (0 for a grey key)
    float tolerance, softness; // in distance units (0..1)
    float spill;
    bool invert;
    int output;
};

// Four pixels (16 bytes) as channel vectors; lane p is pixel p.
struct Pixels4 {
    I32x4 packed; // R | G << 8 | B << 16 | A << 24
    F32x4 r, g, b;
    explicit Pixels4(const std::uint8_t* p) {
        std::memcpy(&packed, p, 16);
        const I32x4 byte = splatInt(255);
        r = toFloat(packed & byte), g = toFloat((packed >> 8) & byte),
        b = toFloat((packed >> 16) & byte);
    }
    F32x4 alpha() const { return toFloat((packed >> 24) & splatInt(255)); }
};

// Chroma distance to the key of each pixel of a row (w rounded up to 4; the
// row is read through a padded copy at its end).
void distanceRow(const Key& k, const std::uint8_t* s, int w, float* d) {
    const F32x4 norm = splat(1.0f / (255.0f * 1.41421356f));
    for (int x = 0; x < w; x += 4) {
        std::uint8_t pad[16] = {};
        const std::uint8_t* p = s + 4 * x;
        if (x + 4 > w) {
            std::memcpy(pad, p, static_cast<std::size_t>(w - x) * 4);
            p = pad;
        }
        const Pixels4 px(p);
        const F32x4 dcb =
            splat(kCbR) * px.r + splat(kCbG) * px.g + splat(kCbB) * px.b - splat(k.cb);
        const F32x4 dcr =
            splat(kCrR) * px.r + splat(kCrG) * px.g + splat(kCrB) * px.b - splat(k.cr);
        const F32x4 dist = vsqrt(dcb * dcb + dcr * dcr) * norm;
        std::memcpy(d + x, &dist, 16);
    }
}

// Key, spill and output for four pixels; box points at the 3-row sums of
// columns x-1 .. x+4 (edges repeated).
void keyPixels4(const Key& k, const std::uint8_t* src, const float* box, std::uint8_t* dst) {
    const Pixels4 px(src);
    F32x4 left, centre, right;
    std::memcpy(&left, box, 16);
    std::memcpy(&centre, box + 1, 16);
    std::memcpy(&right, box + 2, 16);
    const F32x4 mean = (left + centre + right) * splat(1.0f / 9.0f);
    const F32x4 zero = splat(0.0f), one = splat(1.0f);
    F32x4 key = k.softness > 0
                    ? vmin(vmax((mean - splat(k.tolerance)) / splat(k.softness), zero), one)
                    : (mean > splat(k.tolerance) ? one : zero);
    if (k.invert) key = one - key;
    const I32x4 alpha = toInt(key * px.alpha() + splat(0.5f));
    I32x4 result;
    if (k.output == Matte) {
        result =
            alpha | (alpha << 8) | (alpha << 16) | splatInt(static_cast<std::int32_t>(0xff000000u));
    } else {
        F32x4 r = px.r, g = px.g, b = px.b;
        if (k.spill > 0) {
            const F32x4 cb = splat(kCbR) * r + splat(kCbG) * g + splat(kCbB) * b;
            const F32x4 cr = splat(kCrR) * r + splat(kCrG) * g + splat(kCrB) * b;
            F32x4 along = cb * splat(k.dirCb) + cr * splat(k.dirCr);
            along = along > zero ? along : zero; // only the key's side of the chroma plane
            const F32x4 dcb = splat(-k.spill) * along * splat(k.dirCb),
                        dcr = splat(-k.spill) * along * splat(k.dirCr);
            // Back to RGB at constant luma.
            r += splat(kCr) * dcr;
            b += splat(kCb) * dcb;
            g -= (splat(kR * kCr) * dcr + splat(kB * kCb) * dcb) / splat(kG);
        }
        result = roundBytes(r) | (roundBytes(g) << 8) | (roundBytes(b) << 16) | (alpha << 24);
    }
    std::memcpy(dst, &result, 16);
}

void keyRows(const Key& k, ConstFrameView in, FrameView out, int begin, int end) {
    const int w = in.width, h = in.height;
    const auto padded = static_cast<std::size_t>((w + 3) / 4 * 4);
    // Distances of rows y-1, y, y+1 (clamped), rolled down the band; the 3-row
    // sums with one repeated column at each end.
    std::vector<float> rows(3 * padded), box(padded + 2);
    auto rowOf = [&](int y) {
        return rows.data() + static_cast<std::size_t>(((y % 3) + 3) % 3) * padded;
    };
    for (int y = begin - 1; y <= begin; ++y)
        distanceRow(k, in.row(std::clamp(y, 0, h - 1)), w, rowOf(y));
    for (int y = begin; y < end; ++y) {
        distanceRow(k, in.row(std::min(y + 1, h - 1)), w, rowOf(y + 1));
        const float *above = rowOf(y - 1), *here = rowOf(y), *below = rowOf(y + 1);
        for (int x = 0; x < w; ++x)
            box[static_cast<std::size_t>(x) + 1] = above[x] + here[x] + below[x];
        box[0] = box[1];
        box[static_cast<std::size_t>(w) + 1] = box[static_cast<std::size_t>(w)];
        const std::uint8_t* s = in.row(y);
        std::uint8_t* d = out.row(y);
        int x = 0;
        for (; x + 4 <= w; x += 4)
            keyPixels4(k, s + 4 * x, box.data() + x, d + 4 * x);
        if (x < w) { // the last 1..3 pixels, through a padded group of four
            std::uint8_t src[16] = {}, dst[16];
            const auto n = static_cast<std::size_t>(w - x) * 4;
            std::memcpy(src, s + 4 * x, n);
            keyPixels4(k, src, box.data() + x, dst);
            std::memcpy(d + 4 * x, dst, n);
        }
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const Rgba c = p.color("key");
    Key k{};
    const float r = static_cast<float>(c.r * 255), g = static_cast<float>(c.g * 255),
                b = static_cast<float>(c.b * 255);
    k.cb = kCbR * r + kCbG * g + kCbB * b;
    k.cr = kCrR * r + kCrG * g + kCrB * b;
    const float length = std::sqrt(k.cb * k.cb + k.cr * k.cr);
    if (length > 1.0f) k.dirCb = k.cb / length, k.dirCr = k.cr / length;
    k.tolerance = static_cast<float>(p.number("tolerance"));
    k.softness = static_cast<float>(p.number("softness"));
    k.spill = static_cast<float>(p.number("spill"));
    k.invert = p.flag("invert");
    k.output = p.choice("output");
    ctx.rows->run(in.height, [&](int begin, int end) { keyRows(k, in, out, begin, end); });
}

} // namespace

namespace builtin {
const EffectDescriptor& utilChromaKey() {
    static const EffectDescriptor d{
        .id = "util.chroma_key",
        .version = 1,
        .name = "Chroma Key",
        .category = "util",
        .help = "Make a key colour (green or blue screen) transparent, with soft edges and spill "
                "suppression",
        .params =
            {
                ParamSpec::color("key", "Key colour", {0.0, 0.7, 0.25, 1.0},
                                 "The screen colour to remove (its brightness does not matter)"),
                ParamSpec::number("tolerance", "Tolerance", 0, 1, 0.1, "",
                                  "Chroma distance from the key that is fully transparent"),
                ParamSpec::number(
                    "softness", "Softness", 0, 1, 0.08, "",
                    "Distance over which transparency fades out beyond the tolerance"),
                ParamSpec::number(
                    "spill", "Spill suppression", 0, 1, 0.5, "",
                    "How much of the key's tint to remove from what remains (1 = all)")
                    .when("output", {"Keyed picture"}),
                ParamSpec::toggle("invert", "Invert", false,
                                  "Keep the key colour and remove the rest"),
                ParamSpec::choice(
                    "output", "Output", {"Keyed picture", "Matte"}, Keyed,
                    "The picture with transparency, or the key as a grey mask (white = kept)"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
