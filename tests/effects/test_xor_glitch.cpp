#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& xorGlitch() {
    return *EffectRegistry::builtin().find("fx.xor_glitch");
}

// Every block hit, every bit allowed: tests narrow one thing at a time.
ParamValues everywhere(int op, int operand, int value) {
    ParamValues p(xorGlitch().params);
    p.setNumber("op", op);
    p.setNumber("operand", operand);
    p.setNumber("value", value);
    p.setNumber("bit_mask", 255);
    p.setNumber("coverage", 1);
    return p;
}

Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c)
                f.view().row(y)[4 * x + c] =
                    static_cast<std::uint8_t>(37 * x + 11 * y + 60 * c + 5);
    return f;
}

const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}
} // namespace

TEST_CASE("xor_glitch value mode: XOR, AND and OR of every colour byte, alpha kept",
          "[effects][xor_glitch]") {
    const Frame in = coded(3, 2);
    const Frame x = test::process(xorGlitch(), everywhere(0, 0, 0x5A), in);
    const Frame a = test::process(xorGlitch(), everywhere(1, 0, 0x5A), in);
    const Frame o = test::process(xorGlitch(), everywhere(2, 0, 0x5A), in);
    for (int yy = 0; yy < 2; ++yy)
        for (int xx = 0; xx < 3; ++xx) {
            for (int c = 0; c < 3; ++c) {
                const int v = px(in, xx, yy)[c];
                CHECK(px(x, xx, yy)[c] == (v ^ 0x5A));
                CHECK(px(a, xx, yy)[c] == (v & 0x5A));
                CHECK(px(o, xx, yy)[c] == (v | 0x5A));
            }
            CHECK(px(x, xx, yy)[3] == px(in, xx, yy)[3]);
        }
}

TEST_CASE("xor_glitch bit mask and channel choice limit what changes", "[effects][xor_glitch]") {
    const Frame in = coded(4, 3);
    ParamValues p = everywhere(1, 0, 0); // AND 0: clears every allowed bit
    p.setNumber("bit_mask", 0xF0);
    p.setNumber("channels", 2); // green only
    const Frame out = test::process(xorGlitch(), p, in);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x) {
            CHECK(px(out, x, y)[0] == px(in, x, y)[0]);
            CHECK(px(out, x, y)[1] == (px(in, x, y)[1] & 0x0F));
            CHECK(px(out, x, y)[2] == px(in, x, y)[2]);
        }
}

TEST_CASE("xor_glitch pattern is x XOR y, neighbour mode combines with the shifted pixel",
          "[effects][xor_glitch]") {
    const Frame in = coded(5, 4);
    const Frame pattern = test::process(xorGlitch(), everywhere(0, 2, 0), in);
    ParamValues n = everywhere(0, 3, 0);
    n.setNumber("shift_x", 1);
    n.setNumber("shift_y", -1);
    const Frame neighbour = test::process(xorGlitch(), n, in);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 5; ++x)
            for (int c = 0; c < 3; ++c) {
                CHECK(px(pattern, x, y)[c] == (px(in, x, y)[c] ^ (x ^ y)));
                // Shift (1, −1): the neighbour is one left and one below, wrapping.
                CHECK(px(neighbour, x, y)[c] ==
                      (px(in, x, y)[c] ^ px(in, (x + 4) % 5, (y + 1) % 4)[c]));
            }
}

TEST_CASE("xor_glitch corrupts whole blocks, a share set by coverage, the same seed undoes XOR",
          "[effects][xor_glitch]") {
    const Frame in = test::naturalFrame(80, 80);
    ParamValues p(xorGlitch().params); // defaults: seeded noise, top three bits
    p.setNumber("coverage", 0.5);
    p.setNumber("block", 8);
    p.setNumber("bit_mask", 255);
    const Frame out = test::process(xorGlitch(), p, in, nullptr, 0, 9);
    int hit = 0;
    for (int by = 0; by < 10; ++by)
        for (int bx = 0; bx < 10; ++bx) {
            int changed = 0;
            for (int y = 8 * by; y < 8 * by + 8; ++y)
                for (int x = 8 * bx; x < 8 * bx + 8; ++x)
                    changed += !std::equal(px(in, x, y), px(in, x, y) + 4, px(out, x, y));
            CHECK((changed == 0 || changed >= 60)); // a block is hit as a whole
            hit += changed > 0;
        }
    CHECK(hit > 30);
    CHECK(hit < 70);
    CHECK(test::samePixels(test::process(xorGlitch(), p, out, nullptr, 0, 9).view(), in.view()));
    CHECK_FALSE(
        test::samePixels(test::process(xorGlitch(), p, in, nullptr, 0, 10).view(), out.view()));
    p.setNumber("coverage", 0);
    CHECK(test::samePixels(test::process(xorGlitch(), p, in).view(), in.view()));
}
