#include <catch2/catch.hpp>

#include <cstring>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& mirror() {
    return *EffectRegistry::builtin().find("fx.mirror");
}
bool samePixel(const Frame& a, int ax, int ay, const Frame& b, int bx, int by) {
    return std::memcmp(a.view().row(ay) + 4 * ax, b.view().row(by) + 4 * bx, 4) == 0;
}
} // namespace

TEST_CASE("mirror reflects the kept half, mirroring twice is mirroring once", "[effects][mirror]") {
    for (auto [w, h] : {std::pair{10, 6}, std::pair{11, 7}, std::pair{1, 1}}) {
        const Frame in = test::syntheticFrame(w, h, 1);
        for (int mode = 0; mode < 3; ++mode)
            for (int side = 0; side < 2; ++side) {
                INFO(w << "x" << h << " mode " << mode << " side " << side);
                ParamValues p(mirror().params);
                p.setNumber("mode", mode);
                p.setNumber("side", side);
                const Frame once = test::process(mirror(), p, in);
                CHECK(test::samePixels(test::process(mirror(), p, once).view(), once.view()));
                for (int y = 0; y < h; ++y)
                    for (int x = 0; x < w; ++x) {
                        const bool ax = mode != 1, ay = mode != 0;
                        auto src = [side](int i, int n) {
                            return side ? std::max(i, n - 1 - i) : std::min(i, n - 1 - i);
                        };
                        CHECK(samePixel(once, x, y, in, ax ? src(x, w) : x, ay ? src(y, h) : y));
                        CHECK(samePixel(once, x, y, once, ax ? w - 1 - x : x,
                                        ay ? h - 1 - y : y)); // symmetric
                    }
            }
    }
}
