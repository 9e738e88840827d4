#include "entropic/effects/container.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/luma.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

constexpr std::uint32_t kFull = 65536; // weight of "all effect"

// Smooth 0..1 ramp of d over [0, width]; a hard step when width is 0.
double ramp(double d, double width) {
    if (width <= 0) return d > 0 ? 1.0 : 0.0;
    const double t = std::clamp(d / width, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

std::uint32_t toWeight(double t) {
    return static_cast<std::uint32_t>(std::lround(std::clamp(t, 0.0, 1.0) * kFull));
}

// Rectangle and ellipse weights are measured in pixels from the shape's edge
// inwards, so the feather never spills outside the bounds and a zero-size shape
// is zero everywhere.
void shapeRow(const MaskSpec& m, int width, int height, int y, std::uint32_t* weights) {
    const double feather = std::max(0.0, m.feather) * std::min(width, height);
    const double left = m.x * width, right = (m.x + m.w) * width;
    const double top = m.y * height, bottom = (m.y + m.h) * height;
    const double py = y + 0.5;
    if (m.shape == MaskShape::Rectangle) {
        const double dy = std::min(py - top, bottom - py);
        for (int x = 0; x < width; ++x) {
            const double px = x + 0.5;
            weights[x] = toWeight(ramp(std::min({px - left, right - px, dy}), feather));
        }
        return;
    }
    // Ellipse inscribed in the bounds. The distance to the edge is approximated
    // by (1 - r) times the smaller radius: exact on a circle, close enough for
    // a soft edge elsewhere.
    const double rx = (right - left) / 2, ry = (bottom - top) / 2;
    if (rx <= 0 || ry <= 0) {
        std::fill(weights, weights + width, 0U);
        return;
    }
    const double cx = left + rx, cy = top + ry;
    const double v = (py - cy) / ry;
    for (int x = 0; x < width; ++x) {
        const double u = (x + 0.5 - cx) / rx;
        const double r = std::sqrt(u * u + v * v);
        weights[x] = toWeight(ramp((1.0 - r) * std::min(rx, ry), feather));
    }
}

// Rec.709 luma in 0..1 with a linear ramp of `softness` outside [low, high].
void lumaRow(const MaskSpec& m, ConstFrameView in, int y, std::uint32_t* weights) {
    const std::uint8_t* p = in.row(y);
    const double soft = std::max(0.0, m.softness);
    for (int x = 0; x < in.width; ++x, p += 4) {
        const double luma = lumaWeighted<double>(p[0], p[1], p[2]) / (255.0 * 65536.0);
        double t = 1.0;
        if (luma < m.lumaLow)
            t = 1.0 - ramp(m.lumaLow - luma, soft);
        else if (luma > m.lumaHigh)
            t = 1.0 - ramp(luma - m.lumaHigh, soft);
        weights[x] = toWeight(t);
    }
}

inline std::uint8_t blend(std::uint32_t a, std::uint32_t b, std::uint32_t w) {
    // w == 0 gives a exactly, w == 65536 gives b exactly; fits in 32 bits.
    return static_cast<std::uint8_t>((a * (kFull - w) + b * w + 32768U) >> 16);
}

// out currently holds the processed pixels; mixes in back by weight.
void blendRow(const std::uint8_t* in, std::uint8_t* out, int width, const std::uint32_t* weights,
              std::uint32_t uniform) {
    for (int x = 0; x < width; ++x) {
        const std::uint32_t w = weights ? weights[x] : uniform;
        if (w == kFull) continue;
        for (int c = 0; c < 4; ++c)
            out[4 * x + c] = blend(in[4 * x + c], out[4 * x + c], w);
    }
}

} // namespace

void maskRow(const MaskSpec& mask, ConstFrameView in, int y, std::uint32_t* weights) {
    switch (mask.shape) {
    case MaskShape::None:
        std::fill(weights, weights + in.width, kFull);
        break;
    case MaskShape::Rectangle:
    case MaskShape::Ellipse:
        shapeRow(mask, in.width, in.height, y, weights);
        break;
    case MaskShape::LumaKey:
        lumaRow(mask, in, y, weights);
        break;
    }
    if (mask.invert)
        for (int x = 0; x < in.width; ++x)
            weights[x] = kFull - weights[x];
}

const ParamSpec& mixParam() {
    static const ParamSpec spec =
        ParamSpec::number("mix", "Mix", 0, 1, 1, "", "Dry/wet: 0 is the input untouched");
    return spec;
}

void applyEffect(const EffectInstance& instance, ConstFrameView in, FrameView out,
                 EffectState* state, const CallInfo& call) {
    const EffectDescriptor* d = instance.descriptor;
    if (!d || !d->process || !instance.enabled || in.empty()) {
        copyPixels(in, out);
        return;
    }
    EffectContext ctx;
    ctx.seed = deriveSeed(call.projectId, instance.instanceId, call.frameIndex, instance.userSeed);
    ctx.frameIndex = call.frameIndex;
    ctx.rateNum = call.rateNum;
    ctx.rateDen = call.rateDen;
    ctx.renderScale = call.renderScale;
    ctx.motion = call.motion;
    ctx.rows = call.rows ? call.rows : &serialRows();

    // Always process, even at mix 0 or under an empty mask: temporal state must advance.
    d->process(in, out, instance.params, state, ctx);

    const double mix = std::isnan(instance.mix) ? 0.0 : std::clamp(instance.mix, 0.0, 1.0);
    const auto mixWeight = static_cast<std::uint32_t>(std::lround(mix * kFull));
    const bool noMask = instance.mask.shape == MaskShape::None && !instance.mask.invert;
    const bool plain = instance.blend == BlendMode::Normal;
    if (noMask && mixWeight == kFull && plain) return;
    if (mixWeight == 0) {
        copyPixels(in, out);
        return;
    }
    const MaskSpec mask = instance.mask;
    const BlendMode mode = instance.blend;
    ctx.rows->run(in.height, [&](int begin, int end) {
        std::vector<std::uint32_t> weights(noMask ? 0 : static_cast<std::size_t>(in.width));
        for (int y = begin; y < end; ++y) {
            if (!plain) blendPixels(mode, in.row(y), out.row(y), out.row(y), in.width);
            if (noMask && mixWeight == kFull) continue;
            if (!noMask) {
                maskRow(mask, in, y, weights.data());
                for (auto& w : weights)
                    w = static_cast<std::uint32_t>(
                        (static_cast<std::uint64_t>(w) * mixWeight + 32768U) >> 16);
            }
            blendRow(in.row(y), out.row(y), in.width, noMask ? nullptr : weights.data(), mixWeight);
        }
    });
}

} // namespace entropic::fx
