#pragma once
// Frame-accurate random access to a file's video (the "decode cursor").
//
// Frame N is the N-th frame in presentation order. frame(N) returns the same
// pixels whatever was asked before it: forward, backward, random order or a
// straight decode. Sequential access costs one decode per frame; a jump seeks
// to the keyframe at or before N and decodes forward. Variable frame rate and
// B-frames are handled through an index of every frame's timestamp built when
// the file is opened. Rotation metadata is applied to the pixels.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/effects/motion.h"
#include "entropic/engine/media/media_info.h"

namespace entropic::engine {

struct DecoderOptions {
    // Size of the RGBA output, after rotation. 0×0 means the displayed size.
    // A different aspect is stretched: callers fit and letterbox.
    int outputWidth = 0;
    int outputHeight = 0;
    bool exportMotionVectors = false; // FFmpeg flags2 +export_mvs
    int threads = 0;                  // 0: FFmpeg chooses
};

struct DecodedFrame {
    std::int64_t index = -1;
    double seconds = 0; // presentation time from the stream start
    fx::Frame rgba;
    // Motion of this frame from the decoder, scaled to the output size.
    // Empty for keyframes and when not requested.
    std::vector<fx::MotionVector> motion;
};

class VideoDecoder {
  public:
    // Throws EngineError naming the file if it cannot be opened or has no video.
    explicit VideoDecoder(const std::string& path, DecoderOptions options = {});
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    const VideoStreamInfo& info() const;
    const std::string& path() const;
    std::int64_t frameCount() const;
    // Presentation time of frame index, seconds from the first frame.
    double frameSeconds(std::int64_t index) const;
    // The frame on screen at time t (seconds from the first frame): the last
    // frame whose time is <= t, clamped to [0, frameCount-1]. t is rational.
    std::int64_t frameAt(Rational t) const;
    // How many frames of a grid at `rate` (frame j at j / rate seconds) start
    // before the end of the stream (the last frame's time plus its duration):
    // the file's length at another frame rate, exactly. At least 1.
    std::int64_t framesAtRate(Rational rate) const;

    // Frame index, frame-accurately. The reference stays valid until the next
    // call. Throws EngineError (media_corrupt) if the file cannot deliver it.
    const DecodedFrame& frame(std::int64_t index);

    // Decodes up to `frames` frames after the last one asked for on a thread
    // of its own, so that asking for them in order costs no wait (a player;
    // docs/media.md, "Reading ahead"); 0 stops. The pixels are the same
    // either way. A jump elsewhere, backwards or further than a short decode
    // ahead, is decoded by the caller as without it.
    void setReadAhead(int frames);

    // Changes the output size (a no-op when it is the current one). Frames
    // already decoded, the current one included, are converted again at the
    // new size when asked for: no decode is repeated.
    void setOutputSize(int width, int height);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace entropic::engine
