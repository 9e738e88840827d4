#include <catch2/catch.hpp>

#include <cstring>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& blocks() {
    return *EffectRegistry::builtin().find("fx.block_displace");
}

// Every pixel unique: (x, y) coded in R, G and B.
Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = static_cast<std::uint8_t>(x), p[1] = static_cast<std::uint8_t>(y);
            p[2] = static_cast<std::uint8_t>((x >> 8) | ((y >> 8) << 4)), p[3] = 255;
        }
    return f;
}
int srcX(const Frame& f, int x, int y) {
    const auto* p = f.view().row(y) + 4 * x;
    return p[0] | ((p[2] & 15) << 8);
}
int srcY(const Frame& f, int x, int y) {
    const auto* p = f.view().row(y) + 4 * x;
    return p[1] | ((p[2] >> 4) << 8);
}
} // namespace

TEST_CASE("block_displace moves whole blocks by one offset each, within range",
          "[effects][block_displace]") {
    const int w = 160, h = 96, b = 16, m = 7;
    const Frame in = coded(w, h);
    ParamValues p(blocks().params);
    p.setNumber("block_size", b);
    p.setNumber("max_offset", m);
    p.setNumber("probability", 0.4);
    const Frame out = test::process(blocks(), p, in, nullptr, 0, 11);
    int moved = 0;
    for (int by = 0; by < h / b; ++by)
        for (int bx = 0; bx < w / b; ++bx) {
            // The block's offset is read off its centre; sources wrap around the frame.
            const int cx = bx * b + b / 2, cy = by * b + b / 2;
            const int dx = srcX(out, cx, cy) - cx, dy = srcY(out, cx, cy) - cy;
            CHECK(std::abs(dx) <= m);
            CHECK(std::abs(dy) <= m);
            if (dx || dy) ++moved;
            for (int y = by * b; y < by * b + b; ++y)
                for (int x = bx * b; x < bx * b + b; ++x) {
                    INFO(x << "," << y);
                    CHECK(srcX(out, x, y) == (x + dx + w) % w);
                    CHECK(srcY(out, x, y) == (y + dy + h) % h);
                }
        }
    CHECK(moved > 0);
    CHECK(moved < (w / b) * (h / b));
}

TEST_CASE("block_displace: probability 0 or offset 0 is the identity, snap moves by whole blocks",
          "[effects][block_displace]") {
    const Frame in = coded(100, 60);
    ParamValues p(blocks().params);
    p.setNumber("probability", 0);
    CHECK(test::samePixels(test::process(blocks(), p, in).view(), in.view()));
    p.setNumber("probability", 1);
    p.setNumber("max_offset", 0);
    CHECK(test::samePixels(test::process(blocks(), p, in).view(), in.view()));
    p.setNumber("max_offset", 40);
    p.setNumber("block_size", 10);
    p.setNumber("snap", 1);
    const Frame out = test::process(blocks(), p, in, nullptr, 0, 3);
    for (int y = 0; y < 60; y += 10)
        for (int x = 0; x < 100; x += 10) {
            const int sx = srcX(out, x, y), sy = srcY(out, x, y);
            CHECK(sx % 10 == 0);
            CHECK(sy % 10 == 0);
        }
}
