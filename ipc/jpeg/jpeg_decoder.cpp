// JPEG decompression for the viewer and the cache, with libjpeg-turbo's scaled
// decode for a viewer smaller than the frame (docs/architecture.md).
#include "entropic/ipc/jpeg_codec.h"

#include <stdexcept>
#include <string>
#include <utility>

#include <turbojpeg.h>

namespace entropic::ipc {

namespace {

// Accurate IDCT and smooth ("fancy") chroma upsampling, the library's decode
// defaults, stated explicitly. The fast IDCT saves ~8 % of decode time but
// costs ~5 dB PSNR at Q95 on gradients; fast upsampling saves a few percent
// and blurs chroma edges. The viewer should show what the export will be.
constexpr int kDecodeFlags = TJFLAG_ACCURATEDCT;

// A corrupt header must not make us allocate gigabytes: 8192 x 8192 covers 8K
// UHD (7680 x 4320) with room to spare.
constexpr long long kMaxPixels = 8192LL * 8192LL;

tjhandle handleOf(void* h) {
    return static_cast<tjhandle>(h);
}

bool scalingFactorFor(int scaleDenom, tjscalingfactor& found) {
    int count = 0;
    const tjscalingfactor* factors = tjGetScalingFactors(&count);
    for (int i = 0; factors && i < count; ++i) {
        if (factors[i].num == 1 && factors[i].denom == scaleDenom) {
            found = factors[i];
            return true;
        }
    }
    return false;
}

// TurboJPEG 2.1 leaves a handle half-way through a header after an error, and
// the next call on it fails too ("two SOI markers"). A fresh handle after any
// failure keeps one bad frame from spoiling the good one that follows.
bool failAndReset(void*& handle) {
    if (tjhandle fresh = tjInitDecompress()) {
        tjDestroy(handleOf(handle));
        handle = fresh;
    }
    return false;
}

} // namespace

JpegDecoder::JpegDecoder() : handle_(tjInitDecompress()) {
    if (!handle_) throw std::runtime_error(std::string("JPEG decoder: ") + tjGetErrorStr2(nullptr));
}

JpegDecoder::~JpegDecoder() {
    tjDestroy(handleOf(handle_));
}

bool JpegDecoder::decode(const std::uint8_t* data, std::size_t size, fx::Frame& out,
                         int scaleDenom) {
    tjscalingfactor factor{1, 1};
    if (scaleDenom != 1 && !scalingFactorFor(scaleDenom, factor))
        throw std::invalid_argument("JPEG decoder: scale 1/" + std::to_string(scaleDenom) +
                                    " is not one of 1, 2, 4, 8");
    if (!data || size == 0 || size > static_cast<std::size_t>(static_cast<unsigned long>(-1)))
        return false;

    int width = 0, height = 0, subsamp = 0, colorspace = 0;
    if (tjDecompressHeader3(handleOf(handle_), data, static_cast<unsigned long>(size), &width,
                            &height, &subsamp, &colorspace) != 0)
        return failAndReset(handle_);
    if (width <= 0 || height <= 0 || static_cast<long long>(width) * height > kMaxPixels)
        return false;

    const int scaledWidth = TJSCALED(width, factor);
    const int scaledHeight = TJSCALED(height, factor);
    scratch_.resize(scaledWidth, scaledHeight);
    // Any warning (truncated or corrupt entropy data) counts as failure: a
    // half-grey frame is not a frame we want to show or cache.
    if (tjDecompress2(handleOf(handle_), data, static_cast<unsigned long>(size), scratch_.data(),
                      scaledWidth, scratch_.stride(), scaledHeight, TJPF_RGBA, kDecodeFlags) != 0)
        return failAndReset(handle_);
    std::swap(scratch_, out);
    return true;
}

} // namespace entropic::ipc
