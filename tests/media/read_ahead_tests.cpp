// Reading ahead (VideoDecoder::setReadAhead): a player's frames come from a
// thread that decodes the next ones beside the render thread; the pixels and
// motion vectors must be exactly those of the decoder without it, whatever
// order, size changes and pauses the player goes through.
#include <catch2/catch.hpp>

#include <chrono>
#include <numeric>
#include <thread>

#include "entropic/engine/media/video_decoder.h"
#include "media_test_util.h"

using namespace entropic;
using engine::DecoderOptions;
using engine::VideoDecoder;
using mediatest::clip;

namespace {

struct Step {
    std::int64_t frame;
    int width = 0; // 0: the displayed size
    int height = 0;
    int readAhead = 2;
    // Give the thread time to fill its queue first, so that the step meets a
    // full queue (a skip then drops frames and must wake the thread).
    bool settle = false;
};

std::uint64_t motionKey(const std::vector<fx::MotionVector>& motion) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const auto& m : motion)
        for (std::int64_t v :
             {std::int64_t{m.w}, std::int64_t{m.h}, std::int64_t{m.srcX}, std::int64_t{m.srcY},
              std::int64_t{m.dstX}, std::int64_t{m.dstY}, std::int64_t{m.direction}})
            h = (h ^ static_cast<std::uint64_t>(v)) * 1099511628211ULL;
    return h;
}

// Pixel and motion hashes of each step, reading ahead as each step says (or never).
std::vector<std::pair<std::uint64_t, std::uint64_t>>
play(const std::string& path, const std::vector<Step>& steps, bool readAhead, bool motion) {
    DecoderOptions options;
    options.exportMotionVectors = motion;
    VideoDecoder dec(path, options);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    for (const Step& s : steps) {
        if (readAhead) dec.setReadAhead(s.readAhead);
        if (readAhead && s.settle) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        dec.setOutputSize(s.width, s.height);
        const auto& f = dec.frame(s.frame);
        REQUIRE(f.index == s.frame);
        out.emplace_back(fx::frameHash(f.rgba.view()), motionKey(f.motion));
    }
    return out;
}

} // namespace

TEST_CASE("reading ahead gives the decoder's own frames in every order a player asks",
          "[media][video][readahead]") {
    for (const std::string name : {"bframes.mp4", "opengop.mp4", "vfr.mp4"}) {
        for (const bool motion : {false, true}) {
            DYNAMIC_SECTION(name << (motion ? " with motion vectors" : "")) {
                const std::string path = clip(name);
                const std::int64_t n = VideoDecoder(path).frameCount();
                REQUIRE(n > 40);
                std::vector<Step> steps;
                // Straight play, frames skipped (late frames, rate 2×), a jump
                // back, a jump past the wait gap, a size change mid-run (a tier
                // step), reading ahead switched off and on again, the last frame.
                for (std::int64_t i = 0; i < 12; ++i)
                    steps.push_back({i});
                steps.push_back({14, 0, 0, 2, true});
                steps.push_back({16});
                steps.push_back({17, 0, 0, 2, true});
                steps.push_back({5, 0, 0, 2, true});
                steps.push_back({6});
                steps.push_back({30, 0, 0, 2, true});
                steps.push_back({31, 96, 54, 2, true});
                for (std::int64_t i = 32; i < 36; ++i)
                    steps.push_back({i, 96, 54});
                steps.push_back({36, 96, 54, 0});
                steps.push_back({37, 96, 54, 0});
                for (std::int64_t i = 38; i < n; ++i)
                    steps.push_back({i});
                steps.push_back({n - 1});
                const auto plain = play(path, steps, false, motion);
                const auto ahead = play(path, steps, true, motion);
                REQUIRE(ahead.size() == plain.size());
                for (std::size_t i = 0; i < steps.size(); ++i) {
                    INFO("step " << i << ", frame " << steps[i].frame);
                    CHECK(ahead[i] == plain[i]);
                }
            }
        }
    }
}

TEST_CASE("a decoder reading ahead can be dropped at any moment", "[media][video][readahead]") {
    // The thread may be mid-frame: destruction waits for it, nothing leaks or races.
    for (int depth = 1; depth <= 3; ++depth) {
        VideoDecoder dec(clip("bframes.mp4"));
        dec.setReadAhead(depth);
        dec.frame(0);
        dec.frame(1);
    }
    VideoDecoder idle(clip("bframes.mp4"));
    idle.setReadAhead(2); // never asked for a frame: nothing to read on from
    SUCCEED("destroyed cleanly");
}

TEST_CASE("a decoder that stops reading ahead lets go of what it read",
          "[media][video][readahead]") {
    VideoDecoder dec(clip("bframes.mp4"));
    const auto expected = fx::frameHash(VideoDecoder(clip("bframes.mp4")).frame(9).rgba.view());
    dec.setReadAhead(3);
    dec.frame(0);
    dec.frame(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    dec.setReadAhead(0); // waits for the frame in flight, frees the rest
    dec.setReadAhead(3);
    // Reading starts again after the next decode, and the frames are still exact.
    for (std::int64_t i = 2; i < 10; ++i)
        REQUIRE(dec.frame(i).index == i);
    CHECK(fx::frameHash(dec.frame(9).rgba.view()) == expected);
}
