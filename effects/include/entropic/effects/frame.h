#pragma once
// RGBA frames: 8 bits a channel, row-major, explicit stride (docs/architecture.md).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace entropic::fx {

// A read-only window onto RGBA pixels owned elsewhere.
struct ConstFrameView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0; // bytes from one row to the next, >= width * 4

    const std::uint8_t* row(int y) const { return data + static_cast<std::ptrdiff_t>(y) * stride; }
    bool empty() const { return width <= 0 || height <= 0; }
};

// A writable window onto RGBA pixels owned elsewhere.
struct FrameView {
    std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;

    std::uint8_t* row(int y) const { return data + static_cast<std::ptrdiff_t>(y) * stride; }
    operator ConstFrameView() const { return {data, width, height, stride}; }
};

// An owning RGBA frame. Rows are tightly packed (stride == width * 4) unless
// constructed otherwise; copies are deep.
class Frame {
  public:
    Frame() = default;
    Frame(int width, int height); // zero-filled (transparent black)

    int width() const { return width_; }
    int height() const { return height_; }
    int stride() const { return stride_; }
    bool empty() const { return width_ <= 0 || height_ <= 0; }
    std::uint8_t* data() { return pixels_.data(); }
    const std::uint8_t* data() const { return pixels_.data(); }
    std::size_t byteSize() const { return pixels_.size(); }

    FrameView view() { return {pixels_.data(), width_, height_, stride_}; }
    ConstFrameView view() const { return {pixels_.data(), width_, height_, stride_}; }

    // Reallocates only when the size changes; contents are unspecified afterwards.
    void resize(int width, int height);
    void fill(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a);

  private:
    int width_ = 0;
    int height_ = 0;
    int stride_ = 0;
    std::vector<std::uint8_t> pixels_;
};

// Copies pixels between views of equal size (strides may differ).
void copyPixels(ConstFrameView src, FrameView dst);

// Entropic frame hash v1: a 64-bit hash of the visible RGBA bytes and the
// dimensions, independent of stride. Documented in docs/determinism.md; the
// same value is reported by render_frame, entropic-render --frame-hashes and
// the tests. Never changes meaning: a new algorithm gets a new name.
std::uint64_t frameHash(ConstFrameView frame);

// 16 lowercase hex digits.
std::string hashToHex(std::uint64_t hash);

} // namespace entropic::fx
