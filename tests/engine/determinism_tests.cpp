// Frame N has the same bytes however it is reached: sequential preview, random
// seeks, a fresh renderer, and export (docs/architecture.md, docs/determinism.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "entropic/effects/registry.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/export_job.h"
#include "entropic/engine/render/temporal_schedule.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;

namespace {

engine::ProjectSnapshot projectWith(const fx::EffectDescriptor& d, std::int64_t frames) {
    // Two instances: the effect alone, then followed by noise, so a temporal
    // effect's output also feeds a seeded one.
    const json effects = {{{"id", "a"}, {"effect", d.id}, {"version", d.version}, {"seed", 5}},
                          {{"id", "b"}, {"effect", "fx.noise"}, {"mix", 0.3}}};
    return std::make_shared<const engine::Project>(engine::parseProject(
        test::clipProjectJson(test::testMedia("bframes.mp4"), frames, effects, 160, 120), ""));
}

std::string hashOf(engine::TimelineRenderer& r, std::int64_t frame) {
    return fx::hashToHex(fx::frameHash(r.render(frame).view()));
}

} // namespace

TEST_CASE("the temporal schedule's anchors", "[determinism]") {
    const auto s = engine::TemporalSchedule::forHistory(30);
    CHECK(s.segment == 120);
    CHECK(s.anchor(0) == 0);
    CHECK(s.anchor(119) == 0);
    CHECK(s.anchor(120) == 90);
    CHECK(s.anchor(250) == 210);
    CHECK(s.nextAnchor(100) == 210 - 120);
    CHECK(engine::TemporalSchedule::forHistory(0).stateless());
}

TEST_CASE("every effect renders the same bytes in any order and in export",
          "[determinism][media]") {
    const auto dir = test::scratchDir("determinism");
    for (const auto* d : fx::EffectRegistry::builtin().all()) {
        DYNAMIC_SECTION(d->id) {
            // A temporal chain is checked across a segment boundary and its shadow window.
            const auto schedule =
                engine::TemporalSchedule::forHistory(d->temporal() ? d->historyFrames : 0);
            const std::int64_t frames =
                d->temporal() ? schedule.segment + schedule.history + 12 : 24;
            const auto project = projectWith(*d, frames);

            engine::TimelineRenderer sequential(project, 1);
            std::vector<std::string> expected;
            for (std::int64_t f = 0; f < frames; ++f)
                expected.push_back(hashOf(sequential, f));

            // Random access: jumps backwards, forwards, into and out of segments.
            engine::TimelineRenderer seeking(project, 2);
            const std::vector<std::int64_t> order = {
                frames - 1,           3, frames / 2, 0, frames - 2, schedule.segment,
                schedule.segment - 1, 7, 6,          5};
            for (auto f : order) {
                if (f < 0 || f >= frames) continue;
                INFO("frame " << f);
                CHECK(hashOf(seeking, f) == expected[static_cast<std::size_t>(f)]);
            }
            // A renderer that has never seen another frame.
            engine::TimelineRenderer fresh(project, 2);
            CHECK(hashOf(fresh, frames - 3) == expected[static_cast<std::size_t>(frames - 3)]);

            // Export, whole and as a slice starting mid-segment.
            engine::ExportSettings whole;
            whole.path = (dir / (d->id + ".mp4")).string();
            whole.frameHashesPath = (dir / (d->id + ".hashes")).string();
            REQUIRE(engine::runExport(project, whole) == engine::ExportOutcome::Done);
            std::ifstream in(whole.frameHashesPath);
            std::int64_t index = 0;
            std::string hash;
            std::int64_t lines = 0;
            while (in >> index >> hash) {
                INFO("exported frame " << index);
                CHECK(hash == expected[static_cast<std::size_t>(index)]);
                ++lines;
            }
            CHECK(lines == frames);

            engine::ExportSettings slice = whole;
            slice.first = frames / 2 + 1;
            slice.end = frames;
            slice.path = (dir / (d->id + "-slice.mp4")).string();
            slice.frameHashesPath = (dir / (d->id + "-slice.hashes")).string();
            REQUIRE(engine::runExport(project, slice) == engine::ExportOutcome::Done);
            std::ifstream sliceIn(slice.frameHashesPath);
            lines = 0;
            while (sliceIn >> index >> hash) {
                INFO("slice frame " << index);
                CHECK(hash == expected[static_cast<std::size_t>(index)]);
                ++lines;
            }
            CHECK(lines == slice.end - slice.first);
        }
    }
}

TEST_CASE("sequential play crosses segments without replaying", "[determinism][media]") {
    const auto* feedback = fx::EffectRegistry::builtin().find("fx.feedback");
    REQUIRE(feedback);
    const auto schedule = engine::TemporalSchedule::forHistory(feedback->historyFrames);
    const std::int64_t frames = 2 * schedule.segment + 5;
    engine::TimelineRenderer r(projectWith(*feedback, frames), 1);
    std::int64_t replayed = 0;
    for (std::int64_t f = 0; f < frames; ++f) {
        r.render(f);
        replayed += r.stats().replayedFrames;
    }
    CHECK(replayed == 0); // the shadow chain had the next segment's state ready each time
    r.render(schedule.segment + 10); // a seek back replays from the segment's anchor
    CHECK(r.stats().replayedFrames ==
          schedule.segment + 10 - schedule.anchor(schedule.segment + 10));
}

TEST_CASE("an edited chain renders as a fresh renderer would, also for temporal effects",
          "[determinism][media]") {
    // setProject() keeps a clip's buffers across a knob change but must start
    // its temporal state afresh, exactly as a new renderer does.
    const auto* echo = fx::EffectRegistry::builtin().find("fx.echo");
    REQUIRE(echo);
    auto before = projectWith(*echo, 40);
    auto edited = std::make_shared<engine::Project>(*before);
    auto& effects = edited->tracks.front().clips.front().effects;
    effects[1].params.set("amount", fx::ParamValue{0.9, 0, 0, 0});
    effects[0].mix = 0.5;

    engine::TimelineRenderer kept(before, 2);
    for (std::int64_t f = 0; f < 12; ++f)
        kept.render(f);
    kept.setProject(edited);
    engine::TimelineRenderer fresh(edited, 2);
    for (std::int64_t f : {12, 13, 30, 5})
        CHECK(hashOf(kept, f) == hashOf(fresh, f));
    kept.setProject(before); // and back
    engine::TimelineRenderer original(before, 1);
    CHECK(hashOf(kept, 20) == hashOf(original, 20));
}
