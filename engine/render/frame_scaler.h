#pragma once
// Resizes rendered RGBA frames for an export at another size (swscale, area
// averaging when shrinking so fine glitch detail does not alias).
#include <memory>

#include "entropic/effects/frame.h"

struct SwsContext;

namespace entropic::engine {

class FrameScaler {
  public:
    FrameScaler(int srcWidth, int srcHeight, int dstWidth, int dstHeight);
    ~FrameScaler();
    FrameScaler(const FrameScaler&) = delete;
    FrameScaler& operator=(const FrameScaler&) = delete;

    // The scaled frame; valid until the next call.
    const fx::Frame& scale(fx::ConstFrameView src);

  private:
    SwsContext* sws_ = nullptr;
    fx::Frame out_;
};

} // namespace entropic::engine
