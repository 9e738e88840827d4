#pragma once
// MJPEG frames for the ring and the cache: libjpeg-turbo, quality 95, 4:2:0.
#include <cstdint>
#include <vector>

#include "entropic/effects/frame.h"

namespace entropic::ipc {

class JpegEncoder {
  public:
    explicit JpegEncoder(int quality = 95);
    ~JpegEncoder();
    JpegEncoder(const JpegEncoder&) = delete;
    JpegEncoder& operator=(const JpegEncoder&) = delete;

    // Compresses RGBA (alpha dropped) into out, replacing its contents.
    void encode(fx::ConstFrameView rgba, std::vector<std::uint8_t>& out);
    // Compresses directly into a caller buffer; returns bytes written, or 0 if
    // capacity (see maxEncodedSize) is too small.
    std::size_t encodeInto(fx::ConstFrameView rgba, std::uint8_t* dst, std::size_t capacity);
    static std::size_t maxEncodedSize(int width, int height);

  private:
    void* handle_;
    int quality_;
    std::vector<std::uint8_t> scratch_; // worst-case output buffer reused by encode()
};

class JpegDecoder {
  public:
    JpegDecoder();
    ~JpegDecoder();
    JpegDecoder(const JpegDecoder&) = delete;
    JpegDecoder& operator=(const JpegDecoder&) = delete;

    // Decodes to RGBA (alpha 255). scaleDenom 1, 2, 4 or 8 uses libjpeg-turbo's
    // scaled decode, for a viewer smaller than the frame. Returns false on
    // corrupt data (out untouched).
    bool decode(const std::uint8_t* data, std::size_t size, fx::Frame& out, int scaleDenom = 1);

  private:
    void* handle_;
    fx::Frame scratch_; // decoded into first, so a failed decode leaves `out` untouched
};

} // namespace entropic::ipc
