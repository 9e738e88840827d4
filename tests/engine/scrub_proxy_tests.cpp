// Scrub proxies (issue 14): every frame of a file, small and intra-only, for
// a dragged playhead. A proxy frame is shown only when render_frame asks for
// one, the exact frame replaces it otherwise, export never reads one, and a
// file changed on disk gets a new proxy instead of its old pictures.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "entropic/engine/error.h"
#include "entropic/engine/media/scrub_proxy.h"
#include "entropic/engine/media/video_decoder.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/export_job.h"
#include "running_engine.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;

namespace {

double meanAbsDiff(fx::ConstFrameView a, fx::ConstFrameView b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    double sum = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width * 4; ++x)
            if (x % 4 != 3) sum += std::abs(a.data[y * a.stride + x] - b.data[y * b.stride + x]);
    return sum / (3.0 * a.width * a.height);
}

// Polls proxy_status until every source is ready (or one failed).
json waitForProxies(test::RunningEngine& engine) {
    json status;
    for (int i = 0; i < 600; ++i) {
        status = engine.call({{"cmd", "proxy_status"}});
        bool all = !status["sources"].empty();
        for (const auto& s : status["sources"]) {
            REQUIRE(s["state"] != "failed");
            all = all && s["state"] == "ready";
        }
        if (all) return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("the proxies were not made in 30 s: " << status.dump());
    return status;
}

json renderFrame(test::RunningEngine& engine, std::int64_t frame, bool proxy) {
    const json reply = engine.call({{"cmd", "render_frame"}, {"frame", frame}, {"proxy", proxy}});
    REQUIRE(reply["ok"] == true);
    return reply;
}

} // namespace

TEST_CASE("a scrub proxy holds every frame of its file and finds frames by time as the decoder",
          "[proxy][media]") {
    const auto dir = test::scratchDir("proxy-file");
    for (const std::string name : {"bframes.mp4", "vfr.mp4", "rotated.mp4"}) {
        DYNAMIC_SECTION(name) {
            const std::string source = test::testMedia(name);
            const auto file = dir / (name + ".eproxy");
            std::atomic<bool> cancel{false};
            REQUIRE(engine::buildScrubProxy(source, file, cancel));
            engine::ScrubProxy proxy(file);
            engine::VideoDecoder exact(source);
            REQUIRE(proxy.frameCount() == exact.frameCount());
            CHECK(proxy.source() == source);
            CHECK(proxy.sourceVersion() == engine::fileVersion(source));
            // The display aspect, rotation applied.
            CHECK(std::abs(static_cast<double>(proxy.width()) / proxy.height() -
                           static_cast<double>(exact.info().width) / exact.info().height) < 0.02);
            for (std::int64_t ms = 0; ms < 4000; ms += 7) {
                const engine::Rational t{ms, 1000};
                REQUIRE(proxy.frameAt(t) == exact.frameAt(t));
            }
            engine::VideoDecoder small(source, {proxy.width(), proxy.height()});
            const std::int64_t n = proxy.frameCount();
            for (std::int64_t i = 0; i < n; i += 5) {
                INFO("frame " << i);
                // JPEG at quality 75 of a sharp test pattern: close, and
                // closer than any other frame of the moving pattern.
                const fx::Frame other = small.frame((i + 3) % n).rgba;
                const double same = meanAbsDiff(proxy.frame(i).view(), small.frame(i).rgba.view());
                CHECK(same < 6.0);
                CHECK(same < meanAbsDiff(proxy.frame(i).view(), other.view()));
            }
        }
    }
}

TEST_CASE("a proxy cut short or cancelled is never taken for one", "[proxy][media]") {
    const auto dir = test::scratchDir("proxy-damaged");
    const std::string source = test::testMedia("bframes.mp4");
    std::atomic<bool> cancel{false};
    const auto whole = dir / "whole.eproxy";
    REQUIRE(engine::buildScrubProxy(source, whole, cancel));
    const auto size = std::filesystem::file_size(whole);
    const auto cut = dir / "cut.eproxy";
    std::filesystem::copy_file(whole, cut);
    std::filesystem::resize_file(cut, size - 100);
    CHECK_THROWS(engine::ScrubProxy(cut));

    cancel = true;
    const auto stopped = dir / "stopped.eproxy";
    CHECK_FALSE(engine::buildScrubProxy(source, stopped, cancel));
    CHECK_FALSE(std::filesystem::exists(stopped));
    CHECK_FALSE(std::filesystem::exists(dir / "stopped.eproxy.part"));
}

TEST_CASE("render_frame shows a proxy frame only when asked, export never reads one, and a file "
          "changed on disk gets a new proxy",
          "[proxy][protocol]") {
    const auto dir = test::scratchDir("proxy-engine");
    ::setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
    // A copy the test may change on disk.
    const auto source = dir / "clip.mp4";
    std::filesystem::copy_file(test::testMedia("bframes.mp4"), source);
    const json project = test::clipProjectJson(source.string(), 90, json::array());

    test::RunningEngine engine;
    REQUIRE(engine.call({{"cmd", "cache_config"}, {"budget_mb", 0}})["ok"] == true);
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", project}})["ok"] == true);
    // Off until the editor turns it on: nothing is made, the exact frame comes.
    CHECK(renderFrame(engine, 40, true)["proxy"] == false);
    REQUIRE(engine.call({{"cmd", "proxy_config"}, {"enabled", true}})["ok"] == true);
    waitForProxies(engine);

    const json proxied = renderFrame(engine, 40, true);
    CHECK(proxied["proxy"] == true);
    const json exact = renderFrame(engine, 40, false);
    CHECK(exact["proxy"] == false);
    CHECK(exact["hash"] != proxied["hash"]); // a JPEG of the frame, not the frame

    // Export reads the files, never the proxies sitting in the cache folder.
    engine::ExportSettings settings;
    settings.path = (dir / "out.mp4").string();
    settings.frameHashesPath = (dir / "out.hashes").string();
    const auto parsed =
        std::make_shared<const engine::Project>(engine::parseProject(project, dir.string()));
    REQUIRE(engine::runExport(parsed, settings) == engine::ExportOutcome::Done);
    std::ifstream hashes(settings.frameHashesPath);
    std::int64_t index = 0;
    std::string hash, exported;
    while (hashes >> index >> hash)
        if (index == 40) exported = hash;
    CHECK(exported == exact["hash"].get<std::string>());

    // The file changes on disk (another clip under the same name): its old
    // proxy is never shown; a new one is made from the new pictures.
    std::filesystem::copy_file(test::testMedia("opengop.mp4"), source,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::last_write_time(source, std::filesystem::last_write_time(source) +
                                                 std::chrono::seconds(2));
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", project}})["ok"] == true);
    const json afterChange = renderFrame(engine, 40, true);
    CHECK(afterChange["proxy"] == false);
    const json newExact = renderFrame(engine, 40, false);
    CHECK(newExact["hash"] != exact["hash"]);
    waitForProxies(engine);
    const json newProxy = renderFrame(engine, 40, true);
    CHECK(newProxy["proxy"] == true);
    CHECK(newProxy["hash"] != proxied["hash"]);
    ::unsetenv("XDG_CACHE_HOME");
}
