// The background analysis pass (engine/analysis/analysis_pass.h): it measures
// whole files with progress, gives the same doubles as measuring on demand,
// leaves them on disk for the next store, lets a renderer have the frames it
// asks for without waiting for the rest, reports a missing file, and stops at
// a chunk boundary when stopped or given other sources.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>

#include "entropic/engine/analysis/analysis_pass.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/signal_runtime.h"
#include "signal_test_projects.h"

using namespace entropic;
using engine::AnalysisState;
using nlohmann::json;

namespace {

constexpr auto kPatience = std::chrono::seconds(120); // a loaded machine; niced thread
constexpr std::int64_t kClipFrames = 120;             // bframes.mp4: 4 s at 30 fps

engine::ProjectSnapshot snapshot(const json& doc) {
    return std::make_shared<const engine::Project>(engine::parseProject(doc, ""));
}

std::shared_ptr<engine::AnalysisStore> scratchStore(const std::string& name) {
    return std::make_shared<engine::AnalysisStore>(test::scratchDir(name));
}

// One clip of bframes.mp4 whose luma is the project's only signal source.
engine::ProjectSnapshot lumaProject() {
    const json sources = {{{"id", "bright"}, {"kind", "video.luma"}, {"media", "c1"}}};
    return snapshot(test::withSignals(
        test::clipProjectJson(test::testMedia("bframes.mp4"), kClipFrames, json::array()),
        {{"sources", sources}}));
}

engine::AnalysisSource videoSource(const std::string& id, const std::string& path,
                                   std::optional<sig::Region> region = std::nullopt) {
    return {id, sig::SourceKind::VideoLuma, "c1", engine::VideoAnalysisKey{path, {30, 1}, region}};
}

engine::AnalysisSource audioSource(const std::string& id, const std::string& path,
                                   std::optional<sig::AudioBand> band = std::nullopt) {
    return {id, band ? sig::SourceKind::AudioBand : sig::SourceKind::AudioRms, "c1",
            engine::AudioAnalysisKey{path, {30, 1}, band}};
}

// Every feature an analysis of this kind gives, over frames [0, count).
std::vector<std::vector<double>> everyFeature(engine::AnalysisStore& store,
                                              const engine::AnalysisKey& key, std::int64_t count) {
    const bool video = std::holds_alternative<engine::VideoAnalysisKey>(key);
    const bool band = !video && std::get<engine::AudioAnalysisKey>(key).band.has_value();
    std::vector<sig::SourceKind> kinds;
    if (video)
        kinds = {sig::SourceKind::VideoLuma,       sig::SourceKind::VideoMotion,
                 sig::SourceKind::VideoRed,        sig::SourceKind::VideoGreen,
                 sig::SourceKind::VideoBlue,       sig::SourceKind::VideoHue,
                 sig::SourceKind::VideoSaturation, sig::SourceKind::VideoEdges};
    else
        kinds = {sig::SourceKind::AudioRms, sig::SourceKind::AudioPeak,
                 sig::SourceKind::AudioOnset};
    if (band) kinds = {sig::SourceKind::AudioBand};
    std::vector<std::vector<double>> values;
    for (const auto kind : kinds) {
        values.emplace_back(static_cast<std::size_t>(count));
        store.read(key, kind, 0, count, values.back().data());
    }
    return values;
}

// Holds the pass thread, once, at the first step whose status satisfies
// `when`, until release() — or runs `then` there instead of waiting.
struct PassHold {
    std::function<bool(const engine::AnalysisStatus&)> when;
    std::function<void()> then; // optional
    std::atomic<bool> fired{false};
    std::promise<engine::AnalysisStatus> reached;
    std::promise<void> released;
    std::shared_future<void> releasedFuture = released.get_future().share();

    void operator()(const engine::AnalysisStatus& status) {
        if (fired || !when(status)) return;
        fired = true;
        if (then) {
            then(); // before telling the test, which may then destroy the pass
            reached.set_value(status);
        } else {
            reached.set_value(status);
            releasedFuture.wait_for(kPatience); // bounded: a failed test must not hang the join
        }
    }
    void release() { released.set_value(); }
};

engine::AnalysisPass::Options holdingAt(PassHold& hold, std::int64_t chunk) {
    engine::AnalysisPass::Options options;
    options.chunkFrames = chunk;
    options.afterStep = [&hold](const engine::AnalysisStatus& s) { hold(s); };
    return options;
}

bool firstChunkOf(const engine::AnalysisStatus& s, const std::string& id) {
    return !s.sources.empty() && s.sources[0].source.id == id &&
           s.sources[0].state == AnalysisState::Running && s.sources[0].done > 0;
}

} // namespace

TEST_CASE("the background pass measures every source's whole file, with progress",
          "[analysis][media]") {
    const auto project = snapshot(test::modulatedProjectJson(60)); // luma, motion, rms of c1
    const auto sources = engine::analysisSources(*project);
    REQUIRE(sources.size() == 3);
    const auto store = scratchStore("pass-whole");
    engine::AnalysisPass pass(store);
    pass.setSources(sources);
    REQUIRE(pass.waitIdle(kPatience));

    const auto status = pass.status();
    CHECK_FALSE(status.busy);
    REQUIRE(status.sources.size() == 3);
    CHECK(status.sources[0].source.id == "bright");
    CHECK(status.sources[1].source.id == "moving");
    CHECK(status.sources[2].source.id == "tone");
    for (const auto& s : status.sources) {
        INFO(s.source.id);
        CHECK(s.state == AnalysisState::Done);
        CHECK(s.total > 0);
        CHECK(s.done == s.total);
        CHECK(s.errorMessage.empty());
    }
    // The whole file, not the 60 frames the clip uses: 4 s at 30 fps.
    CHECK(status.sources[0].total == kClipFrames);
    // Luma and motion are one analysis of the file: counted once.
    const std::int64_t audioTotal = status.sources[2].total;
    CHECK(std::abs(audioTotal - kClipFrames) <= 2); // AAC priming and padding
    CHECK(status.total == kClipFrames + audioTotal);
    CHECK(status.done == status.total);
    CHECK(store->measuredFrames() == kClipFrames + audioTotal); // each frame once
}

TEST_CASE("values measured in the background equal those measured on demand",
          "[analysis][determinism][media]") {
    const std::string media = test::testMedia("bframes.mp4");
    const std::vector<engine::AnalysisSource> sources = {
        videoSource("plain", media), videoSource("corner", media, sig::Region{0.1, 0.2, 0.5, 0.25}),
        audioSource("levels", media), audioSource("band", media, sig::AudioBand{300, 600})};
    const auto store = scratchStore("pass-values");
    engine::AnalysisPass::Options options;
    options.chunkFrames = 7; // chunk edges fall anywhere
    {
        engine::AnalysisPass pass(store, options);
        pass.setSources(sources);
        REQUIRE(pass.waitIdle(kPatience));
        for (const auto& s : pass.status().sources)
            REQUIRE(s.state == AnalysisState::Done);
    }
    const auto measured = store->measuredFrames();
    engine::AnalysisStore onDemand({});
    for (const auto& s : sources) {
        INFO(s.id);
        // Past the end of the file too: the same on both sides.
        const std::int64_t frames = kClipFrames + 10;
        CHECK(everyFeature(*store, s.key, frames) == everyFeature(onDemand, s.key, frames));
    }
    CHECK(store->measuredFrames() > measured); // only the frames past the end
}

TEST_CASE("a second store finds the pass's analyses on disk and measures nothing",
          "[analysis][media]") {
    const auto dir = test::scratchDir("pass-disk");
    const std::string media = test::testMedia("bframes.mp4");
    const std::vector<engine::AnalysisSource> sources = {videoSource("v", media),
                                                         audioSource("a", media)};
    std::vector<std::vector<double>> video, audio;
    {
        const auto store = std::make_shared<engine::AnalysisStore>(dir);
        engine::AnalysisPass pass(store);
        pass.setSources(sources);
        REQUIRE(pass.waitIdle(kPatience));
        CHECK(store->measuredFrames() > kClipFrames);
        video = everyFeature(*store, sources[0].key, kClipFrames);
        audio = everyFeature(*store, sources[1].key, kClipFrames);
    }
    const auto reopened = std::make_shared<engine::AnalysisStore>(dir);
    engine::AnalysisPass pass(reopened);
    pass.setSources(sources);
    REQUIRE(pass.waitIdle(kPatience));
    for (const auto& s : pass.status().sources) {
        INFO(s.source.id);
        CHECK(s.state == AnalysisState::Done);
        CHECK(s.done == s.total);
        CHECK(s.total > 0);
    }
    CHECK(reopened->measuredFrames() == 0);
    CHECK(everyFeature(*reopened, sources[0].key, kClipFrames) == video);
    CHECK(everyFeature(*reopened, sources[1].key, kClipFrames) == audio);
}

TEST_CASE("a renderer gets its frames while the pass is at an early chunk", "[analysis][media]") {
    const auto project = lumaProject();
    const auto store = scratchStore("pass-render");
    PassHold hold;
    hold.when = [](const engine::AnalysisStatus& s) { return firstChunkOf(s, "bright"); };
    engine::AnalysisPass pass(store, holdingAt(hold, 16));
    pass.setSources(engine::analysisSources(*project));
    auto reached = hold.reached.get_future();
    REQUIRE(reached.wait_for(kPatience) == std::future_status::ready);
    CHECK(reached.get().sources[0].done == 16);
    CHECK(store->measuredFrames() == 16);

    // The pass is held between chunks: a renderer asking for timeline frame
    // 40 measures frames 16..40 of the file, not the rest of it.
    engine::SignalRuntime runtime(project, store);
    runtime.extendTo(41);
    CHECK(store->measuredFrames() == 41);
    const auto held = pass.status();
    CHECK(held.sources[0].state == AnalysisState::Running);
    CHECK(held.sources[0].done == 16);
    CHECK(held.sources[0].total == kClipFrames);

    // Let go, the pass carries on from where the renderer stopped.
    hold.release();
    REQUIRE(pass.waitIdle(kPatience));
    CHECK(pass.status().sources[0].done == kClipFrames);
    CHECK(store->measuredFrames() == kClipFrames); // no frame measured twice
    std::vector<double> luma(kClipFrames), fresh(kClipFrames);
    store->video({project->tracks[0].clips[0].sourcePath, {30, 1}, std::nullopt},
                 sig::SourceKind::VideoLuma, 0, kClipFrames, luma.data());
    engine::AnalysisStore onDemand({});
    onDemand.video({project->tracks[0].clips[0].sourcePath, {30, 1}, std::nullopt},
                   sig::SourceKind::VideoLuma, 0, kClipFrames, fresh.data());
    CHECK(luma == fresh);
}

TEST_CASE("on-demand audio is measured only as far as asked", "[analysis][media]") {
    const engine::AudioAnalysisKey key{test::testMedia("bframes.mp4"), {30, 1}, std::nullopt};
    engine::AnalysisStore store({});
    std::vector<double> start(10);
    store.audio(key, sig::SourceKind::AudioRms, 0, 10, start.data());
    CHECK(store.measuredFrames() >= 10);
    CHECK(store.measuredFrames() < kClipFrames / 2); // a block and the FFT's look-ahead
    std::vector<double> whole(kClipFrames + 5), once(kClipFrames + 5);
    store.audio(key, sig::SourceKind::AudioRms, 0, kClipFrames + 5, whole.data());
    CHECK(std::equal(start.begin(), start.end(), whole.begin()));
    CHECK(whole.back() == 0); // past the end of the sound
    engine::AnalysisStore inOneGo({});
    inOneGo.audio(key, sig::SourceKind::AudioRms, 0, kClipFrames + 5, once.data());
    CHECK(whole == once);
}

TEST_CASE("a source whose file is missing fails naming the file and the rest go on",
          "[analysis][media]") {
    const std::string missing = (test::scratchDir("pass-missing") / "gone.mp4").string();
    const auto store = scratchStore("pass-missing-store");
    engine::AnalysisPass pass(store);
    pass.setSources(
        {videoSource("lost", missing), audioSource("tone", test::testMedia("bframes.mp4"))});
    REQUIRE(pass.waitIdle(kPatience));
    const auto status = pass.status();
    CHECK_FALSE(status.busy);
    REQUIRE(status.sources.size() == 2);
    CHECK(status.sources[0].state == AnalysisState::Failed);
    CHECK(status.sources[0].errorCode == "media_open_failed");
    CHECK_THAT(status.sources[0].errorMessage, Catch::Contains("gone.mp4"));
    CHECK(status.sources[0].total == 0);
    CHECK(status.sources[1].state == AnalysisState::Done);
    CHECK(status.sources[1].done == status.sources[1].total);
}

TEST_CASE("a stopped pass ends at the chunk boundary and joins", "[analysis][media]") {
    const auto project = lumaProject();
    const auto store = scratchStore("pass-stop");
    PassHold hold;
    hold.when = [](const engine::AnalysisStatus& s) { return firstChunkOf(s, "bright"); };
    auto pass = std::make_unique<engine::AnalysisPass>(store, holdingAt(hold, 16));
    hold.then = [&pass] { pass->stop(); }; // on the pass thread, between two chunks
    pass->setSources(engine::analysisSources(*project));
    auto reached = hold.reached.get_future();
    REQUIRE(reached.wait_for(kPatience) == std::future_status::ready);
    pass.reset(); // joins
    CHECK(store->measuredFrames() == 16);
    const engine::AnalysisKey key =
        engine::VideoAnalysisKey{project->tracks[0].clips[0].sourcePath, {30, 1}, std::nullopt};
    const auto extent = store->extend(key, 0); // looks, measures nothing
    CHECK(extent.done == 16);
    CHECK(extent.total == kClipFrames);
}

TEST_CASE("new sources end the analysis in hand at its chunk boundary", "[analysis][media]") {
    const auto store = scratchStore("pass-replace");
    const auto first = videoSource("first", test::testMedia("bframes.mp4"));
    const auto second = audioSource("second", test::testMedia("audio-only.m4a"));
    PassHold hold;
    hold.when = [](const engine::AnalysisStatus& s) { return firstChunkOf(s, "first"); };
    engine::AnalysisPass pass(store, holdingAt(hold, 16));
    hold.then = [&] { pass.setSources({second}); }; // as a load_project would
    pass.setSources({first});
    auto reached = hold.reached.get_future();
    REQUIRE(reached.wait_for(kPatience) == std::future_status::ready);
    REQUIRE(pass.waitIdle(kPatience));

    const auto status = pass.status();
    REQUIRE(status.sources.size() == 1);
    CHECK(status.sources[0].source.id == "second");
    CHECK(status.sources[0].state == AnalysisState::Done);
    const std::int64_t secondTotal = status.sources[0].total;
    CHECK(secondTotal > 50); // 2 s
    CHECK(status.total == secondTotal);
    const auto extent = store->extend(first.key, 0);
    CHECK(extent.done == 16); // the first file was left after one chunk
    CHECK(store->measuredFrames() == 16 + secondTotal);

    // The same sources again (an edit elsewhere in the project) keep their state.
    pass.setSources({second});
    CHECK_FALSE(pass.status().busy);
    CHECK(store->measuredFrames() == 16 + secondTotal);
}
