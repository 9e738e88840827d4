#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& crop() {
    return *EffectRegistry::builtin().find("util.crop");
}

ParamValues settings(std::initializer_list<std::pair<const char*, double>> values) {
    ParamValues p(crop().params);
    for (const char* edge : {"left", "right", "top", "bottom"})
        p.setNumber(edge, 0);
    for (const auto& [k, v] : values)
        p.setNumber(k, v);
    return p;
}

int alpha(const Frame& f, int x, int y) {
    return f.view().row(y)[4 * x + 3];
}
} // namespace

TEST_CASE("crop of nothing is the identity", "[effects][crop]") {
    const Frame in = test::syntheticFrame(33, 21, 0);
    CHECK(test::samePixels(test::process(crop(), settings({}), in).view(), in.view()));
}

TEST_CASE("crop cuts whole pixels, transparent or black", "[effects][crop]") {
    Frame in(20, 10);
    in.fill(200, 100, 50, 255);
    // 10 % of 20 = 2 px left, 25 % = 5 px right, 20 % of 10 = 2 px top.
    const Frame out =
        test::process(crop(), settings({{"left", 10}, {"right", 25}, {"top", 20}}), in);
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 20; ++x) {
            INFO(x << "," << y);
            const bool kept = x >= 2 && x < 15 && y >= 2;
            CHECK(alpha(out, x, y) == (kept ? 255 : 0));
            CHECK(int(out.view().row(y)[4 * x]) == 200); // colour kept under transparency
        }
    const Frame box =
        test::process(crop(), settings({{"top", 20}, {"bottom", 20}, {"fill", 1}}), in);
    CHECK(int(box.view().row(0)[0]) == 0);
    CHECK(alpha(box, 0, 0) == 255);
    CHECK(int(box.view().row(5)[0]) == 200);
}

TEST_CASE("crop edges between pixels and feathered edges are soft", "[effects][crop]") {
    Frame in(20, 4);
    in.fill(10, 20, 30, 255);
    // 12.5 % of 20 = 2.5 px: pixel 2 is half covered.
    const Frame half = test::process(crop(), settings({{"left", 12.5}}), in);
    CHECK(alpha(half, 1, 0) == 0);
    CHECK(alpha(half, 2, 0) == 128);
    CHECK(alpha(half, 3, 0) == 255);
    // Feather 8 px from a 5 % (1 px) edge: rises smoothly from the edge inwards.
    const Frame soft = test::process(crop(), settings({{"left", 5}, {"feather", 8}}), in);
    CHECK(alpha(soft, 0, 0) == 0);
    for (int x = 2; x < 9; ++x)
        CHECK(alpha(soft, x, 0) > alpha(soft, x - 1, 0));
    CHECK(alpha(soft, 10, 0) == 255);
    // Crossing edges crop everything.
    CHECK(alpha(test::process(crop(), settings({{"left", 60}, {"right", 60}}), in), 10, 1) == 0);
}
