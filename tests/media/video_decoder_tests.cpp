// VideoDecoder: frame N is the same pixels however it is reached, equals what
// the ffmpeg CLI decodes, and honours rotation, odd sizes and output sizes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "entropic/engine/error.h"
#include "entropic/engine/media/video_decoder.h"
#include "media_test_util.h"

using namespace entropic;
using engine::DecoderOptions;
using engine::VideoDecoder;
using mediatest::clip;

namespace {

std::vector<std::uint64_t>
hashesInOrder(const std::string& path, const std::vector<std::int64_t>& order, std::int64_t count) {
    VideoDecoder dec(path);
    std::vector<std::uint64_t> hashes(static_cast<std::size_t>(count), 0);
    for (std::int64_t i : order) {
        const auto& f = dec.frame(i);
        REQUIRE(f.index == i);
        hashes[static_cast<std::size_t>(i)] = fx::frameHash(f.rgba.view());
    }
    return hashes;
}

} // namespace

TEST_CASE("seeking: every frame equals the straight decode, in any order", "[media][video][seek]") {
    for (const std::string name :
         {"bframes.mp4", "opengop.mp4", "vfr.mp4", "rotated.mp4", "odd.mp4"}) {
        DYNAMIC_SECTION(name) {
            const std::string path = clip(name);
            const std::int64_t n = VideoDecoder(path).frameCount();
            REQUIRE(n > 20);
            std::vector<std::int64_t> forward(static_cast<std::size_t>(n));
            std::iota(forward.begin(), forward.end(), 0);
            const auto straight = hashesInOrder(path, forward, n);
            // Consecutive frames of a moving test pattern differ: a stuck or
            // repeated frame would show here.
            for (std::int64_t i = 1; i < n; ++i)
                CHECK(straight[static_cast<std::size_t>(i)] !=
                      straight[static_cast<std::size_t>(i - 1)]);

            std::vector<std::int64_t> reverse(forward.rbegin(), forward.rend());
            CHECK(hashesInOrder(path, reverse, n) == straight);

            std::vector<std::int64_t> shuffled = forward;
            mediatest::TestRng rng{42};
            for (std::size_t i = shuffled.size() - 1; i > 0; --i)
                std::swap(shuffled[i], shuffled[static_cast<std::size_t>(
                                           rng.below(static_cast<std::int64_t>(i) + 1))]);
            CHECK(hashesInOrder(path, shuffled, n) == straight);

            // Jumps within and across GOPs, backwards by one, repeats.
            VideoDecoder dec(path);
            for (std::int64_t i : {n / 2, n / 2 + 1, n / 2 + 7, 3L, 2L, 1L, 0L, n - 1, n - 2, 13L,
                                   13L, 14L, n / 3}) {
                CAPTURE(i);
                CHECK(fx::frameHash(dec.frame(i).rgba.view()) ==
                      straight[static_cast<std::size_t>(i)]);
            }
        }
    }
}

TEST_CASE("straight decode matches the ffmpeg CLI frame for frame", "[media][video]") {
    struct Case {
        const char* name;
        int w, h;
    };
    for (const Case c :
         {Case{"bframes.mp4", 320, 240}, Case{"vfr.mp4", 320, 240}, Case{"odd.mp4", 161, 97},
          Case{"rotated.mp4", 240, 320}, Case{"opengop.mp4", 320, 240}}) {
        DYNAMIC_SECTION(c.name) {
            const auto reference = mediatest::ffmpegFrames(clip(c.name), c.w, c.h);
            VideoDecoder dec(clip(c.name));
            REQUIRE(dec.frameCount() == static_cast<std::int64_t>(reference.size()));
            for (std::int64_t i = 0; i < dec.frameCount(); ++i) {
                CAPTURE(i);
                const auto& f = dec.frame(i);
                REQUIRE(f.rgba.width() == c.w);
                REQUIRE(f.rgba.height() == c.h);
                // Same frame, converted by another swscale configuration: only rounding differs.
                CHECK(mediatest::meanAbsDiff(f.rgba.view(),
                                             reference[static_cast<std::size_t>(i)].view()) < 2.0);
            }
        }
    }
}

TEST_CASE("frame times and frameAt, constant and variable rate", "[media][video]") {
    VideoDecoder cfr(clip("bframes.mp4"));
    CHECK(cfr.frameSeconds(0) == 0.0);
    CHECK(cfr.frameSeconds(30) == Approx(1.0));
    CHECK(cfr.frameAt({1, 30}) == 1);
    CHECK(cfr.frameAt({1, 31}) == 0);
    CHECK(cfr.frameAt({299, 100}) == 89);
    CHECK(cfr.frameAt({3, 1}) == 90);
    CHECK(cfr.frameAt({100, 1}) == 119); // clamped
    CHECK(cfr.frameAt({0, 1}) == 0);

    // VFR frames start at 0, 1, 3, 4, 6, 7, … thirtieths of a second.
    VideoDecoder vfr(clip("vfr.mp4"));
    CHECK(vfr.frameSeconds(1) == Approx(1.0 / 30));
    CHECK(vfr.frameSeconds(2) == Approx(3.0 / 30));
    CHECK(vfr.frameSeconds(59) == Approx(88.0 / 30));
    CHECK(vfr.frameAt({2, 30}) == 1); // frame 1 is still on screen
    CHECK(vfr.frameAt({3, 30}) == 2);
    CHECK(vfr.frameAt({88, 30}) == 59);
    CHECK(vfr.frame(2).seconds == Approx(0.1));
}

TEST_CASE("rotation turns the pixels clockwise", "[media][video][rotation]") {
    VideoDecoder dec(clip("rotated.mp4"));
    const auto& f = dec.frame(0);
    REQUIRE(f.rgba.width() == 240);
    REQUIRE(f.rgba.height() == 320);
    // testsrc2 has a red corner at the stored bottom left; turned 90° clockwise it is shown top
    // left, and the stored top-right (cyan) comes to the bottom right.
    const auto px = [&](int x, int y) { return f.rgba.view().row(y) + x * 4; };
    CHECK(px(4, 4)[0] > 200);
    CHECK(px(4, 4)[1] < 60);
    CHECK(px(4, 4)[2] < 60);
    CHECK(px(235, 315)[0] < 60);
    CHECK(px(235, 315)[1] > 200);
    CHECK(px(235, 315)[2] > 200);
    CHECK(px(4, 4)[3] == 255);

    // An explicit output size is the size after rotation.
    VideoDecoder small(clip("rotated.mp4"), DecoderOptions{120, 160});
    CHECK(small.frame(0).rgba.width() == 120);
    CHECK(small.frame(0).rgba.height() == 160);
}

TEST_CASE("output size: scaling, odd sizes, changing it", "[media][video]") {
    VideoDecoder dec(clip("odd.mp4"));
    const auto full = fx::frameHash(dec.frame(5).rgba.view());
    CHECK(dec.frame(5).rgba.width() == 161);
    CHECK(dec.frame(5).rgba.height() == 97);
    dec.setOutputSize(81, 49);
    const auto& small = dec.frame(5);
    CHECK(small.rgba.width() == 81);
    CHECK(small.rgba.height() == 49);
    const auto smallHash = fx::frameHash(small.rgba.view());
    CHECK(smallHash != full);
    // The scaled frame is deterministic too, whatever came before.
    dec.frame(40);
    CHECK(fx::frameHash(dec.frame(5).rgba.view()) == smallHash);
    VideoDecoder fresh(clip("odd.mp4"), DecoderOptions{81, 49});
    CHECK(fx::frameHash(fresh.frame(5).rgba.view()) == smallHash);
}

TEST_CASE("motion vectors come with P and B frames when asked", "[media][video][motion]") {
    for (const std::string name : {"bframes.mp4", "rotated.mp4"}) {
        DYNAMIC_SECTION(name) {
            DecoderOptions opts;
            opts.exportMotionVectors = true;
            VideoDecoder dec(clip(name), opts);
            const int w = dec.info().width, h = dec.info().height;
            CHECK(dec.frame(0).motion.empty()); // a keyframe has none
            std::size_t withMotion = 0;
            bool future = false;
            for (std::int64_t i = 1; i < 12; ++i) {
                const auto& f = dec.frame(i);
                if (!f.motion.empty()) ++withMotion;
                for (const auto& mv : f.motion) {
                    future |= mv.direction > 0;
                    // Block centres lie inside the (rotated) output frame.
                    CHECK(mv.dstX >= 0);
                    CHECK(mv.dstX <= w);
                    CHECK(mv.dstY >= 0);
                    CHECK(mv.dstY <= h);
                }
            }
            CHECK(withMotion == 11);
            CHECK(future); // B-frames predict from the future too

            // The same frame yields the same vectors after a seek.
            const auto key = [](const std::vector<fx::MotionVector>& v) {
                std::vector<std::int64_t> k;
                for (const auto& m : v)
                    k.insert(k.end(), {m.w, m.h, m.srcX, m.srcY, m.dstX, m.dstY, m.direction});
                return k;
            };
            const auto first = key(dec.frame(5).motion);
            dec.frame(11);
            CHECK(key(dec.frame(5).motion) == first);

            VideoDecoder plain(clip(name));
            CHECK(plain.frame(5).motion.empty());
        }
    }
}

TEST_CASE("a frame outside the clip is an error naming the file", "[media][video]") {
    VideoDecoder dec(clip("bframes.mp4"));
    try {
        dec.frame(120);
        FAIL("no error");
    } catch (const engine::EngineError& e) {
        CHECK(e.code() == engine::errc::kOutOfRange);
        CHECK_THAT(e.what(), Catch::Contains("bframes.mp4"));
    }
    CHECK_THROWS_AS(dec.frame(-1), engine::EngineError);
    CHECK(dec.frame(119).index == 119); // still usable
}
