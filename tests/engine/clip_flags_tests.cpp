// The clip fields of format 3 (docs/project-format.md): a name, enabled, a
// link group and sound_muted. Optional and written only when set, so a project
// that uses none reads and writes as before; a disabled clip renders and
// sounds as if absent; a video clip whose sound went to a linked audio clip is
// heard once, in the mix and in the export.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "entropic/engine/media/audio_decoder.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/audio_mixer.h"
#include "entropic/engine/render/export_job.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;

namespace {

constexpr std::int64_t kFrames = 30; // one second at 30 fps

// V1: the clip with its own sound; A1: the same source as an audio clip,
// linked to it, the video clip's sound muted (what a drop makes).
json linkedPair() {
    const std::string source = test::testMedia("bframes.mp4");
    json doc = test::clipProjectJson(source, kFrames, json::array(), 160, 120);
    doc["version"] = engine::kProjectFormatVersion;
    auto& video = doc["tracks"][0]["clips"][0];
    video["link"] = "link-1";
    video["sound_muted"] = true;
    doc["tracks"].push_back({{"id", "A1"},
                             {"kind", "audio"},
                             {"clips",
                              {{{"id", "sound"},
                                {"source", source},
                                {"start", 0},
                                {"out", kFrames},
                                {"link", "link-1"}}}}});
    return doc;
}

engine::ProjectSnapshot snapshot(const json& doc) {
    return std::make_shared<const engine::Project>(engine::parseProject(doc, ""));
}

std::vector<float> mixOf(const engine::ProjectSnapshot& project, std::int64_t samples) {
    engine::AudioMixer mixer(project);
    std::vector<float> out(static_cast<std::size_t>(samples * engine::AudioMixer::kChannels));
    mixer.mix(0, samples, out.data());
    return out;
}

// The source's own first samples, once.
std::vector<float> sourceOnce(std::int64_t samples) {
    engine::AudioDecoder decoder(test::testMedia("bframes.mp4"), 48000, 2);
    std::vector<float> out(static_cast<std::size_t>(samples * 2));
    decoder.read(0, samples, out.data());
    return out;
}

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

fx::Frame renderFrame(const engine::ProjectSnapshot& project, std::int64_t frame) {
    engine::TimelineRenderer r(project, 1);
    fx::Frame out(160, 120);
    fx::copyPixels(r.render(frame).view(), out.view());
    return out;
}

bool samePixels(const fx::Frame& a, const fx::Frame& b) {
    const auto va = a.view(), vb = b.view();
    for (int y = 0; y < va.height; ++y)
        for (int x = 0; x < va.width * 4; ++x)
            if (va.data[y * va.stride + x] != vb.data[y * vb.stride + x]) return false;
    return true;
}

} // namespace

TEST_CASE("clip name, enabled, link and sound_muted are optional clip fields", "[project][clip]") {
    json doc = linkedPair();
    doc["tracks"][0]["clips"][0]["name"] = "Opening shot";
    doc["tracks"][0]["clips"][0]["enabled"] = false;
    const auto p = engine::parseProject(doc, "");
    const auto& video = p.tracks[0].clips[0];
    CHECK(video.name == "Opening shot");
    CHECK_FALSE(video.enabled);
    CHECK(video.link == "link-1");
    CHECK(video.soundMuted);
    const auto& sound = p.tracks[1].clips[0];
    CHECK(sound.name.empty());
    CHECK(sound.enabled);
    CHECK_FALSE(sound.soundMuted);

    const json written = engine::projectToJson(p);
    CHECK(written["version"] == engine::kProjectFormatVersion);
    CHECK(written["tracks"][0]["clips"][0]["name"] == "Opening shot");
    CHECK(written["tracks"][0]["clips"][0]["enabled"] == false);
    CHECK(written["tracks"][1]["clips"][0]["link"] == "link-1");
    for (const char* key : {"name", "enabled", "sound_muted"}) // absent means the default
        CHECK_FALSE(written["tracks"][1]["clips"][0].contains(key));
    CHECK(engine::projectToJson(engine::parseProject(written, "")) == written);

    doc["tracks"][0]["clips"][0]["enabled"] = "no";
    CHECK_THROWS_WITH(engine::parseProject(doc, ""), Catch::Contains("tracks[0].clips[0].enabled"));
}

TEST_CASE("a format-2 project loads and saves its clips unchanged", "[project][clip]") {
    json doc = test::sampleProjectJson("clip.mp4");
    doc["version"] = 2;
    const json written = engine::projectToJson(engine::parseProject(doc, ""));
    CHECK(written["version"] == engine::kProjectFormatVersion);
    for (const auto& track : written["tracks"])
        for (const auto& clip : track["clips"]) {
            CHECK(clip.at("source") == "clip.mp4");
            for (const char* key : {"name", "enabled", "link", "sound_muted"})
                CHECK_FALSE(clip.contains(key));
        }
    CHECK(engine::projectToJson(engine::parseProject(written, "")) == written);

    // Keys format 2 never read are not given a meaning now.
    doc["tracks"][0]["clips"][0]["enabled"] = false;
    doc["tracks"][0]["clips"][0]["sound_muted"] = true;
    const auto p = engine::parseProject(doc, "");
    CHECK(p.tracks[0].clips[0].enabled);
    CHECK_FALSE(p.tracks[0].clips[0].soundMuted);
}

TEST_CASE("a linked pair is heard once, in the mix and in the export", "[audio][clip][export]") {
    const auto project = snapshot(linkedPair());
    engine::AudioMixer mixer(project);
    const std::int64_t samples = mixer.sampleAtFrame(kFrames);
    const auto once = sourceOnce(samples);
    REQUIRE(peak(once) > 0.05);
    CHECK(maxDiff(mixOf(project, samples), once) < 1e-6);

    // Without sound_muted the sound would play twice: the pair is what keeps it single.
    json twice = linkedPair();
    twice["tracks"][0]["clips"][0].erase("sound_muted");
    const auto doubled = mixOf(snapshot(twice), samples);
    CHECK(maxDiff(doubled, once) > 0.05);

    const auto dir = test::scratchDir("linked-export");
    engine::ExportSettings settings;
    settings.path = (dir / "linked.mov").string(); // ProRes in MOV: PCM sound
    REQUIRE(engine::runExport(project, settings) == engine::ExportOutcome::Done);
    engine::AudioDecoder decoder(settings.path, project->sampleRate, 2);
    std::vector<float> exported(once.size());
    decoder.read(0, samples, exported.data());
    CHECK(maxDiff(exported, once) <= 1.0 / 32768.0);
}

TEST_CASE("a disabled clip renders and sounds as if absent", "[render][clip]") {
    json doc = linkedPair();
    // V2: the same clip, inverted, over V1; disabled, V1 shows through.
    json v2 = doc["tracks"][0];
    v2["id"] = "V2";
    v2["clips"][0]["id"] = "top";
    v2["clips"][0].erase("link");
    v2["clips"][0]["effects"] = json::array({{{"id", "inv"}, {"effect", "util.invert"}}});
    doc["tracks"].push_back(v2);
    const auto shown = renderFrame(snapshot(doc), 5);

    json withoutTop = doc;
    withoutTop["tracks"].erase(withoutTop["tracks"].size() - 1);
    const auto below = renderFrame(snapshot(withoutTop), 5);
    CHECK_FALSE(samePixels(shown, below));

    doc["tracks"][2]["clips"][0]["enabled"] = false;
    CHECK(samePixels(renderFrame(snapshot(doc), 5), below));

    // The audio clip disabled: nothing sounds (the video clip's own sound is muted).
    doc["tracks"][1]["clips"][0]["enabled"] = false;
    const auto project = snapshot(doc);
    engine::AudioMixer mixer(project);
    CHECK(peak(mixOf(project, mixer.sampleAtFrame(kFrames))) == 0.0);
    CHECK_FALSE(mixer.hasSound());
    CHECK(project->frameCount() == kFrames); // still on the timeline
}
