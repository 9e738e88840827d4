#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& levels() {
    return *EffectRegistry::builtin().find("util.levels");
}

// Identity settings, so each test changes one thing.
ParamValues identity() {
    ParamValues p(levels().params);
    p.setNumber("in_black", 0);
    p.setNumber("in_white", 1);
    p.setNumber("gamma", 1);
    p.setNumber("out_black", 0);
    p.setNumber("out_white", 1);
    return p;
}

Frame greys(std::initializer_list<std::uint8_t> values) {
    Frame f(static_cast<int>(values.size()), 1);
    int x = 0;
    for (auto v : values) {
        std::uint8_t* p = f.data() + 4 * x++;
        p[0] = p[1] = p[2] = v;
        p[3] = 77;
    }
    return f;
}

std::uint8_t red(const Frame& f, int x) {
    return f.data()[4 * x];
}
} // namespace

TEST_CASE("levels identity leaves every value alone", "[effects][levels]") {
    Frame in(256, 1);
    for (int v = 0; v < 256; ++v)
        in.data()[4 * v] = in.data()[4 * v + 1] = in.data()[4 * v + 2] = in.data()[4 * v + 3] =
            static_cast<std::uint8_t>(v);
    CHECK(test::samePixels(test::process(levels(), identity(), in).view(), in.view()));
}

TEST_CASE("levels maps known values exactly", "[effects][levels]") {
    const Frame in = greys({0, 51, 153, 255, 64});
    ParamValues p = identity();
    p.setNumber("in_black", 0.2);
    Frame out = test::process(levels(), p, in);
    CHECK(red(out, 0) == 0);
    CHECK(red(out, 1) == 0);   // 51 is the black point
    CHECK(red(out, 2) == 128); // (0.6 - 0.2) / 0.8 = 0.5 → 127.5 rounds up
    CHECK(red(out, 3) == 255);
    CHECK(out.data()[3] == 77); // alpha untouched

    p = identity();
    p.setNumber("gamma", 2);
    out = test::process(levels(), p, in);
    CHECK(red(out, 4) == 128); // sqrt(64/255) = 0.501 → 127.75
    CHECK(red(out, 3) == 255);

    p = identity();
    p.setNumber("out_black", 0.2);
    p.setNumber("out_white", 0.8);
    out = test::process(levels(), p, in);
    CHECK(red(out, 0) == 51);
    CHECK(red(out, 3) == 204);

    p = identity();
    p.setNumber("in_white", 0.6); // 153 and above become white
    out = test::process(levels(), p, in);
    CHECK(red(out, 2) == 255);
    CHECK(red(out, 1) == 85); // 0.2 / 0.6 = 1/3
}

TEST_CASE("levels on one channel leaves the others alone", "[effects][levels]") {
    const Frame in = greys({51, 200});
    ParamValues p = identity();
    p.setNumber("in_black", 0.2);
    p.setNumber("channel", 3); // blue
    const Frame out = test::process(levels(), p, in);
    CHECK(out.data()[0] == 51);
    CHECK(out.data()[1] == 51);
    CHECK(out.data()[2] == 0);
}
