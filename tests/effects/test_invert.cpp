#include <catch2/catch.hpp>

#include "tone_support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& invert() {
    return test::effect("util.invert");
}
} // namespace

TEST_CASE("invert makes the negative of R, G and B", "[effects][invert]") {
    const Frame in = test::syntheticFrame(40, 30, 1);
    const Frame out = test::process(invert(), ParamValues(invert().params), in);
    for (std::size_t i = 0; i < in.byteSize(); ++i)
        CHECK(int(out.data()[i]) == (i % 4 == 3 ? in.data()[i] : 255 - in.data()[i]));
}

TEST_CASE("invert twice is the identity, on any channels", "[effects][invert]") {
    const Frame in = test::syntheticFrame(40, 30, 1);
    ParamValues p(invert().params);
    p.setNumber("green", 0);
    p.setNumber("alpha", 1);
    const Frame once = test::process(invert(), p, in);
    CHECK(int(once.data()[1]) == in.data()[1]);       // green kept
    CHECK(int(once.data()[3]) == 255 - in.data()[3]); // alpha inverted
    CHECK(test::samePixels(test::process(invert(), p, once).view(), in.view()));
}
