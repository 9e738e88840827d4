#include <catch2/catch.hpp>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& slit() {
    return *EffectRegistry::builtin().find("fx.slit_scan");
}

enum { Rows = 0, Columns = 1, Brightness = 2 };

ParamValues slitParams(int axis, int depth, bool reverse, bool blend) {
    ParamValues p(slit().params);
    p.setNumber("axis", axis);
    p.setNumber("depth", depth);
    p.setNumber("reverse", reverse ? 1 : 0);
    p.setNumber("blend", blend ? 1 : 0);
    return p;
}

// Frame k is flat with red = 4k: which frame a pixel came from can be read off.
Frame numbered(int w, int h, std::int64_t k) {
    Frame f(w, h);
    f.fill(static_cast<std::uint8_t>(4 * k), 30, 60, 255);
    return f;
}

template <class Source>
Frame run(const ParamValues& p, std::int64_t from, std::int64_t to, Source source) {
    auto state = slit().makeState();
    Frame out;
    for (std::int64_t k = from; k <= to; ++k)
        out = test::process(slit(), p, source(k), state.get(), k);
    return out;
}

int red(const Frame& f, int x, int y) {
    return f.view().row(y)[4 * x];
}
} // namespace

TEST_CASE("slit_scan rows: row y is depth·y/(h − 1) frames old", "[effects][slit_scan]") {
    auto source = [](std::int64_t k) { return numbered(5, 13, k); };
    const Frame hard = run(slitParams(Rows, 12, false, false), 0, 40, source);
    for (int y = 0; y < 13; ++y) {
        CHECK(red(hard, 0, y) == 4 * (40 - y));
        CHECK(red(hard, 4, y) == 4 * (40 - y));
        CHECK(hard.view().row(y)[1] == 30);
    }
    const Frame up = run(slitParams(Rows, 12, true, false), 0, 40, source);
    for (int y = 0; y < 13; ++y)
        CHECK(red(up, 2, y) == 4 * (40 - (12 - y)));
    // Blended: half-frame delays fall between two frames.
    const Frame soft = run(slitParams(Rows, 6, false, true), 0, 40, source);
    CHECK(red(soft, 0, 0) == 160);
    CHECK(red(soft, 0, 1) == 158); // 0.5 frame: (160 + 156) / 2
    CHECK(red(soft, 0, 2) == 156);
    CHECK(red(soft, 0, 12) == 4 * 34);
}

TEST_CASE("slit_scan columns sweep across", "[effects][slit_scan]") {
    auto source = [](std::int64_t k) { return numbered(9, 2, k); };
    const Frame out = run(slitParams(Columns, 8, false, false), 0, 30, source);
    for (int x = 0; x < 9; ++x)
        CHECK(red(out, x, 1) == 4 * (30 - x));
    const Frame back = run(slitParams(Columns, 8, true, false), 0, 30, source);
    for (int x = 0; x < 9; ++x)
        CHECK(red(back, x, 0) == 4 * (30 - (8 - x)));
}

TEST_CASE("slit_scan brightness: white is depth frames old, black is now", "[effects][slit_scan]") {
    // Left half black, right half white, alpha = the frame number.
    auto source = [](std::int64_t k) {
        Frame f(6, 2);
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 6; ++x) {
                std::uint8_t* p = f.view().row(y) + 4 * x;
                p[0] = p[1] = p[2] = x < 3 ? 0 : 255;
                p[3] = static_cast<std::uint8_t>(k);
            }
        return f;
    };
    const Frame out = run(slitParams(Brightness, 10, false, false), 0, 50, source);
    CHECK(out.view().row(1)[4 * 1 + 3] == 50);
    CHECK(out.view().row(1)[4 * 4 + 3] == 40);
    const Frame dark = run(slitParams(Brightness, 10, true, false), 0, 50, source);
    CHECK(dark.view().row(1)[4 * 1 + 3] == 40);
    CHECK(dark.view().row(1)[4 * 4 + 3] == 50);
}

TEST_CASE("slit_scan before the clip's start shows its first frame, and restarts after a jump",
          "[effects][slit_scan]") {
    auto source = [](std::int64_t k) { return numbered(3, 11, k); };
    const Frame early = run(slitParams(Rows, 10, false, false), 0, 4, source);
    for (int y = 0; y < 11; ++y)
        CHECK(red(early, 1, y) == 4 * std::max(0, 4 - y));
    auto state = slit().makeState();
    for (std::int64_t k = 0; k < 20; ++k)
        test::process(slit(), slitParams(Rows, 10, false, false), source(k), state.get(), k);
    const Frame jumped =
        test::process(slit(), slitParams(Rows, 10, false, false), source(30), state.get(), 30);
    CHECK(test::samePixels(jumped.view(), source(30).view()));
}

TEST_CASE("slit_scan after a seek: replaying 31 frames gives sequential play's bytes",
          "[effects][slit_scan]") {
    auto source = [](std::int64_t k) { return test::syntheticFrame(20, 40, static_cast<int>(k)); };
    const ParamValues p = slitParams(Rows, 31, false, true);
    const Frame sequential = run(p, 0, 90, source);
    CHECK(test::samePixels(run(p, 90 - 31, 90, source).view(), sequential.view()));
    CHECK_FALSE(test::samePixels(run(p, 90 - 30, 90, source).view(), sequential.view()));
}
