#include "entropic/effects/frame.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace entropic::fx {

Frame::Frame(int width, int height) {
    resize(width, height);
}

void Frame::resize(int width, int height) {
    width = std::max(width, 0);
    height = std::max(height, 0);
    width_ = width;
    height_ = height;
    stride_ = width * 4;
    pixels_.resize(static_cast<std::size_t>(stride_) * static_cast<std::size_t>(height));
}

void Frame::fill(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a) {
    for (std::size_t i = 0; i + 3 < pixels_.size(); i += 4) {
        pixels_[i] = r;
        pixels_[i + 1] = g;
        pixels_[i + 2] = b;
        pixels_[i + 3] = a;
    }
}

void copyPixels(ConstFrameView src, FrameView dst) {
    const int h = std::min(src.height, dst.height);
    const std::size_t bytes = static_cast<std::size_t>(std::min(src.width, dst.width)) * 4;
    if (bytes == 0 || h <= 0) return;
    if (src.stride == dst.stride && static_cast<std::size_t>(src.stride) == bytes) {
        std::memcpy(dst.data, src.data, bytes * static_cast<std::size_t>(h));
        return;
    }
    for (int y = 0; y < h; ++y)
        std::memcpy(dst.row(y), src.row(y), bytes);
}

// Entropic frame hash v1 (docs/effects.md has the exact formula). The mix is
// chosen for speed (one multiply and one rotate per 8 bytes) and for being easy
// to reimplement; it is a checksum for determinism checks, not a cryptographic hash.
namespace {
constexpr std::uint64_t kHashSeed = 0x456e74726f706963ULL; // "Entropic"
constexpr std::uint64_t kMulWord = 0x9e3779b97f4a7c15ULL;  // golden ratio
constexpr std::uint64_t kMulByte = 0x100000001b3ULL;       // FNV-64 prime

inline std::uint64_t rotl(std::uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}

inline std::uint64_t loadLe64(const std::uint8_t* p) {
    if constexpr (std::endian::native == std::endian::little) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    } else {
        std::uint64_t v = 0;
        for (int i = 7; i >= 0; --i)
            v = (v << 8) | p[i];
        return v;
    }
}

inline std::uint64_t absorbWord(std::uint64_t h, std::uint64_t w) {
    return rotl((h ^ w) * kMulWord, 29);
}

inline std::uint64_t finalise(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
} // namespace

std::uint64_t frameHash(ConstFrameView frame) {
    const int width = std::max(frame.width, 0);
    const int height = std::max(frame.height, 0);
    std::uint64_t h = kHashSeed;
    h = absorbWord(h, static_cast<std::uint64_t>(static_cast<std::uint32_t>(width)));
    h = absorbWord(h, static_cast<std::uint64_t>(static_cast<std::uint32_t>(height)));
    const std::size_t rowBytes = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height && rowBytes > 0; ++y) {
        const std::uint8_t* p = frame.row(y);
        std::size_t i = 0;
        for (; i + 8 <= rowBytes; i += 8)
            h = absorbWord(h, loadLe64(p + i));
        for (; i < rowBytes; ++i)
            h = (h ^ p[i]) * kMulByte;
    }
    return finalise(h);
}

std::string hashToHex(std::uint64_t hash) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kDigits[hash & 0xf];
        hash >>= 4;
    }
    return out;
}

} // namespace entropic::fx
