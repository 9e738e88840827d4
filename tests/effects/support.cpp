#include "support.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <thread>

namespace entropic::fx::test {

Frame syntheticFrame(int width, int height, int frameIndex) {
    Frame f(width, height);
    const int discX = (width / 3 + frameIndex * 3) % std::max(width, 1);
    const int discY = height / 2;
    const int radius = std::max(1, std::min(width, height) / 5);
    for (int y = 0; y < height; ++y) {
        std::uint8_t* p = f.view().row(y);
        for (int x = 0; x < width; ++x, p += 4) {
            p[0] = static_cast<std::uint8_t>(width > 1 ? x * 255 / (width - 1) : 128);
            p[1] = static_cast<std::uint8_t>(height > 1 ? y * 255 / (height - 1) : 128);
            const bool stripe = ((x + y + frameIndex) / 4) % 2 == 0;
            const int dx = x - discX, dy = y - discY;
            const bool disc = dx * dx + dy * dy <= radius * radius;
            p[2] = disc ? 255 : (stripe ? 160 : 40);
            p[3] = (x < width / 8 && y < height / 8) ? 128 : 255;
        }
    }
    return f;
}

void TwoThreadRows::run(int rows, const std::function<void(int, int)>& fn) const {
    constexpr int kBand = 7;
    auto worker = [&](int parity) {
        for (int b = parity; b * kBand < rows; b += 2)
            fn(b * kBand, std::min(rows, (b + 1) * kBand));
    };
    std::thread other(worker, 1);
    worker(0);
    other.join();
}

Frame runEffect(const EffectDescriptor& d, const ParamValues& params, int width, int height,
                const RunOptions& options) {
    EffectInstance instance;
    instance.descriptor = &d;
    instance.instanceId = "test-instance";
    instance.params = params;
    instance.mix = options.mix;
    instance.mask = options.mask;
    instance.userSeed = 7;
    auto state = d.makeState ? d.makeState() : nullptr;
    Frame out(width, height);
    for (int k = 0; k < options.frames; ++k) {
        const Frame in = syntheticFrame(width, height, k);
        CallInfo call;
        call.projectId = "test-project";
        call.frameIndex = k;
        call.renderScale = options.renderScale;
        call.rows = options.rows;
        applyEffect(instance, in.view(), out.view(), state.get(), call);
    }
    return out;
}

ParamValues paramsAtExtreme(const EffectDescriptor& d, bool maximum) {
    ParamValues v(d.params);
    for (std::size_t i = 0; i < d.params.size(); ++i) {
        const double x = maximum ? d.params[i].max : d.params[i].min;
        v.set(i, ParamValue{x, x, x, x});
    }
    return v;
}

bool samePixels(ConstFrameView a, ConstFrameView b) {
    if (a.width != b.width || a.height != b.height) return false;
    for (int y = 0; y < a.height; ++y)
        if (std::memcmp(a.row(y), b.row(y), static_cast<std::size_t>(a.width) * 4) != 0)
            return false;
    return true;
}

Frame naturalFrame(int width, int height) {
    Frame f(width, height);
    const double w = std::max(width, 1), h = std::max(height, 1);
    std::uint64_t noise = 0x853c49e6748fea9bULL;
    for (int y = 0; y < height; ++y) {
        std::uint8_t* p = f.view().row(y);
        for (int x = 0; x < width; ++x, p += 4) {
            const double u = x / w, v = y / h;
            // Sky-like gradient and a warm ground.
            double r = 70 + 120 * v + 30 * std::sin(6.0 * u);
            double g = 110 + 60 * std::cos(3.0 * u + 2.0 * v);
            double b = 200 - 110 * v;
            // A hard-edged orange disc, a soft green blob, a dark bar.
            const double dx = u - 0.3, dy = v - 0.4;
            if (dx * dx + dy * dy < 0.02) r = 235, g = 140, b = 40;
            const double ex = u - 0.7, ey = v - 0.6, blob = std::exp(-(ex * ex + ey * ey) * 40.0);
            r += (60 - r) * blob, g += (190 - g) * blob, b += (80 - b) * blob;
            if (u > 0.45 && u < 0.52 && v > 0.1) r *= 0.3, g *= 0.3, b *= 0.35;
            // Thin light lines (detail that a blur or a sharpen visibly changes).
            if ((x / 3) % 17 == 0 && v > 0.7) r = g = b = 230;
            double c[3] = {r, g, b};
            for (double& value : c) {
                noise = noise * 6364136223846793005ULL + 1442695040888963407ULL;
                value += static_cast<double>(static_cast<int>(noise >> 59) - 16) * 0.4; // mild, ±6
                value = std::clamp(value, 0.0, 255.0);
            }
            p[0] = static_cast<std::uint8_t>(std::lround(c[0]));
            p[1] = static_cast<std::uint8_t>(std::lround(c[1]));
            p[2] = static_cast<std::uint8_t>(std::lround(c[2]));
            p[3] = 255;
        }
    }
    return f;
}

double psnr(ConstFrameView a, ConstFrameView b) {
    return psnr(a, b, 0, 3);
}

double psnr(ConstFrameView a, ConstFrameView b, int first, int count) {
    double sum = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            for (int c = first; c < first + count; ++c) {
                const double d = a.row(y)[4 * x + c] - b.row(y)[4 * x + c];
                sum += d * d;
            }
    const double mse = sum / (static_cast<double>(count) * a.width * a.height);
    if (mse == 0) return std::numeric_limits<double>::infinity();
    return 10 * std::log10(255.0 * 255.0 / mse);
}

void writePpm(const std::string& path, ConstFrameView frame) {
    std::ofstream out(path, std::ios::binary);
    out << "P6\n" << frame.width << ' ' << frame.height << "\n255\n";
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x)
            out.write(reinterpret_cast<const char*>(frame.row(y) + 4 * x), 3);
}

Frame process(const EffectDescriptor& d, const ParamValues& params, const Frame& in,
              EffectState* state, std::int64_t frameIndex, std::uint64_t seed, double renderScale) {
    return process(d, params, in, {}, state, frameIndex, seed, renderScale);
}

Frame process(const EffectDescriptor& d, const ParamValues& params, const Frame& in,
              std::span<const MotionVector> motion, EffectState* state, std::int64_t frameIndex,
              std::uint64_t seed, double renderScale) {
    Frame out(in.width(), in.height());
    EffectContext ctx;
    ctx.seed = seed;
    ctx.frameIndex = frameIndex;
    ctx.renderScale = renderScale;
    ctx.motion = motion;
    d.process(in.view(), out.view(), params, state, ctx);
    return out;
}
} // namespace entropic::fx::test
