#include <catch2/catch.hpp>

#include <climits>
#include <cstring>
#include <vector>

#include "entropic/effects/registry.h"
#include "entropic/effects/seed.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& mosh() {
    return *EffectRegistry::builtin().find("fx.datamosh");
}

enum { Melt = 0, Bloom = 1, FreezeStill = 2, FreezeMoving = 3, Donor = 4 };

ParamValues moshParams(int mode, double decay = 0) {
    ParamValues p(mosh().params);
    p.setNumber("mode", mode);
    p.setNumber("decay", decay);
    return p;
}

// Every pixel distinct: where a pixel came from can be read off its value.
Frame coded(int w, int h) {
    Frame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = f.view().row(y) + 4 * x;
            p[0] = static_cast<std::uint8_t>(x * 8);
            p[1] = static_cast<std::uint8_t>(y * 8);
            p[2] = static_cast<std::uint8_t>(x + y * w);
            p[3] = 255;
        }
    return f;
}

Frame flat(int w, int h, std::uint8_t v) {
    Frame f(w, h);
    f.fill(v, v, v, 255);
    return f;
}

// A block of w×h pixels centred at (cx, cy) that came from centre (sx, sy).
MotionVector mv(int w, int h, int cx, int cy, int sx, int sy, int direction = -1) {
    MotionVector v;
    v.w = static_cast<std::int16_t>(w);
    v.h = static_cast<std::int16_t>(h);
    v.dstX = cx;
    v.dstY = cy;
    v.srcX = sx;
    v.srcY = sy;
    v.direction = static_cast<std::int8_t>(direction);
    return v;
}

const std::uint8_t* px(const Frame& f, int x, int y) {
    return f.view().row(y) + 4 * x;
}
bool samePixel(const Frame& a, int ax, int ay, const Frame& b, int bx, int by) {
    return std::memcmp(px(a, ax, ay), px(b, bx, by), 4) == 0;
}
} // namespace

TEST_CASE("datamosh melt: each block takes the held picture's pixels from its source",
          "[effects][datamosh]") {
    const Frame a = coded(24, 16);
    const Frame black = flat(24, 16, 0);
    auto state = mosh().makeState();
    const ParamValues p = moshParams(Melt);
    // Frame 0 is a keyframe: the real picture, captured as the held one.
    CHECK(test::samePixels(test::process(mosh(), p, a, {}, state.get(), 0).view(), a.view()));

    // The 4×4 block at [8, 12) × [8, 12) came from 4 px left and 1 px up.
    const std::vector<MotionVector> motion = {mv(4, 4, 10, 10, 6, 9)};
    const Frame out = test::process(mosh(), p, black, motion, state.get(), 1);
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 24; ++x) {
            INFO(x << "," << y);
            const bool inBlock = x >= 8 && x < 12 && y >= 8 && y < 12;
            CHECK(samePixel(out, x, y, a, inBlock ? x - 4 : x, inBlock ? y - 1 : y));
        }
}

TEST_CASE("datamosh melt accumulates: the pushed picture is pushed again", "[effects][datamosh]") {
    const Frame a = coded(16, 8);
    auto state = mosh().makeState();
    const ParamValues p = moshParams(Melt);
    test::process(mosh(), p, a, {}, state.get(), 0);
    // One block the width of the frame over rows 2..5, moving 2 px right per frame.
    const std::vector<MotionVector> motion = {mv(16, 4, 8, 4, 6, 4)};
    Frame out;
    for (int k = 1; k <= 3; ++k)
        out = test::process(mosh(), p, flat(16, 8, 9), motion, state.get(), k);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 16; ++x) {
            INFO(x << "," << y);
            const bool moved = y >= 2 && y < 6;
            // Three pushes of 2 px; the left edge repeats as a codec's reference would.
            CHECK(samePixel(out, x, y, a, moved ? std::max(0, x - 6) : x, y));
        }
}

TEST_CASE("datamosh clips vectors that lie partly or wholly off the frame", "[effects][datamosh]") {
    const Frame a = coded(20, 12);
    auto state = mosh().makeState();
    const ParamValues p = moshParams(Melt);
    test::process(mosh(), p, a, {}, state.get(), 0);
    const std::vector<MotionVector> motion = {
        mv(8, 8, 1, 1, 4, 1), // partly off the top left: [−3, 5) × [−3, 5), from 3 px right
        mv(16, 16, 500, -300, 0, 0),                    // wholly off the frame
        mv(4, 4, 18, 10, 30, 10),                       // source off the right edge: edge pixels
        mv(16, 16, INT_MAX, INT_MIN, INT_MIN, INT_MAX), // nonsense must not crash
    };
    const Frame out = test::process(mosh(), p, flat(20, 12, 0), motion, state.get(), 1);
    for (int y = 0; y < 12; ++y)
        for (int x = 0; x < 20; ++x) {
            INFO(x << "," << y);
            if (x < 5 && y < 5)
                CHECK(samePixel(out, x, y, a, x + 3, y));
            else if (x >= 16 && y >= 8)
                CHECK(samePixel(out, x, y, a, 19, y));
            else
                CHECK(samePixel(out, x, y, a, x, y));
        }
}

TEST_CASE("datamosh turns future vectors round, a block's past vector wins",
          "[effects][datamosh]") {
    const Frame a = coded(16, 8);
    auto state = mosh().makeState();
    const ParamValues p = moshParams(Melt);
    test::process(mosh(), p, a, {}, state.get(), 0);
    const std::vector<MotionVector> motion = {
        mv(4, 4, 6, 2, 3, 2),    // past, listed first: from 3 px left
        mv(4, 4, 6, 2, 7, 2, 1), // the same block from the future: would be from 1 px left
        mv(4, 4, 10, 6, 11, 6,
           1), // future only: its content is 1 px right next frame → came from 1 px left
    };
    const Frame out = test::process(mosh(), p, flat(16, 8, 0), motion, state.get(), 1);
    CHECK(samePixel(out, 4, 0, a, 1, 0));
    CHECK(samePixel(out, 7, 3, a, 4, 3));
    CHECK(samePixel(out, 8, 4, a, 7, 4));
    CHECK(samePixel(out, 11, 7, a, 10, 7));
    CHECK(samePixel(out, 12, 4, a, 12, 4));
}

TEST_CASE("datamosh without motion vectors holds the picture and decays to the real one",
          "[effects][datamosh]") {
    const Frame first = flat(8, 6, 0), real = flat(8, 6, 200);
    SECTION("decay 0 holds forever") {
        auto state = mosh().makeState();
        test::process(mosh(), moshParams(Melt, 0), first, {}, state.get(), 0);
        for (int k = 1; k < 5; ++k)
            CHECK(test::samePixels(
                test::process(mosh(), moshParams(Melt, 0), real, {}, state.get(), k).view(),
                first.view()));
    }
    SECTION("decay halves the distance each frame") {
        for (int mode : {Melt, Bloom, FreezeStill, FreezeMoving, Donor}) {
            INFO("mode " << mode);
            auto state = mosh().makeState();
            test::process(mosh(), moshParams(mode, 0.5), first, {}, state.get(), 0);
            const int expected[] = {100, 150, 175, 188};
            for (int k = 1; k <= 4; ++k) {
                const Frame out =
                    test::process(mosh(), moshParams(mode, 0.5), real, {}, state.get(), k);
                CHECK(out.view().row(3)[4 * 2] == expected[k - 1]);
                CHECK(out.view().row(3)[4 * 2 + 3] == 255);
            }
        }
    }
    SECTION("a small decay still arrives, one level at a time at worst") {
        auto state = mosh().makeState();
        test::process(mosh(), moshParams(Melt, 0.01), first, {}, state.get(), 0);
        Frame out;
        for (int k = 1; k <= 20; ++k)
            out = test::process(mosh(), moshParams(Melt, 0.01), flat(8, 6, 12), {}, state.get(), k);
        CHECK(out.view().row(0)[0] == 12);
    }
}

TEST_CASE("datamosh drops a keyframe on the trigger, every N frames and every 60th frame",
          "[effects][datamosh]") {
    auto run = [](ParamValues p, std::int64_t last, std::int64_t fromFrame = 0) {
        auto state = mosh().makeState();
        Frame out;
        for (std::int64_t k = fromFrame; k <= last; ++k)
            out = test::process(mosh(), p, flat(8, 6, static_cast<std::uint8_t>(k)), {},
                                state.get(), k);
        return static_cast<int>(out.view().row(0)[0]);
    };
    ParamValues p = moshParams(Melt);
    p.setNumber("keyframe_every", 7);
    CHECK(run(p, 13) == 7);
    CHECK(run(p, 14) == 14);
    CHECK(run(p, 61, 50) == 60); // 60 is no multiple of 7: the 60-frame cap
    p.setNumber("trigger", 1);
    CHECK(run(p, 13) == 13);
    // A jump in frames or a new size resets the state: a keyframe.
    auto state = mosh().makeState();
    test::process(mosh(), moshParams(Melt), flat(8, 6, 1), {}, state.get(), 1);
    CHECK(test::process(mosh(), moshParams(Melt), flat(8, 6, 2), {}, state.get(), 2)
              .view()
              .row(0)[0] == 1);
    CHECK(test::process(mosh(), moshParams(Melt), flat(8, 6, 4), {}, state.get(), 4)
              .view()
              .row(0)[0] == 4);
    CHECK(test::process(mosh(), moshParams(Melt), flat(9, 6, 5), {}, state.get(), 5)
              .view()
              .row(0)[0] == 5);
}

TEST_CASE("datamosh freeze: blocks on one side of the threshold take the new frame",
          "[effects][datamosh]") {
    const Frame old = flat(16, 8, 10), fresh = flat(16, 8, 220);
    const std::vector<MotionVector> motion = {
        mv(8, 8, 4, 4, 4, 4),  // still
        mv(8, 8, 12, 4, 9, 4), // moving 3 px
    };
    for (int mode : {FreezeStill, FreezeMoving}) {
        INFO("mode " << mode);
        auto state = mosh().makeState();
        ParamValues p = moshParams(mode);
        p.setNumber("threshold", 2);
        test::process(mosh(), p, old, {}, state.get(), 0);
        const Frame out = test::process(mosh(), p, fresh, motion, state.get(), 1);
        const bool stillKeeps = mode == FreezeStill;
        CHECK(out.view().row(3)[4 * 2] == (stillKeeps ? 10 : 220));
        CHECK(out.view().row(3)[4 * 13] == (stillKeeps ? 220 : 10));
        // A threshold above the motion: everything is still.
        p.setNumber("threshold", 4);
        const Frame out2 = test::process(mosh(), p, flat(16, 8, 99), motion, state.get(), 2);
        CHECK(out2.view().row(3)[4 * 13] == (stillKeeps ? 220 : 99));
    }
}

TEST_CASE("datamosh donor: each frame's motion moves the donor once, never accumulating",
          "[effects][datamosh]") {
    const Frame a = coded(16, 8);
    auto state = mosh().makeState();
    const ParamValues p = moshParams(Donor);
    test::process(mosh(), p, a, {}, state.get(), 0);
    const std::vector<MotionVector> motion = {mv(16, 4, 8, 4, 6, 4)};
    for (int k = 1; k <= 3; ++k) {
        const Frame out = test::process(mosh(), p, flat(16, 8, 0), motion, state.get(), k);
        CHECK(samePixel(out, 9, 3, a, 7, 3));
        CHECK(samePixel(out, 9, 7, a, 9, 7));
    }
    // No motion: the donor itself.
    CHECK(test::samePixels(test::process(mosh(), p, flat(16, 8, 0), {}, state.get(), 4).view(),
                           a.view()));
}

TEST_CASE("datamosh bloom keeps pushing after the motion stops, melt does not",
          "[effects][datamosh]") {
    const Frame a = coded(32, 8);
    const std::vector<MotionVector> motion = {mv(32, 8, 16, 4, 14, 4)};
    for (int mode : {Melt, Bloom}) {
        INFO("mode " << mode);
        auto state = mosh().makeState();
        test::process(mosh(), moshParams(mode), a, {}, state.get(), 0);
        const Frame moved =
            test::process(mosh(), moshParams(mode), flat(32, 8, 0), motion, state.get(), 1);
        const Frame after =
            test::process(mosh(), moshParams(mode), flat(32, 8, 0), {}, state.get(), 2);
        if (mode == Melt) {
            CHECK(samePixel(moved, 10, 2, a, 8, 2));
            CHECK(test::samePixels(after.view(), moved.view()));
        } else {
            // Amplified (×2 by default) and carried on (sustain 0.8).
            CHECK_FALSE(samePixel(moved, 10, 2, a, 10, 2));
            CHECK_FALSE(test::samePixels(after.view(), moved.view()));
            CHECK(samePixel(moved, 10, 2, a, 9, 2)); // the first frame moves 0.4 × 2 px, rounded
            CHECK(samePixel(after, 20, 2, moved, 19, 2)); // still sliding right
        }
    }
}

TEST_CASE("datamosh replays exactly from the last 60-frame keyframe", "[effects][datamosh]") {
    // Per-frame synthetic motion: blocks of 8 px with hashed vectors, none in
    // the left column (there every mode keeps the held picture).
    auto motionOf = [](std::int64_t k) {
        std::vector<MotionVector> m;
        for (int by = 0; by < 6; ++by)
            for (int bx = 1; bx < 8; ++bx) {
                const std::uint64_t r = mix64(static_cast<std::uint64_t>(k * 1000 + by * 8 + bx));
                m.push_back(mv(
                    8, 8, bx * 8 + 4, by * 8 + 4, bx * 8 + 4 + static_cast<int>(r % 7) - 3,
                    by * 8 + 4 + static_cast<int>((r >> 8) % 7) - 3, (r >> 16) % 4 == 0 ? 1 : -1));
            }
        return m;
    };
    for (int mode : {Melt, Bloom, FreezeStill, FreezeMoving, Donor}) {
        INFO("mode " << mode);
        ParamValues p = moshParams(mode, 0.02);
        auto run = [&](std::int64_t from, std::int64_t to) {
            auto state = mosh().makeState();
            Frame out;
            for (std::int64_t k = from; k <= to; ++k)
                out = test::process(mosh(), p, test::syntheticFrame(64, 48, static_cast<int>(k)),
                                    motionOf(k), state.get(), k,
                                    mix64(static_cast<std::uint64_t>(k)));
            return out;
        };
        const Frame sequential = run(0, 130);
        CHECK(test::samePixels(run(70, 130).view(), sequential.view()));
        CHECK(test::samePixels(run(120, 130).view(), sequential.view()));
        CHECK_FALSE(test::samePixels(run(121, 130).view(), sequential.view()));
    }
}
