#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include <turbojpeg.h>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {
const EffectDescriptor& jpeg() {
    return *EffectRegistry::builtin().find("fx.jpeg_damage");
}

// The same rows through TurboJPEG directly: what an undamaged band must be.
Frame roundTrip(const Frame& in, int top, int rows, int quality, int subsamp) {
    const int w = in.width();
    std::vector<unsigned char> buf(tjBufSize(w, rows, subsamp));
    unsigned char* p = buf.data();
    unsigned long size = static_cast<unsigned long>(buf.size());
    Frame out(w, rows);
    tjhandle c = tjInitCompress(), d = tjInitDecompress();
    REQUIRE(tjCompress2(c, in.view().row(top), w, in.stride(), rows, TJPF_RGBA, &p, &size, subsamp,
                        quality, TJFLAG_ACCURATEDCT | TJFLAG_NOREALLOC) == 0);
    REQUIRE(tjDecompress2(d, p, size, out.data(), w, out.stride(), rows, TJPF_RGBA,
                          TJFLAG_ACCURATEDCT) == 0);
    tjDestroy(c);
    tjDestroy(d);
    return out;
}

bool sameRows(const Frame& a, int ya, const Frame& b, int yb, int rows, bool alpha) {
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < a.width(); ++x)
            for (int c = 0; c < (alpha ? 4 : 3); ++c)
                if (a.view().row(ya + y)[4 * x + c] != b.view().row(yb + y)[4 * x + c])
                    return false;
    return true;
}
} // namespace

TEST_CASE("jpeg_damage without damage is a real JPEG round trip per band, alpha kept",
          "[effects][jpeg_damage]") {
    const Frame in = test::syntheticFrame(50, 40, 1); // translucent corner: alpha must survive
    ParamValues p(jpeg().params);
    p.setNumber("damage", 0);
    p.setNumber("quality", 30);
    p.setNumber("band_height", 16);
    const int subsamp[] = {TJSAMP_444, TJSAMP_422, TJSAMP_420, TJSAMP_GRAY};
    for (int s = 0; s < 4; ++s) {
        INFO("subsampling " << s);
        p.setNumber("subsampling", s);
        const Frame out = test::process(jpeg(), p, in);
        for (int top = 0; top < 40; top += 16) {
            const int rows = std::min(16, 40 - top);
            CHECK(sameRows(out, top, roundTrip(in, top, rows, 30, subsamp[s]), 0, rows, false));
        }
        for (int y = 0; y < 40; ++y)
            for (int x = 0; x < 50; ++x)
                CHECK(out.view().row(y)[4 * x + 3] == in.view().row(y)[4 * x + 3]);
    }
}

TEST_CASE("jpeg_damage breaks only the bands it hits, differently for each seed",
          "[effects][jpeg_damage]") {
    const Frame in = test::naturalFrame(96, 320); // 10 bands of 32 rows
    ParamValues clean(jpeg().params);
    clean.setNumber("damage", 0);
    clean.setNumber("band_height", 32);
    ParamValues hit = clean;
    hit.setNumber("damage", 3);
    const Frame reference = test::process(jpeg(), clean, in);
    int seedsThatChanged = 0;
    std::vector<Frame> outs;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const Frame out = test::process(jpeg(), hit, in, nullptr, 0, seed);
        int broken = 0;
        for (int band = 0; band < 10; ++band)
            if (!sameRows(out, 32 * band, reference, 32 * band, 32, true)) ++broken;
        CHECK(broken <= 3); // three hits break at most three bands
        if (broken > 0) ++seedsThatChanged;
        outs.push_back(out);
    }
    CHECK(seedsThatChanged >= 5); // a hit that changes nothing is rare
    CHECK_FALSE(test::samePixels(outs[0].view(), outs[1].view()));
}

TEST_CASE("jpeg_damage survives heavy corruption of every kind without crashing",
          "[effects][jpeg_damage]") {
    // Many seeds × every subsampling at the worst damage: bytes all over the
    // scan. Must return (no crash, no hang) with every pixel written the same
    // way twice.
    const Frame in = test::naturalFrame(40, 36);
    ParamValues p(jpeg().params);
    p.setNumber("damage", 200);
    p.setNumber("burst", 64);
    p.setNumber("generations", 2);
    for (int s = 0; s < 4; ++s)
        for (int quality : {1, 50, 100})
            for (std::uint64_t seed = 0; seed < 25; ++seed) {
                INFO("subsampling " << s << " quality " << quality << " seed " << seed);
                p.setNumber("subsampling", s);
                p.setNumber("quality", quality);
                const Frame a = test::process(jpeg(), p, in, nullptr, 0, seed);
                const Frame b = test::process(jpeg(), p, in, nullptr, 0, seed);
                REQUIRE(test::samePixels(a.view(), b.view()));
            }
}

TEST_CASE("jpeg_damage: lower quality loses more, generations compound the damage",
          "[effects][jpeg_damage]") {
    const Frame in = test::naturalFrame(128, 96);
    ParamValues p(jpeg().params);
    p.setNumber("damage", 0);
    p.setNumber("subsampling", 0);
    p.setNumber("quality", 95);
    const double q95 = test::psnr(test::process(jpeg(), p, in).view(), in.view());
    p.setNumber("quality", 5);
    const double q5 = test::psnr(test::process(jpeg(), p, in).view(), in.view());
    CHECK(q95 > 35);
    CHECK(q5 < q95 - 8);
    // Re-saving at one quality barely changes a JPEG; re-damaging does.
    p.setNumber("damage", 2);
    const Frame once = test::process(jpeg(), p, in, nullptr, 0, 4);
    p.setNumber("generations", 3);
    const Frame thrice = test::process(jpeg(), p, in, nullptr, 0, 4);
    CHECK_FALSE(test::samePixels(thrice.view(), once.view()));
    CHECK(test::psnr(thrice.view(), in.view()) < test::psnr(once.view(), in.view()));
}
