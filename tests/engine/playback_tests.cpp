// Playback in the engine: which frame it renders next against the editor's
// clock, dynamic resolution, and the play / clock / stop commands streaming
// session-tagged frames into the ring.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <set>
#include <thread>

#include "entropic/engine/error.h"
#include "entropic/engine/render/playback_plan.h"
#include "entropic/engine/render/resolution_tiers.h"
#include "entropic/engine/server/command_server.h"
#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/engine_client.h"
#include "entropic/ipc/frame_ring.h"
#include "running_engine.h"
#include "test_support.h"

using namespace entropic;
using engine::PlaybackPlan;
using nlohmann::json;
using Kind = PlaybackPlan::Step::Kind;

namespace {

using Time = PlaybackPlan::Time;
Time at(double seconds) {
    return Time{} +
           std::chrono::duration_cast<Time::duration>(std::chrono::duration<double>(seconds));
}

engine::PlayStart playFrom(double position, double rate = 1, std::int64_t frames = 300) {
    engine::PlayStart s;
    s.session = 1;
    s.position = position;
    s.rate = rate;
    s.fps = 30;
    s.frameCount = frames;
    return s;
}

// Runs the plan against a clock that advances in real (fake) time, with every
// frame costing `cost(scale)` seconds; returns the frames produced in order.
std::vector<std::int64_t> simulate(PlaybackPlan& plan, double seconds, double cost,
                                   int lookahead = 2) {
    std::vector<std::int64_t> produced;
    double now = 0;
    while (now < seconds) {
        const auto step = plan.next(at(now), cost, lookahead);
        if (step.kind == Kind::End) break;
        if (step.kind == Kind::Wait) {
            now += step.waitSeconds + 1e-6;
            continue;
        }
        now += cost;
        plan.produced(step.frame);
        produced.push_back(step.frame);
    }
    return produced;
}

} // namespace

TEST_CASE("Playback plan: a cheap chain renders every frame in order, a little ahead",
          "[playback]") {
    PlaybackPlan plan;
    plan.start(playFrom(10), at(0));
    CHECK(plan.next(at(0), 0.005, 2).frame == 10);
    const auto frames = simulate(plan, 2.0, 0.005);
    REQUIRE(frames.size() >= 60);
    for (std::size_t i = 0; i < frames.size(); ++i)
        CHECK(frames[i] == 10 + static_cast<std::int64_t>(i));
    // Never more than the lookahead past the clock: at 2 s the clock is at frame 70.
    CHECK(frames.back() <= 70 + 2);
}

TEST_CASE("Playback plan: a slow chain skips late frames and never goes back", "[playback]") {
    PlaybackPlan plan;
    plan.start(playFrom(0), at(0));
    const double cost = 0.080; // 2.4 periods a frame
    const auto frames = simulate(plan, 3.0, cost);
    REQUIRE(frames.size() > 10);
    for (std::size_t i = 1; i < frames.size(); ++i)
        CHECK(frames[i] > frames[i - 1]);
    // Each frame is finished while it is still on screen (or before).
    PlaybackPlan replay;
    replay.start(playFrom(0), at(0));
    double now = 0;
    int checked = 0;
    while (now < 3.0) {
        const auto step = replay.next(at(now), cost, 2);
        if (step.kind == Kind::Wait) {
            now += step.waitSeconds + 1e-6;
            continue;
        }
        now += cost;
        replay.produced(step.frame);
        CHECK(replay.lead(step.frame, now * 30) > -1.0);
        ++checked;
    }
    CHECK(checked > 10);
}

TEST_CASE("Playback plan: the lookahead waits for the clock", "[playback]") {
    PlaybackPlan plan;
    plan.start(playFrom(0), at(0));
    plan.produced(0);
    plan.produced(1);
    plan.produced(2);
    const auto step = plan.next(at(0), 0.001, 2);
    REQUIRE(step.kind == Kind::Wait);
    CHECK(step.waitSeconds == Approx(1.0 / 30).margin(1e-9));
    CHECK(plan.next(at(1.0 / 30 + 1e-6), 0.001, 2).kind == Kind::Render);
}

TEST_CASE("Playback plan: loops wrap and reverse plays backwards", "[playback]") {
    SECTION("loop [20, 30) wraps to 20 after 29") {
        PlaybackPlan plan;
        auto s = playFrom(27);
        s.loop = engine::PlayLoop{20, 30};
        plan.start(s, at(0));
        const auto frames = simulate(plan, 1.0, 0.002);
        REQUIRE(frames.size() >= 25);
        const std::vector<std::int64_t> first(frames.begin(), frames.begin() + 15);
        CHECK(first == std::vector<std::int64_t>{27, 28, 29, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                                                 20, 21});
        CHECK(plan.positionAt(at(0.2)) == Approx(23.0)); // 27 + 6 frames, wrapped
    }
    SECTION("reverse from 50") {
        PlaybackPlan plan;
        plan.start(playFrom(50.5, -1), at(0));
        const auto frames = simulate(plan, 0.5, 0.002);
        REQUIRE(frames.size() >= 10);
        for (std::size_t i = 0; i < 10; ++i)
            CHECK(frames[i] == 50 - static_cast<std::int64_t>(i));
    }
    SECTION("the end of the project ends playback") {
        PlaybackPlan plan;
        plan.start(playFrom(295), at(0));
        const auto frames = simulate(plan, 5.0, 0.002);
        CHECK(frames == std::vector<std::int64_t>{295, 296, 297, 298, 299});
        CHECK(plan.next(at(5.0), 0.002, 2).kind == Kind::End);
    }
}

TEST_CASE("Playback plan: a clock report re-anchors the extrapolation", "[playback]") {
    PlaybackPlan plan;
    plan.start(playFrom(0), at(0));
    CHECK(plan.positionAt(at(1.0)) == Approx(30.0));
    plan.updateClock(25.0, at(1.0)); // the sound device is behind the steady clock
    CHECK(plan.positionAt(at(1.0)) == Approx(25.0));
    CHECK(plan.positionAt(at(2.0)) == Approx(55.0));
}

TEST_CASE("Resolution tiers step down under a slow chain and back up with headroom",
          "[playback][tiers]") {
    engine::ResolutionTiers tiers;
    const double period = 1000.0 / 30;
    // A chain costing 70 ms at full size, scaling with the pixel count.
    auto cost = [](double full, double scale) { return full * scale * scale; };
    for (int i = 0; i < 60; ++i)
        tiers.record(cost(70, tiers.scale()), period);
    CHECK(tiers.scale() == 0.5); // 39 ms at 75 % is still too slow; 17.5 ms at 50 % fits
    // The chain gets cheap (the artist bypassed an effect): back to full size.
    for (int i = 0; i < 200; ++i)
        tiers.record(cost(10, tiers.scale()), period);
    CHECK(tiers.tier() == 0);
    // A chain that fits never leaves full size.
    engine::ResolutionTiers steady;
    for (int i = 0; i < 300; ++i)
        steady.record(20, period);
    CHECK(steady.tier() == 0);
    tiers.reset();
    CHECK(tiers.scale() == 1.0);
}

TEST_CASE("Resolution tiers step back at once from a try that makes frames late, and try less "
          "often",
          "[playback][tiers]") {
    // A 4K file: the render thread costs little at any tier, but at full size
    // the decoder cannot keep up and frames come late.
    engine::ResolutionTiers tiers;
    const double period = 1000.0 / 30;
    std::vector<int> tries;
    int lateFrames = 0;
    for (int i = 0; i < 3000; ++i) {
        const int before = tiers.tier();
        const bool full = tiers.tier() == 0;
        const std::int64_t skipped = full && i > 30 ? 1 : 0; // late at 100 % once warm
        lateFrames += static_cast<int>(skipped);
        // 40 ms at 100 % while starting (so it steps down), 8 ms a frame otherwise.
        tiers.record(i < 5 ? 40 : 8, period, skipped);
        if (tiers.tier() < before) tries.push_back(i);
    }
    REQUIRE(tries.size() >= 3);
    CHECK(tries.size() <= 8);
    for (std::size_t k = 2; k < tries.size(); ++k)
        CHECK(tries[k] - tries[k - 1] >= tries[k - 1] - tries[k - 2]);
    CHECK(lateFrames <= static_cast<int>(tries.size())); // one late frame per try
    CHECK(tiers.tier() == 1);
}

TEST_CASE("Resolution tiers do not count the frames that pay for a step", "[playback][tiers]") {
    // Pipelined playback: the first two frames at a new size also convert
    // frames the decoder read ahead at the old size (+12 ms here). A chain
    // costing 27 ms at 75 % fits, and must stay there.
    engine::ResolutionTiers tiers;
    const double period = 1000.0 / 30;
    int atTier = 0, lastTier = 0;
    for (int i = 0; i < 300; ++i) {
        if (tiers.tier() != lastTier) atTier = 0, lastTier = tiers.tier();
        const double steady = tiers.tier() == 0 ? 45 : tiers.tier() == 1 ? 27 : 13;
        tiers.record(steady + (atTier++ < 2 ? 12 : 0), period);
        if (i > 20) REQUIRE(tiers.tier() == 1);
    }
    CHECK(tiers.scale() == 0.75);
}

namespace {

using PlayingEngine = test::RunningEngine;

json timeAt(double frame) {
    return {{"num", static_cast<std::int64_t>(std::llround(frame * 1000))}, {"den", 30000}};
}

} // namespace

TEST_CASE("play streams session-tagged frames that follow the clock, stop ends it",
          "[playback][protocol]") {
    PlayingEngine engine;
    REQUIRE(engine.call(
                {{"cmd", "load_project"},
                 {"project",
                  test::clipProjectJson(test::testMedia("bframes.mp4"), 90,
                                        {{{"id", "n1"}, {"effect", "fx.noise"}}})}})["ok"] == true);
    const json hello = engine.call({{"cmd", "hello"}});
    ipc::FrameRingReader ring(hello["ring"].get<std::string>());

    const json started =
        engine.call({{"cmd", "play"}, {"session", 7}, {"time", timeAt(10)}, {"rate", 1}});
    REQUIRE(started["ok"] == true);
    std::set<std::int64_t> seen;
    const auto begin = std::chrono::steady_clock::now();
    double clockFrame = 10;
    while (std::chrono::steady_clock::now() - begin < std::chrono::milliseconds(700)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
        clockFrame =
            10 +
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count() * 30;
        const json tick =
            engine.call({{"cmd", "clock"}, {"session", 7}, {"time", timeAt(clockFrame)}});
        REQUIRE(tick["ok"] == true);
        CHECK(tick["current"] == true);
        for (int slot = 0; slot < ring.slotCount(); ++slot) {
            ipc::RingFrameInfo info;
            if (ring.peek(static_cast<std::uint32_t>(slot), info) && info.session == 7) {
                seen.insert(info.frameIndex);
                CHECK(info.frameIndex >= 10);
                CHECK(info.frameIndex <= static_cast<std::int64_t>(clockFrame) + 3); // lookahead
            }
        }
    }
    CHECK(seen.size() >= 5);
    const json stopped = engine.call({{"cmd", "stop"}, {"session", 7}});
    REQUIRE(stopped["ok"] == true);
    CHECK(stopped["playing"] == false);
    CHECK(stopped["produced"].get<std::int64_t>() >= 5);
    CHECK(stopped["last_frame"].get<std::int64_t>() >= 20);

    // After stop, a clock for that session is not current and nothing more is written.
    CHECK(engine.call({{"cmd", "clock"}, {"session", 7}, {"time", timeAt(40)}})["current"] ==
          false);
    // render_frame still works, and its frame carries session 0.
    const json frame = engine.call({{"cmd", "render_frame"}, {"frame", 3}});
    REQUIRE(frame["ok"] == true);
    ipc::RingFrameInfo info;
    REQUIRE(ring.peek(frame["slot"].get<std::uint32_t>(), info));
    CHECK(info.session == 0);
    CHECK(info.frameIndex == 3);
}

TEST_CASE("play refuses a zero rate, a bad loop, an ahead past 64 and a missing project",
          "[playback][protocol]") {
    PlayingEngine engine;
    auto code = [](const json& r) { return r["error"]["code"].get<std::string>(); };
    CHECK(code(engine.call({{"cmd", "play"}, {"session", 1}, {"time", timeAt(0)}})) ==
          engine::errc::kNoProject);
    REQUIRE(engine.call({{"cmd", "load_project"},
                         {"project", test::clipProjectJson(test::testMedia("bframes.mp4"), 30,
                                                           json::array())}})["ok"] == true);
    CHECK(code(engine.call({{"cmd", "play"}, {"session", 1}, {"time", timeAt(0)}, {"rate", 0}})) ==
          engine::errc::kOutOfRange);
    CHECK(code(engine.call({{"cmd", "play"},
                            {"session", 1},
                            {"time", timeAt(0)},
                            {"loop", {{"first", 10}, {"end", 5}}}})) == engine::errc::kOutOfRange);
    CHECK(code(engine.call({{"cmd", "play"}, {"time", timeAt(0)}})) == engine::errc::kMissingField);
    CHECK(
        code(engine.call({{"cmd", "play"}, {"session", 1}, {"time", timeAt(0)}, {"ahead", 65}})) ==
        engine::errc::kOutOfRange);
    CHECK(engine.call({{"cmd", "play"}, {"session", 2}, {"time", timeAt(0)}, {"ahead", 1}})["ok"] ==
          true);
    CHECK(engine.call({{"cmd", "ping"}})["ok"] == true); // still serving
}

namespace {

// A chain slow at 1080p on any machine: the 320×240 test clip conformed to
// 1920×1080 and run through six full-frame effects.
json slowProject(int frames) {
    json effects = json::array();
    for (int i = 0; i < 3; ++i) {
        effects.push_back({{"id", "n" + std::to_string(i)}, {"effect", "fx.noise"}});
        effects.push_back({{"id", "c" + std::to_string(i)}, {"effect", "fx.channelshift"}});
    }
    return test::clipProjectJson(test::testMedia("bframes.mp4"), frames, effects, 1920, 1080);
}

bool covered(const json& status, std::int64_t first, std::int64_t end) {
    for (const auto& r : status.value("ranges", json::array()))
        if (r[0].get<std::int64_t>() <= first && r[1].get<std::int64_t>() >= end) return true;
    return false;
}

// Plays `session` from `from` for `ms`, reporting the clock like the editor; the stop reply.
json playFor(PlayingEngine& engine, int session, double from, int ms) {
    REQUIRE(engine.call({{"cmd", "play"}, {"session", session}, {"time", timeAt(from)}})["ok"] ==
            true);
    const auto begin = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - begin < std::chrono::milliseconds(ms)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(16));
        const double at =
            from +
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count() * 30;
        engine.call({{"cmd", "clock"}, {"session", session}, {"time", timeAt(at)}});
    }
    return engine.call({{"cmd", "stop"}, {"session", session}});
}

} // namespace

TEST_CASE("Frames that cannot be rendered while playing are counted as failed",
          "[playback][protocol]") {
    PlayingEngine engine;
    const json doc = test::clipProjectJson("gone/missing.mp4", 90, json::array());
    REQUIRE(
        engine.call({{"cmd", "load_project"}, {"project", doc}, {"base_dir", "/nowhere"}})["ok"] ==
        true);
    const json stats = playFor(engine, 5, 0, 400);
    INFO(stats.dump());
    REQUIRE(stats["ok"] == true);
    CHECK(stats["produced"] == 0);
    CHECK(stats["failed"].get<std::int64_t>() >= 3);
    // The clock reports them as they happen, too.
    REQUIRE(engine.call({{"cmd", "play"}, {"session", 6}, {"time", timeAt(0)}})["ok"] == true);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const json tick = engine.call({{"cmd", "clock"}, {"session", 6}, {"time", timeAt(6)}});
    CHECK(tick["failed"].get<std::int64_t>() >= 1);
}

TEST_CASE("A slow chain plays at a reduced tier, stopped, frames are full size again",
          "[playback][tiers][protocol]") {
    PlayingEngine engine;
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", slowProject(300)}})["ok"] == true);
    REQUIRE(engine.call({{"cmd", "cache_config"}, {"budget_mb", 0}})["ok"] == true);
    const json stats = playFor(engine, 11, 0, 3000);
    INFO(stats.dump());
    REQUIRE(stats["ok"] == true);
    CHECK(stats["tier_changes"].size() >= 1);
    CHECK(stats["tier_changes"][0]["tier"] == 1); // one step at a time: 75 % first
    const json frame = engine.call({{"cmd", "render_frame"}, {"frame", 40}});
    REQUIRE(frame["ok"] == true);
    CHECK(frame["width"] == 1920);
    CHECK(frame["height"] == 1080);
}

TEST_CASE("A cached range plays without a drop however slow its chain is",
          "[playback][cache][protocol]") {
    PlayingEngine engine;
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", slowProject(60)}})["ok"] == true);
    // The playhead at 0: after a moment of quiet the engine renders ahead into the cache.
    const json first = engine.call({{"cmd", "render_frame"}, {"frame", 0}});
    REQUIRE(first["ok"] == true);
    CHECK(first["cached"] == false);
    json status;
    const auto begin = std::chrono::steady_clock::now();
    while (!covered(status = engine.call({{"cmd", "cache_status"}}), 0, 60) &&
           std::chrono::steady_clock::now() - begin < std::chrono::seconds(120))
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    REQUIRE(covered(status, 0, 60));

    // A cached frame comes back from the cache, bytes unchanged.
    const json again = engine.call({{"cmd", "render_frame"}, {"frame", 0}});
    CHECK(again["cached"] == true);
    CHECK(again["hash"] == first["hash"]);

    const json stats = playFor(engine, 12, 0, 1500);
    INFO(stats.dump());
    CHECK(stats["skipped"] == 0);
    CHECK(stats["produced"].get<std::int64_t>() >= 40);
    CHECK(stats["from_cache"] == stats["produced"]);
    CHECK(stats["tier"] == 0);

    // An edit of the clip's chain drops its frames from the cache.
    json edited = slowProject(60);
    edited["tracks"][0]["clips"][0]["effects"][0]["params"] = {{"amount", 0.9}};
    REQUIRE(engine.call({{"cmd", "load_project"}, {"project", edited}})["ok"] == true);
    CHECK_FALSE(covered(engine.call({{"cmd", "cache_status"}}), 0, 1));
}

TEST_CASE(
    "Playback plan: after a slow first frame the plan catches up instead of chasing the clock",
    "[playback]") {
    // A cold first frame costs 200 ms; the rest 20 ms. The plan must render
    // again right away (a frame that will be due when done), not wait forever.
    PlaybackPlan plan;
    plan.start(playFrom(0), at(0));
    plan.produced(0);
    double now = 0.2;
    double cost = 0.2;
    std::vector<std::int64_t> frames;
    for (int i = 0; i < 40 && now < 2.0; ++i) {
        const auto step = plan.next(at(now), cost, 2);
        REQUIRE(step.kind != Kind::End);
        if (step.kind == Kind::Wait) {
            now += step.waitSeconds + 1e-6;
            continue;
        }
        now += 0.02;
        cost = 0.02;
        plan.produced(step.frame);
        frames.push_back(step.frame);
    }
    REQUIRE(frames.size() >= 20);
    CHECK(frames.front() >= 6); // jumped to where the clock would be
    for (std::size_t i = 1; i < frames.size(); ++i)
        CHECK(frames[i] == frames[i - 1] + 1);
}

TEST_CASE("Playback plan: a session may ask for fewer frames ahead than the ring holds",
          "[playback]") {
    CHECK(engine::playLookahead(8, 0) == 6);
    CHECK(engine::playLookahead(8, 1) == 1);
    CHECK(engine::playLookahead(8, 2) == 2);
    CHECK(engine::playLookahead(8, 40) == 6);
    CHECK(engine::playLookahead(4, 0) == 2);
    CHECK(engine::playLookahead(2, 0) == 1);
}

TEST_CASE("Playback plan: pre-roll holds the clock until the first report", "[playback]") {
    PlaybackPlan plan;
    auto s = playFrom(40);
    s.preroll = true;
    plan.start(s, at(0));
    CHECK(plan.positionAt(at(2.0)) == Approx(40.0));
    const auto frames = simulate(plan, 1.0, 0.001, 6);
    CHECK(frames == std::vector<std::int64_t>{40, 41, 42, 43, 44, 45, 46});
    plan.updateClock(40.0, at(1.0));
    CHECK(plan.positionAt(at(2.0)) == Approx(70.0));
}
