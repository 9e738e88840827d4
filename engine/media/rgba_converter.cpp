#include "media/rgba_converter.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>

namespace entropic::engine::media {

namespace {

// The deprecated "J" formats are plain YUV at full range; swscale wants them
// said that way (and warns otherwise).
AVPixelFormat unJpeg(AVPixelFormat f, bool& fullRange) {
    switch (f) {
    case AV_PIX_FMT_YUVJ420P:
        fullRange = true;
        return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P:
        fullRange = true;
        return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P:
        fullRange = true;
        return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P:
        fullRange = true;
        return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P:
        fullRange = true;
        return AV_PIX_FMT_YUV411P;
    default:
        return f;
    }
}

// Untagged video is BT.709 when it is HD and BT.601 otherwise, as players assume.
int swsColorspace(AVColorSpace cs, int height) {
    switch (cs) {
    case AVCOL_SPC_BT709:
        return SWS_CS_ITU709;
    case AVCOL_SPC_FCC:
        return SWS_CS_FCC;
    case AVCOL_SPC_SMPTE240M:
        return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        return SWS_CS_BT2020;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
        return SWS_CS_ITU601;
    default:
        return height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

} // namespace

void RgbaConverter::configure(int outWidth, int outHeight, int rotation) {
    outWidth_ = outWidth;
    outHeight_ = outHeight;
    rotation_ = rotation;
}

void RgbaConverter::scale(const AVFrame* src, std::uint8_t* dst, int dstStride, int w, int h) {
    bool fullRange = src->color_range == AVCOL_RANGE_JPEG;
    const AVPixelFormat fmt = unJpeg(static_cast<AVPixelFormat>(src->format), fullRange);
    const int space = swsColorspace(src->colorspace, src->height);
    if (!sws_ || srcW_ != src->width || srcH_ != src->height || srcFormat_ != fmt ||
        srcSpace_ != space || srcRange_ != static_cast<int>(fullRange) || dstW_ != w ||
        dstH_ != h) {
        sws_.reset(sws_getContext(src->width, src->height, fmt, w, h, AV_PIX_FMT_RGBA, SWS_BILINEAR,
                                  nullptr, nullptr, nullptr));
        if (!sws_)
            throw std::runtime_error(std::string("no conversion from ") + av_get_pix_fmt_name(fmt) +
                                     " to RGBA");
        // Source matrix and range as tagged; RGB out is full range.
        sws_setColorspaceDetails(sws_.get(), sws_getCoefficients(space), fullRange ? 1 : 0,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        srcW_ = src->width;
        srcH_ = src->height;
        srcFormat_ = fmt;
        srcSpace_ = space;
        srcRange_ = fullRange ? 1 : 0;
        dstW_ = w;
        dstH_ = h;
    }
    std::uint8_t* planes[4] = {dst, nullptr, nullptr, nullptr};
    int strides[4] = {dstStride, 0, 0, 0};
    sws_scale(sws_.get(), src->data, src->linesize, 0, src->height, planes, strides);
}

void RgbaConverter::convert(const AVFrame* src, fx::Frame& out) {
    const int w = outWidth_ > 0 ? outWidth_ : src->width;
    const int h = outHeight_ > 0 ? outHeight_ : src->height;
    if (rotation_ == 0) {
        // Straight into the caller's frame: no intermediate copy on the common path.
        out.resize(w, h);
        scale(src, out.data(), out.stride(), w, h);
        return;
    }
    const bool quarter = rotation_ == 90 || rotation_ == 270;
    const int uw = quarter ? h : w, uh = quarter ? w : h;
    unrotated_.resize(uw, uh);
    scale(src, unrotated_.data(), unrotated_.stride(), uw, uh);
    rotateRgba(unrotated_.view(), out, rotation_);
}

void rotateRgba(fx::ConstFrameView src, fx::Frame& dst, int rotation) {
    const int w = src.width, h = src.height;
    const bool quarter = rotation == 90 || rotation == 270;
    dst.resize(quarter ? h : w, quarter ? w : h);
    auto px = [&](int x, int y) {
        return src.data + static_cast<std::ptrdiff_t>(y) * src.stride + x * 4;
    };
    if (rotation == 0) {
        fx::copyPixels(src, dst.view());
        return;
    }
    if (rotation == 180) {
        for (int y = 0; y < h; ++y) {
            std::uint8_t* d = dst.view().row(y);
            for (int x = 0; x < w; ++x)
                std::memcpy(d + x * 4, px(w - 1 - x, h - 1 - y), 4);
        }
        return;
    }
    // Quarter turns walk the source in tiles so both sides stay in cache.
    constexpr int kTile = 32;
    const fx::FrameView d = dst.view();
    for (int ty = 0; ty < d.height; ty += kTile) {
        for (int tx = 0; tx < d.width; tx += kTile) {
            const int yEnd = std::min(ty + kTile, d.height), xEnd = std::min(tx + kTile, d.width);
            for (int y = ty; y < yEnd; ++y) {
                std::uint8_t* row = d.row(y);
                for (int x = tx; x < xEnd; ++x) {
                    // 90° clockwise: shown (x, y) is stored (y, h-1-x); 270°: (w-1-y, x).
                    const std::uint8_t* s = rotation == 90 ? px(y, h - 1 - x) : px(w - 1 - y, x);
                    std::memcpy(row + x * 4, s, 4);
                }
            }
        }
    }
}

} // namespace entropic::engine::media
