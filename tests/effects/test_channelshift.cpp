#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& shift() {
    return *EffectRegistry::builtin().find("fx.channelshift");
}

ParamValues none() {
    ParamValues p(shift().params);
    for (const char* key : {"red_x", "red_y", "blue_x", "blue_y"})
        p.setNumber(key, 0);
    return p;
}

// Every channel of every pixel distinct: value encodes (x, y, channel).
Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c)
                f.view().row(y)[4 * x + c] = static_cast<std::uint8_t>(c * 64 + y * 8 + x);
    return f;
}

std::uint8_t at(const Frame& f, int x, int y, int c) {
    return f.view().row(y)[4 * x + c];
}
} // namespace

TEST_CASE("channelshift with no offsets is the identity", "[effects][channelshift]") {
    const Frame in = coded(8, 4);
    CHECK(test::samePixels(test::process(shift(), none(), in).view(), in.view()));
}

TEST_CASE("channelshift moves red and blue by exact pixels", "[effects][channelshift]") {
    const Frame in = coded(8, 4);
    ParamValues p = none();
    p.setNumber("red_x", 2);
    p.setNumber("blue_y", 1);
    const Frame out = test::process(shift(), p, in);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x) {
            INFO(x << "," << y);
            CHECK(at(out, x, y, 0) == at(in, (x + 6) % 8, y, 0)); // red moved right 2, wrapped
            CHECK(at(out, x, y, 1) == at(in, x, y, 1));
            CHECK(at(out, x, y, 2) == at(in, x, (y + 3) % 4, 2)); // blue moved down 1, wrapped
            CHECK(at(out, x, y, 3) == at(in, x, y, 3));
        }

    p.setNumber("edge", 1); // clamp
    p.setNumber("red_x", -3);
    const Frame clamped = test::process(shift(), p, in);
    CHECK(at(clamped, 0, 0, 0) == at(in, 3, 0, 0));
    CHECK(at(clamped, 4, 0, 0) == at(in, 7, 0, 0));
    CHECK(at(clamped, 7, 0, 0) == at(in, 7, 0, 0)); // past the edge: the edge pixel
    CHECK(at(clamped, 3, 0, 2) == at(in, 3, 0, 2)); // top row: blue clamped to row 0
}

TEST_CASE("channelshift offsets follow the render scale", "[effects][channelshift]") {
    const Frame in = coded(8, 4);
    ParamValues p = none();
    p.setNumber("red_x", 4);
    const Frame half = test::process(shift(), p, in, nullptr, 0, 1, 0.5);
    p.setNumber("red_x", 2);
    const Frame full = test::process(shift(), p, in);
    CHECK(test::samePixels(half.view(), full.view()));
    p.setNumber("red_x", 256); // larger than the frame: still wraps
    CHECK(at(test::process(shift(), p, in), 0, 0, 0) == at(in, 0, 0, 0)); // 256 % 8 == 0
}
