// Video features on synthetic frames.
#include <catch2/catch.hpp>

#include "entropic/signal/video_features.h"

using namespace entropic::sig;
using entropic::fx::Frame;

namespace {

Frame filled(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    Frame f(w, h);
    f.fill(r, g, b, 255);
    return f;
}

void set(Frame& f, int x, int y, std::uint8_t v) {
    std::uint8_t* p = f.data() + static_cast<std::ptrdiff_t>(y) * f.stride() + x * 4;
    p[0] = p[1] = p[2] = v;
    p[3] = 255;
}

// Vertical stripes `period` px wide (black, white, black, …).
Frame stripes(int w, int h, int period) {
    Frame f = filled(w, h, 0, 0, 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            set(f, x, y, (x / period) % 2 ? 255 : 0);
    return f;
}

Frame checkerboard(int w, int h) {
    Frame f = filled(w, h, 0, 0, 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            set(f, x, y, (x + y) % 2 ? 255 : 0);
    return f;
}

// A white square of side 16 at (x, 20) on black, 64×64.
Frame square(int x) {
    Frame f = filled(64, 64, 0, 0, 0);
    for (int y = 20; y < 36; ++y)
        for (int i = x; i < x + 16; ++i)
            set(f, i, y, 255);
    return f;
}

} // namespace

TEST_CASE("Mean luma and colour channels", "[signal][video]") {
    CHECK(measureVideoFrame(filled(8, 8, 0, 0, 0).view()).luma == 0.0);
    CHECK(measureVideoFrame(filled(8, 8, 255, 255, 255).view()).luma == 1.0);
    CHECK(measureVideoFrame(filled(8, 8, 128, 128, 128).view()).luma ==
          Approx(128.0 / 255).epsilon(1e-12));

    Frame half = filled(8, 4, 255, 0, 0);
    for (int y = 0; y < 4; ++y)
        for (int x = 4; x < 8; ++x) {
            std::uint8_t* p = half.data() + y * half.stride() + x * 4;
            p[0] = 0;
            p[2] = 255;
        }
    const auto f = measureVideoFrame(half.view());
    CHECK(f.red == 0.5);
    CHECK(f.green == 0.0);
    CHECK(f.blue == 0.5);
    CHECK(f.saturation == 1.0);
}

TEST_CASE("Hue of the mean colour and saturation", "[signal][video]") {
    CHECK(measureVideoFrame(filled(4, 4, 255, 0, 0).view()).hue == 0.0);
    CHECK(measureVideoFrame(filled(4, 4, 0, 255, 0).view()).hue == Approx(1.0 / 3));
    CHECK(measureVideoFrame(filled(4, 4, 0, 0, 255).view()).hue == Approx(2.0 / 3));
    CHECK(measureVideoFrame(filled(4, 4, 255, 255, 0).view()).hue == Approx(1.0 / 6));
    const auto grey = measureVideoFrame(filled(4, 4, 90, 90, 90).view());
    CHECK(grey.hue == 0.0);
    CHECK(grey.saturation == 0.0);
    CHECK(measureVideoFrame(filled(4, 4, 200, 100, 100).view()).saturation == Approx(0.5));
}

TEST_CASE("Sobel edge density orders synthetic images", "[signal][video]") {
    const double flat = measureVideoFrame(filled(64, 64, 128, 128, 128).view()).edges;
    const double one =
        measureVideoFrame(stripes(64, 64, 32).view()).edges; // one edge in the middle
    const double coarse = measureVideoFrame(stripes(64, 64, 8).view()).edges;
    const double fine = measureVideoFrame(stripes(64, 64, 2).view()).edges;
    CHECK(flat == 0.0);
    CHECK(one == 2.0 / 64); // the two columns beside the step see a full step
    CHECK(flat < one);
    CHECK(one < coarse);
    CHECK(coarse < fine);
    CHECK(coarse == 14.0 / 64); // 7 steps, two columns each
    CHECK(fine == 62.0 / 64);   // every column but the two outer ones is beside a step
}

TEST_CASE("A region measures only the pixels inside it", "[signal][video]") {
    const Frame f = stripes(64, 64, 32); // left half black, right half white
    CHECK(measureVideoFrame(f.view(), Region{0.5, 0, 0.5, 1}).luma == 1.0);
    CHECK(measureVideoFrame(f.view(), Region{0, 0, 0.5, 1}).luma == 0.0);
    CHECK(measureVideoFrame(f.view(), Region{0.25, 0, 0.5, 1}).luma == 0.5);
    CHECK(measureVideoFrame(f.view(), Region{0, 0, 0.25, 1}).edges == 0.0);
    CHECK(measureVideoFrame(f.view(), Region{0.25, 0, 0.5, 1}).edges == 2.0 / 32);
    CHECK(measureVideoFrame(f.view(), Region{0.5, 0.5, 0, 0.5}).luma == 0.0); // empty
}

TEST_CASE("Motion: static vs moving sequence", "[signal][video]") {
    VideoAnalyzer still;
    VideoAnalyzer moving;
    for (int i = 0; i < 10; ++i) {
        const auto s = still.push(square(10).view());
        const auto m = moving.push(square(10 + 4 * i).view());
        CHECK(s.motion == 0.0);
        // After the first frame, the moving square uncovers 4×16 px and covers 4×16 px.
        CHECK(m.motion == (i == 0 ? 0.0 : 128.0 / 4096));
    }
    CHECK(measureVideoFrame(square(20).view(), std::nullopt, square(10).view()).motion ==
          320.0 / 4096);
    // A size change restarts: no motion against a frame of another size.
    CHECK(moving.push(filled(32, 32, 255, 255, 255).view()).motion == 0.0);
    moving.reset();
    CHECK(moving.push(square(0).view()).motion == 0.0);
}

TEST_CASE("The analyzer gives what measureVideoFrame gives", "[signal][video]") {
    VideoAnalyzer a(Region{0.1, 0.2, 0.6, 0.5});
    Frame prev = checkerboard(40, 30);
    a.push(prev.view());
    const Frame next = stripes(40, 30, 3);
    const auto streamed = a.push(next.view());
    const auto direct = measureVideoFrame(next.view(), Region{0.1, 0.2, 0.6, 0.5}, prev.view());
    CHECK(streamed.luma == direct.luma);
    CHECK(streamed.edges == direct.edges);
    CHECK(streamed.motion == direct.motion);
    CHECK(streamed.motion > 0);
    CHECK(direct.get(SourceKind::VideoMotion) == direct.motion);
    CHECK(direct.get(SourceKind::AudioRms) == 0.0);
}
