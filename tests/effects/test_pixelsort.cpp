#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "entropic/effects/registry.h"
#include "entropic/effects/rng.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& sorter() {
    return *EffectRegistry::builtin().find("fx.pixelsort");
}

using Px = std::array<std::uint8_t, 4>;

int luma(const Px& p) {
    return (13933 * p[0] + 46871 * p[1] + 4732 * p[2] + 32768) >> 16;
}

Px at(const Frame& f, int x, int y) {
    const std::uint8_t* s = f.view().row(y) + 4 * x;
    return {s[0], s[1], s[2], s[3]};
}

Frame randomFrame(int w, int h, std::uint64_t seed) {
    Frame f(w, h);
    Rng rng(seed);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < 4 * w; ++x)
            f.view().row(y)[x] = static_cast<std::uint8_t>(rng.next() >> 56);
    return f;
}

// Checks one line: pixels outside [lo, hi] (luma) unchanged; each maximal run
// inside is a permutation of the input run, sorted by luma (stable).
void checkLine(const std::vector<Px>& in, const std::vector<Px>& out, int lo, int hi,
               bool reverse) {
    const int n = static_cast<int>(in.size());
    int i = 0;
    while (i < n) {
        const int k = luma(in[static_cast<std::size_t>(i)]);
        if (k < lo || k > hi) {
            CHECK(out[static_cast<std::size_t>(i)] == in[static_cast<std::size_t>(i)]);
            ++i;
            continue;
        }
        int e = i;
        while (e < n && luma(in[static_cast<std::size_t>(e)]) >= lo &&
               luma(in[static_cast<std::size_t>(e)]) <= hi)
            ++e;
        std::vector<Px> expect(in.begin() + i, in.begin() + e);
        std::stable_sort(expect.begin(), expect.end(), [reverse](const Px& a, const Px& b) {
            return reverse ? luma(a) > luma(b) : luma(a) < luma(b);
        });
        const std::vector<Px> got(out.begin() + i, out.begin() + e);
        CHECK(got == expect);
        i = e;
    }
}

std::vector<Px> rowOf(const Frame& f, int y) {
    std::vector<Px> r;
    for (int x = 0; x < f.width(); ++x)
        r.push_back(at(f, x, y));
    return r;
}
std::vector<Px> columnOf(const Frame& f, int x) {
    std::vector<Px> c;
    for (int y = 0; y < f.height(); ++y)
        c.push_back(at(f, x, y));
    return c;
}
} // namespace

TEST_CASE("pixelsort sorts every luminance interval stably and leaves the rest",
          "[effects][pixelsort]") {
    const Frame in = randomFrame(300, 6, 3); // runs long enough for the counting sort
    for (bool reverse : {false, true}) {
        for (auto [lo, hi] : {std::pair{0.0, 1.0}, std::pair{0.3, 0.85}, std::pair{0.1, 0.5}}) {
            ParamValues p(sorter().params);
            p.setNumber("lower", lo);
            p.setNumber("upper", hi);
            p.setNumber("reverse", reverse ? 1 : 0);
            const Frame out = test::process(sorter(), p, in);
            const int l = static_cast<int>(std::lround(lo * 255)),
                      h = static_cast<int>(std::lround(hi * 255));
            for (int y = 0; y < in.height(); ++y) {
                INFO("row " << y << " reverse " << reverse << " " << lo << ".." << hi);
                checkLine(rowOf(in, y), rowOf(out, y), l, h, reverse);
            }
        }
    }
}

TEST_CASE("pixelsort: short runs (insertion sort) agree with the reference too",
          "[effects][pixelsort]") {
    const Frame in = randomFrame(40, 30, 9);
    ParamValues p(sorter().params);
    p.setNumber("lower", 0.2);
    p.setNumber("upper", 0.7);
    const Frame out = test::process(sorter(), p, in);
    for (int y = 0; y < in.height(); ++y)
        checkLine(rowOf(in, y), rowOf(out, y), 51, 179, false);
}

TEST_CASE("pixelsort vertical sorts columns", "[effects][pixelsort]") {
    const Frame in = randomFrame(7, 200, 5);
    ParamValues p(sorter().params);
    p.setNumber("direction", 1);
    p.setNumber("lower", 0.25);
    p.setNumber("upper", 0.9);
    const Frame out = test::process(sorter(), p, in);
    for (int x = 0; x < in.width(); ++x)
        checkLine(columnOf(in, x), columnOf(out, x), 64, 230, false);
}

TEST_CASE("pixelsort by hue orders a run of hues, max_span cuts runs", "[effects][pixelsort]") {
    Frame in(6, 1);
    const Px hues[6] = {{0, 0, 255, 255},    // blue  (170)
                        {255, 0, 0, 255},    // red   (0)
                        {0, 255, 0, 255},    // green (85)
                        {255, 255, 0, 255},  // yellow (42)
                        {0, 255, 255, 255},  // cyan (128)
                        {255, 0, 255, 255}}; // magenta (213)
    for (int x = 0; x < 6; ++x)
        std::copy(hues[x].begin(), hues[x].end(), in.view().row(0) + 4 * x);
    ParamValues p(sorter().params);
    p.setNumber("lower", 0);
    p.setNumber("upper", 1);
    p.setNumber("sort_key", 1);
    Frame out = test::process(sorter(), p, in);
    const int order[6] = {1, 3, 2, 4, 0, 5};
    for (int x = 0; x < 6; ++x)
        CHECK(at(out, x, 0) == hues[order[x]]);

    p.setNumber("max_span", 3); // runs [0,3) and [3,6) sorted separately
    out = test::process(sorter(), p, in);
    const int split[6] = {1, 2, 0, 3, 4, 5};
    for (int x = 0; x < 6; ++x)
        CHECK(at(out, x, 0) == hues[split[x]]);
}

TEST_CASE("pixelsort: an empty interval is the identity", "[effects][pixelsort]") {
    const Frame in = randomFrame(50, 20, 2);
    ParamValues p(sorter().params);
    p.setNumber("lower", 0.9);
    p.setNumber("upper", 0.1);
    CHECK(test::samePixels(test::process(sorter(), p, in).view(), in.view()));
}

TEST_CASE("pixelsort at an angle: 0° is horizontal, ±90° vertical, 45° sorts diagonals",
          "[effects][pixelsort]") {
    const Frame in = randomFrame(37, 23, 8);
    ParamValues flat(sorter().params), angled(sorter().params);
    for (ParamValues* p : {&flat, &angled}) {
        p->setNumber("lower", 0.2);
        p->setNumber("upper", 0.9);
    }
    angled.setNumber("direction", 2);
    angled.setNumber("angle", 0);
    CHECK(test::samePixels(test::process(sorter(), angled, in).view(),
                           test::process(sorter(), flat, in).view()));
    flat.setNumber("direction", 1);
    for (double a : {90.0, -90.0}) {
        angled.setNumber("angle", a);
        CHECK(test::samePixels(test::process(sorter(), angled, in).view(),
                               test::process(sorter(), flat, in).view()));
    }

    // 45° counter-clockwise: lines go up and to the right, pixels (x, k − x), sorted left to right.
    angled.setNumber("angle", 45);
    const Frame out = test::process(sorter(), angled, in);
    for (int k = 0; k < 37 + 23 - 1; ++k) {
        std::vector<Px> a, b;
        for (int x = 0; x < 37; ++x)
            if (k - x >= 0 && k - x < 23)
                a.push_back(at(in, x, k - x)), b.push_back(at(out, x, k - x));
        INFO("diagonal " << k);
        checkLine(a, b, 51, 230, false);
    }
    // Any angle: a permutation of each line, hence of the frame, at every size.
    angled.setNumber("angle", -62);
    const Frame steep = test::process(sorter(), angled, in);
    std::vector<std::uint32_t> x, y;
    for (int r = 0; r < 23; ++r)
        for (int c = 0; c < 37; ++c) {
            std::uint32_t u, v;
            std::memcpy(&u, in.view().row(r) + 4 * c, 4);
            std::memcpy(&v, steep.view().row(r) + 4 * c, 4);
            x.push_back(u), y.push_back(v);
        }
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    CHECK(x == y);
}
