#include <catch2/catch.hpp>

#include <set>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& poster() {
    return *EffectRegistry::builtin().find("fx.posterize");
}
const EffectDescriptor& crush() {
    return *EffectRegistry::builtin().find("fx.bitcrush");
}

std::set<int> colourValues(const Frame& f) {
    std::set<int> v;
    for (int y = 0; y < f.height(); ++y)
        for (int x = 0; x < f.width(); ++x)
            for (int c = 0; c < 3; ++c)
                v.insert(f.view().row(y)[4 * x + c]);
    return v;
}

bool sameAlpha(const Frame& a, const Frame& b) {
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.view().row(y)[4 * x + 3] != b.view().row(y)[4 * x + 3]) return false;
    return true;
}
} // namespace

TEST_CASE("posterize: 2 levels give only 0 and 255, 256 the input", "[effects][posterize]") {
    const Frame in = test::syntheticFrame(64, 48, 1);
    ParamValues p(poster().params);
    p.setNumber("levels", 2);
    const Frame two = test::process(poster(), p, in);
    CHECK(colourValues(two) == std::set<int>{0, 255});
    CHECK(sameAlpha(two, in));
    CHECK(two.view().row(0)[0] == (in.view().row(0)[0] >= 128 ? 255 : 0));
    p.setNumber("levels", 256);
    CHECK(test::samePixels(test::process(poster(), p, in).view(), in.view()));
}

TEST_CASE("posterize rounds to the nearest level and is idempotent", "[effects][posterize]") {
    Frame in(4, 1);
    const std::uint8_t v[4] = {0, 31, 100, 200};
    for (int x = 0; x < 4; ++x)
        in.view().row(0)[4 * x] = v[x];
    ParamValues p(poster().params);
    p.setNumber("levels", 5); // 0, 64, 128, 191, 255
    const Frame once = test::process(poster(), p, in);
    CHECK(once.view().row(0)[0] == 0);
    CHECK(once.view().row(0)[4] == 0);   // 31 → 0.49 of a step: down
    CHECK(once.view().row(0)[8] == 128); // 100 → 1.57 steps: 2
    CHECK(once.view().row(0)[12] == 191);
    CHECK(colourValues(test::process(poster(), p, test::syntheticFrame(64, 48, 0))).size() == 5);
    CHECK(test::samePixels(test::process(poster(), p, once).view(), once.view()));
}

TEST_CASE("bitcrush: 8 bits and 1 px blocks are the identity, 1 bit is 0/255",
          "[effects][bitcrush]") {
    const Frame in = test::syntheticFrame(37, 29, 2);
    ParamValues p(crush().params);
    p.setNumber("bits", 8);
    p.setNumber("block", 1);
    CHECK(test::samePixels(test::process(crush(), p, in).view(), in.view()));
    p.setNumber("bits", 1);
    const Frame one = test::process(crush(), p, in);
    CHECK(colourValues(one) == std::set<int>{0, 255});
    CHECK(sameAlpha(one, in));
}

TEST_CASE("bitcrush blocks are the crushed mean of their pixels", "[effects][bitcrush]") {
    const int w = 11, h = 7, b = 4; // partial blocks on the right and bottom
    const Frame in = test::syntheticFrame(w, h, 0);
    ParamValues p(crush().params);
    p.setNumber("bits", 3);
    p.setNumber("block", b);
    const Frame out = test::process(crush(), p, in);
    CHECK(sameAlpha(out, in));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                const int x0 = x / b * b, y0 = y / b * b;
                const int x1 = std::min(w, x0 + b), y1 = std::min(h, y0 + b);
                int sum = 0, n = 0;
                for (int yy = y0; yy < y1; ++yy)
                    for (int xx = x0; xx < x1; ++xx, ++n)
                        sum += in.view().row(yy)[4 * xx + c];
                const int mean = (sum + n / 2) / n;
                const int expect = ((mean >> 5) * 255 + 3) / 7;
                INFO(x << "," << y << " c" << c);
                CHECK(out.view().row(y)[4 * x + c] == expect);
            }
}
