// Video features: one pass over the region for the means, Sobel on a luma
// plane, motion against the previous frame's luma. Integer sums where the
// inputs are integers, so results do not depend on summation order.
#include "entropic/signal/video_features.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace entropic::sig {
namespace {

struct Span {
    int begin = 0, end = 0;
};

// Pixels whose centre (i + 0.5) / size lies in [start, start + length).
Span pixelSpan(double start, double length, int size) {
    auto edge = [size](double at) {
        return static_cast<int>(
            std::clamp(std::ceil(at * size - 0.5), 0.0, static_cast<double>(size)));
    };
    return {edge(start), edge(start + length)};
}

// BT.709 luma in 0..255, the integer weights fx.edges and the luma key use.
void lumaPlane(fx::ConstFrameView f, std::vector<int>& out) {
    out.resize(static_cast<std::size_t>(f.width) * static_cast<std::size_t>(f.height));
    for (int y = 0; y < f.height; ++y) {
        const std::uint8_t* p = f.row(y);
        int* o = out.data() + static_cast<std::ptrdiff_t>(y) * f.width;
        for (int x = 0; x < f.width; ++x, p += 4)
            o[x] = (13933 * p[0] + 46871 * p[1] + 4732 * p[2] + 32768) >> 16;
    }
}

double hueOf(double r, double g, double b) {
    // Opponent axes of the hexcone: red at 0, green at 1/3, blue at 2/3.
    const double a = r - (g + b) / 2;
    const double c = std::numbers::sqrt3 / 2 * (g - b);
    if (a * a + c * c < 1e-12) return 0.0;
    double h = std::atan2(c, a) / (2 * std::numbers::pi);
    if (h < 0) h += 1;
    return h;
}

VideoFrameFeatures measure(fx::ConstFrameView f, const std::optional<Region>& region,
                           const std::vector<int>& luma, const std::vector<int>* previous) {
    VideoFrameFeatures out;
    if (f.empty()) return out;
    const Region r = region.value_or(Region{});
    const Span xs = pixelSpan(r.x, r.w, f.width);
    const Span ys = pixelSpan(r.y, r.h, f.height);
    if (xs.begin >= xs.end || ys.begin >= ys.end) return out;

    const int w = f.width;
    auto at = [&](int x, int y) { return luma[static_cast<std::size_t>(y) * w + x]; };
    std::int64_t sumR = 0, sumG = 0, sumB = 0, sumY = 0, sumMotion = 0;
    double sumSat = 0, sumEdges = 0;
    for (int y = ys.begin; y < ys.end; ++y) {
        const int up = std::max(y - 1, 0);
        const int down = std::min(y + 1, f.height - 1);
        const std::uint8_t* p = f.row(y) + static_cast<std::ptrdiff_t>(xs.begin) * 4;
        for (int x = xs.begin; x < xs.end; ++x, p += 4) {
            sumR += p[0];
            sumG += p[1];
            sumB += p[2];
            const int hi = std::max({p[0], p[1], p[2]});
            const int lo = std::min({p[0], p[1], p[2]});
            if (hi > 0) sumSat += static_cast<double>(hi - lo) / hi;
            const int yv = at(x, y);
            sumY += yv;
            if (previous)
                sumMotion += std::abs(yv - (*previous)[static_cast<std::size_t>(y) * w + x]);
            // Sobel with the frame's edges repeated (as fx.edges).
            const int left = std::max(x - 1, 0);
            const int right = std::min(x + 1, w - 1);
            const int gx = (at(right, up) + 2 * at(right, y) + at(right, down)) -
                           (at(left, up) + 2 * at(left, y) + at(left, down));
            const int gy = (at(left, down) + 2 * at(x, down) + at(right, down)) -
                           (at(left, up) + 2 * at(x, up) + at(right, up));
            if (gx != 0 || gy != 0)
                sumEdges +=
                    std::min(1.0, std::sqrt(static_cast<double>(gx * gx + gy * gy)) / 1020.0);
        }
    }
    const double count = static_cast<double>(xs.end - xs.begin) * (ys.end - ys.begin);
    const double scale = 255.0 * count;
    out.red = static_cast<double>(sumR) / scale;
    out.green = static_cast<double>(sumG) / scale;
    out.blue = static_cast<double>(sumB) / scale;
    out.luma = static_cast<double>(sumY) / scale;
    out.motion = static_cast<double>(sumMotion) / scale;
    out.saturation = sumSat / count;
    out.edges = sumEdges / count;
    out.hue = hueOf(out.red, out.green, out.blue);
    return out;
}

} // namespace

double VideoFrameFeatures::get(SourceKind kind) const {
    switch (kind) {
    case SourceKind::VideoLuma:
        return luma;
    case SourceKind::VideoMotion:
        return motion;
    case SourceKind::VideoRed:
        return red;
    case SourceKind::VideoGreen:
        return green;
    case SourceKind::VideoBlue:
        return blue;
    case SourceKind::VideoHue:
        return hue;
    case SourceKind::VideoSaturation:
        return saturation;
    case SourceKind::VideoEdges:
        return edges;
    default:
        return 0.0;
    }
}

VideoFrameFeatures measureVideoFrame(fx::ConstFrameView frame, const std::optional<Region>& region,
                                     fx::ConstFrameView previous) {
    std::vector<int> luma, before;
    lumaPlane(frame, luma);
    const bool motion =
        !previous.empty() && previous.width == frame.width && previous.height == frame.height;
    if (motion) lumaPlane(previous, before);
    return measure(frame, region, luma, motion ? &before : nullptr);
}

VideoAnalyzer::VideoAnalyzer(std::optional<Region> region) : region_(region) {}

VideoFrameFeatures VideoAnalyzer::push(fx::ConstFrameView frame) {
    lumaPlane(frame, luma_);
    const bool motion =
        !previousLuma_.empty() && previousWidth_ == frame.width && previousHeight_ == frame.height;
    const VideoFrameFeatures out =
        measure(frame, region_, luma_, motion ? &previousLuma_ : nullptr);
    luma_.swap(previousLuma_);
    previousWidth_ = frame.width;
    previousHeight_ = frame.height;
    return out;
}

void VideoAnalyzer::reset() {
    previousLuma_.clear();
    previousWidth_ = previousHeight_ = 0;
}

} // namespace entropic::sig
