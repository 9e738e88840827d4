#pragma once
// Decoded picture → RGBA frame of the requested size, display rotation applied.
// swscale does the colour conversion and scaling; the same input always gives
// the same bytes on a given machine.
#include "entropic/effects/frame.h"
#include "media/ffmpeg_util.h"

namespace entropic::engine::media {

class RgbaConverter {
  public:
    // rotation: clockwise degrees (0, 90, 180, 270). outWidth/outHeight are the
    // size after rotation.
    void configure(int outWidth, int outHeight, int rotation);

    // Converts src into out (resized to the output size).
    void convert(const AVFrame* src, fx::Frame& out);

    int outWidth() const { return outWidth_; }
    int outHeight() const { return outHeight_; }
    int rotation() const { return rotation_; }

  private:
    void scale(const AVFrame* src, std::uint8_t* dst, int dstStride, int w, int h);

    int outWidth_ = 0, outHeight_ = 0, rotation_ = 0;
    SwsPtr sws_;
    // Key of the cached context: the parameters that change the conversion.
    int srcW_ = -1, srcH_ = -1, srcFormat_ = -1, srcSpace_ = -1, srcRange_ = -1, dstW_ = -1,
        dstH_ = -1;
    fx::Frame unrotated_; // scratch for rotated output only
};

// Rotates RGBA pixels clockwise by rotation degrees; dst gets the rotated size.
void rotateRgba(fx::ConstFrameView src, fx::Frame& dst, int rotation);

} // namespace entropic::engine::media
