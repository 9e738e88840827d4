// The timeline's sound: the mixer honours clip gain, track volume, mute and
// solo (mute wins), the project format carries solo, and the export's sound
// is the mixer's, sample for sample (ProRes MOV stores PCM, so the only
// difference allowed is the 16-bit quantisation: 1 LSB).
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <vector>

#include "entropic/engine/media/audio_decoder.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/audio_mixer.h"
#include "entropic/engine/render/export_job.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;

namespace {

constexpr int kRate = 48000;
constexpr std::int64_t kFrames = 30;         // one second at 30 fps
constexpr std::int64_t kSamples = kRate * 1; // its samples

double gainOf(double db) {
    return std::pow(10.0, db / 20.0);
}

json audioTrack(const std::string& id, const std::string& source, double volumeDb,
                double clipGainDb) {
    return {{"id", id},
            {"kind", "audio"},
            {"volume_db", volumeDb},
            {"clips",
             {{{"id", id + "-clip"},
               {"source", source},
               {"start", 0},
               {"out", kFrames},
               {"gain_db", clipGainDb}}}}};
}

// Three audio tracks of the same 440 Hz source at different levels.
json threeTracks() {
    const std::string source = test::testMedia("bframes.mp4");
    json doc = test::clipProjectJson(source, kFrames, json::array());
    doc["tracks"] = json::array({audioTrack("A", source, 0, 0), audioTrack("B", source, -6, 0),
                                 audioTrack("C", source, 0, -12)});
    return doc;
}

std::vector<float> mixOf(const json& doc, std::int64_t start, std::int64_t count) {
    engine::AudioMixer mixer(
        std::make_shared<const engine::Project>(engine::parseProject(doc, "")));
    std::vector<float> out(static_cast<std::size_t>(count * engine::AudioMixer::kChannels));
    mixer.mix(start, count, out.data());
    return out;
}

// The source's own samples times gain.
std::vector<float> sourceTimes(double gain) {
    engine::AudioDecoder decoder(test::testMedia("bframes.mp4"), kRate, 2);
    std::vector<float> out(static_cast<std::size_t>(kSamples * 2));
    decoder.read(0, kSamples, out.data());
    for (auto& v : out)
        v = static_cast<float>(v * gain);
    return out;
}

// Largest absolute difference.
double maxDiff(const std::vector<float>& a, const std::vector<float>& b) {
    REQUIRE(a.size() == b.size());
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(double(a[i]) - double(b[i])));
    return worst;
}

double peak(const std::vector<float>& a) {
    double p = 0;
    for (float v : a)
        p = std::max(p, std::abs(double(v)));
    return p;
}

} // namespace

TEST_CASE("solo is an optional track flag of the project format", "[audio][project]") {
    json doc = threeTracks();
    doc["tracks"][1]["solo"] = true;
    const auto project = engine::parseProject(doc, "");
    CHECK_FALSE(project.tracks[0].solo);
    CHECK(project.tracks[1].solo);
    const json written = engine::projectToJson(project);
    CHECK(written["tracks"][1]["solo"] == true);
    CHECK_FALSE(written["tracks"][0].contains("solo")); // absent means false: old files unchanged
    CHECK(engine::parseProject(written, "").tracks[1].solo);

    doc["tracks"][1]["solo"] = "yes";
    CHECK_THROWS_WITH(engine::parseProject(doc, ""), Catch::Contains("tracks[1].solo"));
}

TEST_CASE("the mixer applies gain, volume, mute and solo", "[audio][mixer]") {
    const double a = gainOf(0), b = gainOf(-6), c = gainOf(-12);
    const auto source = sourceTimes(1.0);
    REQUIRE(peak(source) > 0.05); // the test tone is there
    const double tolerance = 1e-6;

    json doc = threeTracks();
    CHECK(maxDiff(mixOf(doc, 0, kSamples), sourceTimes(a + b + c)) < tolerance);

    SECTION("mute silences a track") {
        doc["tracks"][0]["muted"] = true;
        CHECK(maxDiff(mixOf(doc, 0, kSamples), sourceTimes(b + c)) < tolerance);
    }
    SECTION("a soloed track is all that sounds") {
        doc["tracks"][1]["solo"] = true;
        CHECK(maxDiff(mixOf(doc, 0, kSamples), sourceTimes(b)) < tolerance);
    }
    SECTION("several solos sound together") {
        doc["tracks"][1]["solo"] = true;
        doc["tracks"][2]["solo"] = true;
        CHECK(maxDiff(mixOf(doc, 0, kSamples), sourceTimes(b + c)) < tolerance);
    }
    SECTION("mute wins over solo") {
        doc["tracks"][1]["solo"] = true;
        doc["tracks"][1]["muted"] = true;
        CHECK(peak(mixOf(doc, 0, kSamples)) == 0.0); // B is muted, the others are not soloed
        doc["tracks"][2]["solo"] = true;
        CHECK(maxDiff(mixOf(doc, 0, kSamples), sourceTimes(c)) < tolerance);
    }
    SECTION("a video track's sound is soloed like any other") {
        json withVideo =
            test::clipProjectJson(test::testMedia("bframes.mp4"), kFrames, json::array());
        withVideo["tracks"].push_back(audioTrack("A", test::testMedia("bframes.mp4"), -6, 0));
        CHECK(maxDiff(mixOf(withVideo, 0, kSamples), sourceTimes(1 + b)) < tolerance);
        withVideo["tracks"][0]["solo"] = true;
        CHECK(maxDiff(mixOf(withVideo, 0, kSamples), sourceTimes(1)) < tolerance);
    }
}

TEST_CASE("mixing in blocks gives the samples of one mix", "[audio][mixer]") {
    const json doc = threeTracks();
    const auto whole = mixOf(doc, 0, kSamples);
    engine::AudioMixer mixer(
        std::make_shared<const engine::Project>(engine::parseProject(doc, "")));
    std::vector<float> blocks(whole.size());
    // Odd block sizes, and a jump back, as playback's feed does.
    mixer.mix(30000, 1000, blocks.data() + 30000 * 2);
    for (std::int64_t at = 0; at < kSamples;) {
        const std::int64_t n = std::min<std::int64_t>(997, kSamples - at);
        mixer.mix(at, n, blocks.data() + at * 2);
        at += n;
    }
    CHECK(blocks == whole);
}

TEST_CASE("the exported sound of a two-track project is the mixer's", "[audio][export]") {
    // V1: the clip with its sound at -6 dB; A1: a second source at +2 dB
    // from frame 10 (-3 dB track volume), so the two overlap and differ.
    json doc = test::clipProjectJson(test::testMedia("bframes.mp4"), 60, json::array(), 160, 120);
    doc["tracks"][0]["volume_db"] = -6.0;
    doc["tracks"].push_back({{"id", "A1"},
                             {"kind", "audio"},
                             {"volume_db", -3.0},
                             {"clips",
                              {{{"id", "music"},
                                {"source", test::testMedia("audio-only.m4a")},
                                {"start", 10},
                                {"in", 5},
                                {"out", 50},
                                {"gain_db", 2.0}}}}});
    const auto project = std::make_shared<const engine::Project>(engine::parseProject(doc, ""));

    const auto dir = test::scratchDir("audio-export");
    engine::ExportSettings settings;
    settings.path = (dir / "mix.mov").string(); // ProRes in MOV: the sound is PCM s16
    REQUIRE(engine::runExport(project, settings) == engine::ExportOutcome::Done);

    engine::AudioMixer mixer(project);
    const std::int64_t samples = mixer.sampleAtFrame(60);
    std::vector<float> expected(static_cast<std::size_t>(samples * 2));
    mixer.mix(0, samples, expected.data());
    REQUIRE(peak(expected) > 0.05);

    engine::AudioDecoder decoder(settings.path, project->sampleRate, 2);
    CHECK(decoder.length() == samples);
    std::vector<float> exported(expected.size());
    decoder.read(0, samples, exported.data());
    // s16 stores k/32768: rounding moves a sample by at most half a step.
    CHECK(maxDiff(exported, expected) <= 1.0 / 32768.0);
}
