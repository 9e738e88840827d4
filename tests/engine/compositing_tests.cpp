// Tracks composite bottom to top with opacity and blend mode: the pixels of a
// two-track project against the formulas of docs/project-format.md, computed
// here by hand from the lone track's render.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "entropic/engine/project/project.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;

namespace {

constexpr int kW = 160, kH = 120;

// The clip on V1 and, optionally, the same clip on V2 over it.
engine::ProjectSnapshot twoTracks(const std::string& blend, double opacity, bool top = true) {
    json doc = test::clipProjectJson(test::testMedia("bframes.mp4"), 10, json::array(), kW, kH);
    if (top) {
        json v2 = doc["tracks"][0];
        v2["id"] = "V2";
        v2["clips"][0]["id"] = "c2";
        v2["blend"] = blend;
        v2["opacity"] = opacity;
        doc["tracks"].push_back(v2);
    } else {
        doc["tracks"][0]["blend"] = blend;
    }
    return std::make_shared<const engine::Project>(engine::parseProject(doc, ""));
}

fx::Frame renderFrame(const engine::ProjectSnapshot& project, std::int64_t frame = 4) {
    engine::TimelineRenderer r(project, 1);
    fx::Frame out(kW, kH);
    fx::copyPixels(r.render(frame).view(), out.view());
    return out;
}

// Every colour byte of `out` equals f(byte of `base`); alpha stays opaque.
template <typename F> bool everyByte(const fx::Frame& out, const fx::Frame& base, F f) {
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const std::uint8_t* o = out.view().row(y) + 4 * x;
            const std::uint8_t* b = base.view().row(y) + 4 * x;
            for (int c = 0; c < 3; ++c)
                if (o[c] != f(b[c])) return false;
            if (o[3] != 255) return false;
        }
    return true;
}

} // namespace

TEST_CASE("a track blends onto the tracks below by its mode and opacity", "[compositing][media]") {
    const fx::Frame base = renderFrame(twoTracks("normal", 1.0, false));
    // The picture is not flat, or the checks below would prove little.
    CHECK_FALSE(everyByte(base, base, [](int) { return 0; }));

    SECTION("normal at full opacity shows the top picture") {
        CHECK(everyByte(renderFrame(twoTracks("normal", 1.0)), base, [](int v) { return v; }));
    }
    SECTION("difference of a picture with itself is black") {
        CHECK(everyByte(renderFrame(twoTracks("difference", 1.0)), base, [](int) { return 0; }));
    }
    SECTION("multiply and screen") {
        CHECK(everyByte(renderFrame(twoTracks("multiply", 1.0)), base,
                        [](int v) { return (v * v + 127) / 255; }));
        CHECK(everyByte(renderFrame(twoTracks("screen", 1.0)), base,
                        [](int v) { return 255 - ((255 - v) * (255 - v) + 127) / 255; }));
    }
    SECTION("xor with itself is black, wrap add doubles modulo 256") {
        CHECK(everyByte(renderFrame(twoTracks("xor", 1.0)), base, [](int) { return 0; }));
        CHECK(everyByte(renderFrame(twoTracks("wrap_add", 1.0)), base,
                        [](int v) { return (2 * v) & 255; }));
    }
    SECTION("opacity weighs the blended colour against the picture below") {
        // a = 255 · round(0.5 · 255) = 32640 of 65025.
        CHECK(everyByte(renderFrame(twoTracks("difference", 0.5)), base,
                        [](int v) { return (v * (65025 - 32640) + 32512) / 65025; }));
        CHECK(everyByte(renderFrame(twoTracks("add", 0.5)), base, [](int v) {
            const int blended = std::min(2 * v, 255);
            return (blended * 32640 + v * (65025 - 32640) + 32512) / 65025;
        }));
    }
    SECTION("the lowest picture lays on normally, whatever its mode") {
        CHECK(everyByte(renderFrame(twoTracks("difference", 1.0, false)), base,
                        [](int v) { return v; }));
    }
}
