#include "core/box_blur.h"
#include "core/luma.h"

#include <cmath>
#include <memory>
#include <stdexcept>

namespace entropic::fx {

namespace {

// Columns per vertical chunk: a chunk's rings of rows (2r+3 rows of 128 pixels)
// stay in L1/L2 and its output rows are written 512 contiguous bytes at a time.
constexpr int kChunk = 128;

template <class T> std::unique_ptr<T[]> buffer(std::size_t n) {
    return std::make_unique_for_overwrite<T[]>(n);
}

// The horizontally blurred frame, one chunk's columns: rows of `lanes` pixels.
struct MidRows {
    const U16x4* data;
    std::ptrdiff_t pitch;
    const U16x4* row(int y) const { return data + y * pitch; }
};

// One vertical pass over a chunk, producing rows in order on demand into a
// ring of 2r'+3 rows, where r' is the radius of the pass that reads them: the
// reader needs rows i−r'−1 … i+r'+1 at once. Every pass starts at row 0 and
// walks to the bottom, so the rows the reader asks for are always in the ring.
template <class Input> class VerticalPass {
  public:
    VerticalPass(Input& in, const BoxPass& k, int height, int lanes, int slots)
        : in_(in), k_(k), h_(height), lanes_(lanes), slots_(slots),
          ring_(buffer<I32x4>(static_cast<std::size_t>(slots) * kChunk)),
          sums_(buffer<I32x4>(kChunk)) {
        for (int l = 0; l < lanes_; ++l)
            sums_[l] = I32x4{0, 0, 0, 0};
        for (int j = -k_.radius; j <= k_.radius; ++j) {
            const auto* p = in_.row(clampIndex(j, h_));
            for (int l = 0; l < lanes_; ++l)
                sums_[l] += load(p[l]);
        }
    }

    // Row y of this pass's output (0 <= y < height), computing up to it.
    const I32x4* row(int y) {
        while (next_ <= y) {
            I32x4* dst = ring_.get() + static_cast<std::ptrdiff_t>(next_ % slots_) * kChunk;
            produce([dst](int l, F32x4 v) { dst[l] = settle(v); });
        }
        return ring_.get() + static_cast<std::ptrdiff_t>(y % slots_) * kChunk;
    }

    // Computes the next row, handing each pixel to sink(lane, value + 0.5).
    template <class Sink> void produce(Sink&& sink) {
        const int r = k_.radius, i = next_++;
        const auto* after = in_.row(clampIndex(i + r + 1, h_)); // first: it may advance the input
        const auto* before = in_.row(clampIndex(i - r - 1, h_));
        const auto* first = in_.row(clampIndex(i - r, h_));
        const F32x4 weight = splat(k_.weight), endWeight = splat(k_.endWeight), half = splat(0.5f);
        I32x4* sums = sums_.get();
        for (int l = 0; l < lanes_; ++l) {
            const I32x4 enter = load(after[l]);
            const I32x4 ends = load(before[l]) + enter;
            sink(l, toFloat(sums[l]) * weight + toFloat(ends) * endWeight + half);
            sums[l] += enter - load(first[l]);
        }
    }

  private:
    Input& in_;
    BoxPass k_;
    int h_, lanes_, slots_, next_ = 0;
    std::unique_ptr<I32x4[]> ring_, sums_;
};

// Runs the last vertical pass of a chunk; rowSink(y) gives the callable that
// receives (lane, value + 0.5) for output row y.
template <class Input, class RowSink>
void lastPass(Input& in, const BoxPass& k, int h, int lanes, RowSink&& rowSink) {
    VerticalPass<Input> last(in, k, h, lanes, 1);
    for (int y = 0; y < h; ++y)
        last.produce(rowSink(y));
}

// One, two or three chained vertical passes (all this file's callers need).
template <class RowSink>
void verticalPasses(MidRows& src, const std::vector<BoxPass>& p, int h, int lanes,
                    RowSink&& rowSink) {
    const auto slotsFor = [&](std::size_t reader) { return 2 * p[reader].radius + 3; };
    if (p.size() == 1) return lastPass(src, p[0], h, lanes, rowSink);
    VerticalPass<MidRows> first(src, p[0], h, lanes, slotsFor(1));
    if (p.size() == 2) return lastPass(first, p[1], h, lanes, rowSink);
    VerticalPass<VerticalPass<MidRows>> second(first, p[1], h, lanes, slotsFor(2));
    lastPass(second, p[2], h, lanes, rowSink);
}

// Runs `passes` along one row (src), ping-ponging through a and b; the last
// pass goes to `last`.
template <class Sink>
void horizontalPasses(const std::vector<BoxPass>& passes, const I32x4* src, I32x4* a, I32x4* b,
                      int n, I32x4* sum, Sink&& last) {
    const I32x4* from = src;
    for (std::size_t p = 0; p + 1 < passes.size(); ++p) {
        I32x4* to = (from == a) ? b : a;
        boxLine<1>(from, 1, n, passes[p], sum, [to](int i, int, F32x4 v) { to[i] = settle(v); });
        from = to;
    }
    boxLine<1>(from, 1, n, passes.back(), sum, last);
}

} // namespace

BoxPass boxPass(double extent) {
    extent = std::max(0.0, extent);
    const double r = std::floor(extent), alpha = extent - r;
    const double weight = 1.0 / (2 * r + 1 + 2 * alpha);
    return {static_cast<int>(r), static_cast<float>(weight), static_cast<float>(alpha * weight)};
}

BoxPass boxPassForVariance(double v) {
    v = std::max(0.0, v);
    // Widest whole box not exceeding v (2r+1 taps have variance r(r+1)/3), then
    // the end weight α that makes up the rest exactly:
    // v = (r(r+1)(2r+1)/3 + 2α(r+1)²) / (2r+1+2α).
    double r = std::floor((std::sqrt(12 * v + 1) - 1) / 2);
    if ((r + 1) * (r + 2) / 3 <= v) r += 1; // sqrt rounding
    const double alpha = (2 * r + 1) * (v - r * (r + 1) / 3) / (2 * ((r + 1) * (r + 1) - v));
    return boxPass(r + std::clamp(alpha, 0.0, 1.0));
}

std::vector<BoxPass> gaussianPasses(double sigma) {
    const BoxPass pass = boxPassForVariance(sigma * sigma / 3);
    return {pass, pass, pass};
}

void separableBlur(ConstFrameView in, FrameView out, const std::vector<BoxPass>& horizontal,
                   const std::vector<BoxPass>& vertical, const RowRunner& rows) {
    const int w = in.width, h = in.height;
    if (w <= 0 || h <= 0) return;
    const auto wz = static_cast<std::size_t>(w);
    if (horizontal.size() > 3 || vertical.size() > 3)
        throw std::logic_error("box_blur: at most 3 passes");

    // Horizontal passes, row by row, into a premultiplied intermediate frame.
    auto mid = buffer<U16x4>(wz * static_cast<std::size_t>(h));
    rows.run(h, [&](int begin, int end) {
        auto src = buffer<I32x4>(wz), a = buffer<I32x4>(wz), b = buffer<I32x4>(wz);
        I32x4 sum;
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            U16x4* row = mid.get() + static_cast<std::size_t>(y) * wz;
            if (horizontal.empty()) {
                for (int x = 0; x < w; ++x)
                    row[x] = narrow(premultiply(s + 4 * x));
                continue;
            }
            for (int x = 0; x < w; ++x)
                src[static_cast<std::size_t>(x)] = premultiply(s + 4 * x);
            horizontalPasses(horizontal, src.get(), a.get(), b.get(), w, &sum,
                             [row](int x, int, F32x4 v) { row[x] = narrow(settle(v)); });
        }
    });

    // Vertical passes on chunks of columns, each chunk top to bottom through
    // rings of rows, straight back to 8-bit RGBA.
    const int chunks = (w + kChunk - 1) / kChunk;
    rows.run(chunks, [&](int begin, int end) {
        for (int c = begin; c < end; ++c) {
            const int x0 = c * kChunk, lanes = std::min(kChunk, w - x0);
            MidRows src{mid.get() + x0, static_cast<std::ptrdiff_t>(w)};
            const FrameView chunk{out.data + 4 * x0, lanes, h, out.stride};
            if (vertical.empty()) {
                for (int y = 0; y < h; ++y) {
                    std::uint8_t* d = chunk.row(y);
                    for (int l = 0; l < lanes; ++l)
                        unpremultiply(toFloat(widen(src.row(y)[l])) + splat(0.5f), d + 4 * l);
                }
                continue;
            }
            verticalPasses(src, vertical, h, lanes, [&chunk](int y) {
                std::uint8_t* d = chunk.row(y);
                return [d](int l, F32x4 v) { unpremultiply(v, d + 4 * l); };
            });
        }
    });
}

std::vector<U16x4> blurLuma(ConstFrameView in, const std::vector<BoxPass>& passes,
                            const RowRunner& rows) {
    const int w = in.width, h = in.height;
    const int groups = (w + 3) / 4;
    const auto gz = static_cast<std::size_t>(groups);
    std::vector<U16x4> out(gz * static_cast<std::size_t>(std::max(h, 0)));
    if (w <= 0 || h <= 0) return out;
    if (passes.size() > 3) throw std::logic_error("box_blur: at most 3 passes");
    const auto luma = [&](int x, int y) {
        const std::uint8_t* p = in.row(y) + 4 * x;
        return lumaX256(p[0], p[1], p[2]);
    };
    if (passes.empty()) {
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                out[static_cast<std::size_t>(y) * gz + static_cast<std::size_t>(x / 4)][x % 4] =
                    static_cast<std::uint16_t>(luma(x, y));
        return out;
    }

    // Horizontal passes on four rows at once (one per lane) into a plane of
    // four columns per element; columns past the width stay 0.
    std::vector<U16x4> mid(out.size(), U16x4{0, 0, 0, 0});
    rows.run((h + 3) / 4, [&](int begin, int end) {
        const auto n = static_cast<std::size_t>(w);
        auto src = buffer<I32x4>(n), a = buffer<I32x4>(n), b = buffer<I32x4>(n);
        I32x4 sum;
        for (int q = begin; q < end; ++q) {
            const int y0 = 4 * q;
            int ys[4];
            for (int l = 0; l < 4; ++l)
                ys[l] = std::min(y0 + l, h - 1); // the last quad repeats its last row
            for (int x = 0; x < w; ++x)
                src[static_cast<std::size_t>(x)] =
                    I32x4{luma(x, ys[0]), luma(x, ys[1]), luma(x, ys[2]), luma(x, ys[3])};
            horizontalPasses(
                passes, src.get(), a.get(), b.get(), w, &sum, [&](int x, int, F32x4 v) {
                    const I32x4 r = settle(v);
                    for (int l = 0; l < 4 && y0 + l < h; ++l)
                        mid[static_cast<std::size_t>(y0 + l) * gz + static_cast<std::size_t>(x / 4)]
                           [x % 4] = static_cast<std::uint16_t>(r[l]);
                });
        }
    });

    // Vertical passes on chunks of kChunk column groups (four columns per lane).
    const int chunks = (groups + kChunk - 1) / kChunk;
    rows.run(chunks, [&](int begin, int end) {
        for (int c = begin; c < end; ++c) {
            const int g0 = c * kChunk, lanes = std::min(kChunk, groups - g0);
            MidRows src{mid.data() + g0, static_cast<std::ptrdiff_t>(groups)};
            verticalPasses(src, passes, h, lanes, [&](int y) {
                U16x4* d =
                    out.data() + static_cast<std::size_t>(y) * gz + static_cast<std::size_t>(g0);
                return [d](int l, F32x4 v) { d[l] = narrow(settle(v)); };
            });
        }
    });
    return out;
}

} // namespace entropic::fx
