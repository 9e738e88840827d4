// TimelineRenderer::follow: decoders kept with a clock that plays cached
// frames (docs/performance.md, "Live latency") never change what render()
// then gives: the frames after a follow are those of a fresh renderer, at
// full and reduced scale, for a full-frame and a letterboxed clip, forwards
// and backwards.
#include <catch2/catch.hpp>

#include "entropic/engine/project/project.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;

namespace {

std::string hashOf(const fx::Frame& frame) {
    return fx::hashToHex(fx::frameHash(frame.view()));
}

} // namespace

TEST_CASE("a renderer that followed cached frames renders what a fresh one does",
          "[render][follow][media]") {
    const json noise = {{{"id", "noise-1"}, {"effect", "fx.noise"}, {"seed", 2}}};
    // 160×120 source: fills a 160×120 project, is letterboxed in 200×100.
    for (auto [width, height] : {std::pair{160, 120}, std::pair{200, 100}}) {
        const auto project = std::make_shared<const engine::Project>(engine::parseProject(
            test::clipProjectJson(test::testMedia("bframes.mp4"), 60, noise, width, height), ""));
        for (double scale : {1.0, 0.5}) {
            INFO(width << "x" << height << " at " << scale);
            engine::TimelineRenderer following(project, 1);
            following.render(5, scale);
            for (std::int64_t f = 6; f < 41; ++f)
                following.follow(f, scale);
            const std::string followed = hashOf(following.render(41, scale));
            engine::TimelineRenderer fresh(project, 1);
            CHECK(followed == hashOf(fresh.render(41, scale)));
            // Followed backwards (a loop wrapped) just the same.
            following.follow(20, scale);
            CHECK(hashOf(following.render(20, scale)) == hashOf(fresh.render(20, scale)));
        }
    }
}
