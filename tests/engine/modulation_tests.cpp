// Modulated parameters in the render path: frames are a function of the
// project and the media alone (sequential, seeks, fresh renderer, export,
// slice), replayed temporal state gets each frame's own values, analyses are
// cached on disk, and edits to signals invalidate the frames they move.
#include <catch2/catch.hpp>

#include <fstream>

#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/export_job.h"
#include "entropic/engine/render/project_diff.h"
#include "entropic/engine/render/signal_runtime.h"
#include "entropic/engine/render/temporal_schedule.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "entropic/signal/resolve.h"
#include "signal_test_projects.h"

using namespace entropic;
using nlohmann::json;

namespace {

engine::ProjectSnapshot snapshot(const json& doc, const std::string& baseDir = "") {
    return std::make_shared<const engine::Project>(engine::parseProject(doc, baseDir));
}

std::string hashOf(engine::TimelineRenderer& r, std::int64_t frame) {
    return fx::hashToHex(fx::frameHash(r.render(frame).view()));
}

std::shared_ptr<engine::AnalysisStore> scratchStore(const std::string& name) {
    return std::make_shared<engine::AnalysisStore>(test::scratchDir(name));
}

// The resolved number of `param` of `effect` on timeline frame n.
double resolved(engine::SignalRuntime& runtime, const engine::Project& p, const std::string& effect,
                const std::string& param, std::int64_t n) {
    const auto e = runtime.movedEffect(effect);
    REQUIRE(e);
    for (const auto& c : p.tracks[0].clips)
        for (const auto& instance : c.effects)
            if (instance.instanceId == effect) {
                fx::ParamValues values = instance.params;
                runtime.resolve(*e, n, values);
                return values.number(param);
            }
    FAIL("no effect " << effect);
    return 0;
}

// Mean absolute difference of two same-sized frames, per channel byte.
double meanDifference(const fx::Frame& a, const fx::Frame& b) {
    REQUIRE(a.width() == b.width());
    REQUIRE(a.height() == b.height());
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* pa = a.data() + y * a.view().stride;
        const auto* pb = b.data() + y * b.view().stride;
        for (int x = 0; x < a.width() * 4; ++x)
            sum += std::abs(int(pa[x]) - int(pb[x]));
    }
    return sum / (double(a.width()) * a.height() * 4);
}

} // namespace

TEST_CASE("a modulated project renders the same bytes in any order and in export",
          "[signals][determinism][media]") {
    const auto schedule = engine::TemporalSchedule::forHistory(30); // fx.feedback
    const std::int64_t frames = schedule.segment + schedule.history + 12;
    const auto project = snapshot(test::modulatedProjectJson(frames));

    // The test is only worth something if parameters really move, including
    // the temporal effect's, frame to frame.
    engine::SignalRuntime runtime(project, scratchStore("modulation-values"));
    CHECK(resolved(runtime, *project, "fb-1", "decay", 10) !=
          resolved(runtime, *project, "fb-1", "decay", 90));
    CHECK(resolved(runtime, *project, "noise-1", "amount", 3) !=
          resolved(runtime, *project, "noise-1", "amount", 4));
    CHECK(resolved(runtime, *project, "split-1", "amount", 0) == 0); // LFO at its minimum: the base
    CHECK(resolved(runtime, *project, "split-1", "amount", 6) > 10);

    engine::TimelineRenderer sequential(project, 1, scratchStore("modulation-seq"));
    std::vector<std::string> expected;
    for (std::int64_t f = 0; f < frames; ++f)
        expected.push_back(hashOf(sequential, f));

    // Seeks backwards and forwards replay temporal state from anchors: each
    // replayed frame must get its own parameters for the hashes to agree.
    engine::TimelineRenderer seeking(project, 2, scratchStore("modulation-seek"));
    for (std::int64_t f : {frames - 1, std::int64_t{3}, frames / 2, std::int64_t{0}, frames - 2,
                           schedule.segment, schedule.segment - 1, std::int64_t{7}}) {
        INFO("frame " << f);
        CHECK(hashOf(seeking, f) == expected[static_cast<std::size_t>(f)]);
    }
    CHECK(seeking.stats().replayedFrames > 0);
    engine::TimelineRenderer fresh(project, 2);
    CHECK(hashOf(fresh, frames - 3) == expected[static_cast<std::size_t>(frames - 3)]);

    const auto dir = test::scratchDir("modulation-export");
    engine::ExportSettings slice;
    slice.path = (dir / "slice.mp4").string();
    slice.frameHashesPath = (dir / "slice.hashes").string();
    slice.first = frames / 2 + 1;
    slice.end = frames;
    REQUIRE(engine::runExport(project, slice) == engine::ExportOutcome::Done);
    std::ifstream in(slice.frameHashesPath);
    std::int64_t index = 0, lines = 0;
    std::string hash;
    while (in >> index >> hash) {
        INFO("exported frame " << index);
        CHECK(hash == expected[static_cast<std::size_t>(index)]);
        ++lines;
    }
    CHECK(lines == slice.end - slice.first);

    // And the modulation is what makes these frames: without the routes they differ.
    json still = test::modulatedProjectJson(frames);
    still["signals"]["routes"] = json::array();
    still["signals"]["automation"] = json::array();
    engine::TimelineRenderer plain(snapshot(still), 1);
    CHECK(hashOf(plain, 40) != expected[40]);
}

TEST_CASE("analyses are measured once and read back from the disk cache", "[signals][media]") {
    const auto dir = test::scratchDir("analysis-cache");
    const std::string media = test::testMedia("bframes.mp4");
    const engine::VideoAnalysisKey video{media, {30, 1}, std::nullopt};
    const engine::AudioAnalysisKey audio{media, {30, 1}, sig::AudioBand{300, 600}};
    std::vector<double> luma(50), motion(50), band(50);
    {
        engine::AnalysisStore store(dir);
        store.video(video, sig::SourceKind::VideoLuma, 0, 50, luma.data());
        store.video(video, sig::SourceKind::VideoMotion, 0, 50, motion.data());
        store.audio(audio, sig::SourceKind::AudioBand, 0, 50, band.data());
        CHECK(store.measuredFrames() >= 50);
        CHECK(motion[0] == 0);     // nothing before the first frame
        CHECK(motion[10] > 0.001); // a moving test pattern
        // The mono 440 Hz tone (FFmpeg's default amplitude 1/8, RMS 0.088)
        // decoded to stereo at −3 dB a channel: 0.0625.
        CHECK(band[20] == Approx(0.0625).epsilon(0.1));
        // Asking for frames past what is measured extends it.
        std::vector<double> more(300);
        store.video(video, sig::SourceKind::VideoLuma, 0, 300, more.data());
        CHECK(std::equal(luma.begin(), luma.end(), more.begin()));
        // Sound is measured as far as asked and saved once whole (its
        // analyzer's state is not saved, so a part could not be continued).
        std::vector<double> wholeBand(150);
        store.audio(audio, sig::SourceKind::AudioBand, 0, 150, wholeBand.data());
        CHECK(std::equal(band.begin(), band.end(), wholeBand.begin()));
    }
    engine::AnalysisStore reopened(dir);
    std::vector<double> luma2(50), motion2(50), band2(50);
    reopened.video(video, sig::SourceKind::VideoLuma, 0, 50, luma2.data());
    reopened.video(video, sig::SourceKind::VideoMotion, 0, 50, motion2.data());
    reopened.audio(audio, sig::SourceKind::AudioBand, 0, 50, band2.data());
    CHECK(reopened.measuredFrames() == 0);
    CHECK(luma2 == luma);
    CHECK(motion2 == motion);
    CHECK(band2 == band);
    // Continuing past the cached frames measures again, with the same motion
    // as one unbroken analysis.
    std::vector<double> tail(400), whole(400);
    reopened.video(video, sig::SourceKind::VideoMotion, 0, 400, tail.data());
    engine::AnalysisStore memoryOnly({});
    memoryOnly.video(video, sig::SourceKind::VideoMotion, 0, 400, whole.data());
    CHECK(tail == whole);
}

TEST_CASE("a signal edit invalidates the frames of the clips it moves", "[signals][cache]") {
    json doc = test::modulatedProjectJson(30);
    doc["tracks"][0]["clips"].push_back({{"id", "c2"},
                                         {"source", "other.mp4"},
                                         {"start", 50},
                                         {"out", 20},
                                         {"effects", json::array()}});
    const auto before = engine::parseProject(doc, "");

    SECTION("a route's depth: the modulated clip, not the other") {
        json edited = doc;
        edited["signals"]["routes"][0]["depth"] = 0.1;
        CHECK(engine::changedFrames(before, engine::parseProject(edited, "")) ==
              std::vector<engine::FrameRange>{{0, 30}});
    }
    SECTION("moving a clip a source measures") {
        json edited = doc;
        edited["signals"]["sources"][0]["media"] = "c2";
        CHECK(engine::changedFrames(before, engine::parseProject(edited, "")) ==
              std::vector<engine::FrameRange>{{0, 30}});
    }
    SECTION("an unmodulated clip's edit leaves the modulated one alone") {
        json edited = doc;
        edited["tracks"][0]["clips"][1]["start"] = 60;
        CHECK(engine::changedFrames(before, engine::parseProject(edited, "")) ==
              std::vector<engine::FrameRange>{{50, 80}});
    }
    SECTION("removing every route") {
        json edited = doc;
        edited["signals"]["routes"] = json::array();
        edited["signals"]["automation"] = json::array();
        CHECK(engine::changedFrames(before, engine::parseProject(edited, "")) ==
              std::vector<engine::FrameRange>{{0, 30}});
    }
}

TEST_CASE("the signals demo moves its effects with the music", "[signals][demo][media]") {
    const std::string path = std::string(ENTROPIC_SOURCE_DIR) + "/resources/demo/signals.entropic";
    const auto project = std::make_shared<const engine::Project>(engine::loadProjectFile(path));
    engine::SignalRuntime runtime(project, engine::AnalysisStore::shared());
    // The music's 55 Hz kick falls on every half second (frames 0, 15, 30, …)
    // and has died away 0.4 s later.
    const double onKick = resolved(runtime, *project, "split-1", "amount", 30);
    const double between = resolved(runtime, *project, "split-1", "amount", 42);
    CHECK(onKick > 25);
    CHECK(between < 8);

    // Rendered: with the kick route switched off the kick frame changes a
    // lot, the frame between kicks hardly.
    json quiet = json::parse(std::ifstream(path));
    for (auto& r : quiet["signals"]["routes"])
        if (r["id"] == "kick-split") r["enabled"] = false;
    const auto still = std::make_shared<const engine::Project>(
        engine::parseProject(quiet, std::filesystem::path(path).parent_path().string()));
    engine::TimelineRenderer withKick(project, 2), withoutKick(still, 2);
    const double kickDifference =
        meanDifference(withKick.render(30, 0.5), withoutKick.render(30, 0.5));
    const double quietDifference =
        meanDifference(withKick.render(42, 0.5), withoutKick.render(42, 0.5));
    CHECK(kickDifference > 3 * quietDifference);
    CHECK(kickDifference > 1.0);
}
