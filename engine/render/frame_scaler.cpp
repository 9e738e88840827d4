#include "render/frame_scaler.h"

#include <new>

extern "C" {
#include <libswscale/swscale.h>
}

namespace entropic::engine {

FrameScaler::FrameScaler(int srcWidth, int srcHeight, int dstWidth, int dstHeight)
    : out_(dstWidth, dstHeight) {
    const bool shrinking = dstWidth <= srcWidth && dstHeight <= srcHeight;
    sws_ =
        sws_getContext(srcWidth, srcHeight, AV_PIX_FMT_RGBA, dstWidth, dstHeight, AV_PIX_FMT_RGBA,
                       shrinking ? SWS_AREA : SWS_BICUBIC, nullptr, nullptr, nullptr);
    if (!sws_) throw std::bad_alloc();
}

FrameScaler::~FrameScaler() {
    sws_freeContext(sws_);
}

const fx::Frame& FrameScaler::scale(fx::ConstFrameView src) {
    const std::uint8_t* in[1] = {src.data};
    const int inStride[1] = {src.stride};
    std::uint8_t* out[1] = {out_.data()};
    const int outStride[1] = {out_.stride()};
    sws_scale(sws_, in, inStride, 0, src.height, out, outStride);
    return out_;
}

} // namespace entropic::engine
