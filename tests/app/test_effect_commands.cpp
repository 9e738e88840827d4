// Effect chains and instance settings, with undo/redo and merging of one
// knob drag into one history entry.
#include <catch2/catch.hpp>

#include <set>

#include <QSignalSpy>

#include "commands/edits.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {
struct Fixture : LoadedFixture {
    const fx::EffectInstance& effect(const std::string& clipId, std::size_t i) {
        return clip(doc, clipId)->effects.at(i);
    }
};
} // namespace

TEST_CASE("add, remove, duplicate and reorder effects", "[app][effects]") {
    Fixture f;
    QSignalSpy chainChanged(&f.doc, &ProjectDocument::clipEffectsChanged);
    QString error, id;
    REQUIRE(edits::addEffect(f.doc, "b", "util.levels", -1, &error, &id));
    CHECK(id == "fx-2");
    CHECK(chainChanged.count() == 1);
    CHECK(chainChanged.at(0).at(0).toString() == "b");
    const auto& added = f.effect("b", 1);
    CHECK(added.descriptor->id == "util.levels");
    CHECK(added.enabled);
    CHECK(added.mix == 1.0);
    for (std::size_t i = 0; i < added.params.size(); ++i)
        CHECK(added.params.at(i) == added.descriptor->params[i].def); // descriptor defaults
    CHECK(f.doc.undoStack()->text(0) == "Add Levels");

    REQUIRE(edits::addEffect(f.doc, "b", "fx.channelshift", 0, &error));
    CHECK(f.effect("b", 0).descriptor->id == "fx.channelshift");
    REQUIRE(edits::duplicateEffect(f.doc, "b", "fx-1", &error, &id));
    CHECK(id == "fx-4");
    CHECK(f.effect("b", 2).instanceId == "fx-4");
    CHECK(f.effect("b", 2).params.number("amount") == 0.3);
    CHECK(f.effect("b", 2).userSeed == 7);
    REQUIRE(edits::moveEffect(f.doc, "b", "fx-2", 0, &error));
    CHECK(f.effect("b", 0).instanceId == "fx-2");
    CHECK(f.doc.undoStack()->text(3) == "Move Levels");
    REQUIRE(edits::removeEffect(f.doc, "b", "fx-1", &error));
    CHECK(clip(f.doc, "b")->effects.size() == 3);
    const std::string edited = saved(f.doc);
    f.doc.undoStack()->setIndex(0);
    CHECK(saved(f.doc) == f.original);
    f.doc.undoStack()->setIndex(5);
    CHECK(saved(f.doc) == edited);

    const int count = f.doc.undoStack()->count();
    CHECK_FALSE(edits::addEffect(f.doc, "m", "fx.noise", -1, &error));
    CHECK(error.contains("audio clip"));
    CHECK_FALSE(edits::addEffect(f.doc, "b", "fx.nothing", -1, &error));
    CHECK(error.contains("no effect fx.nothing"));
    CHECK_FALSE(edits::removeEffect(f.doc, "a", "fx-2", &error));
    CHECK(f.doc.undoStack()->count() == count);
}

TEST_CASE("bypass, mix, mask, seed and parameters", "[app][effects]") {
    Fixture f;
    QString error;
    REQUIRE(edits::setEffectEnabled(f.doc, "b", "fx-1", false, &error));
    CHECK_FALSE(f.effect("b", 0).enabled);
    CHECK(f.doc.undoStack()->text(0) == "Bypass Noise");
    REQUIRE(edits::setEffectMix(f.doc, "b", "fx-1", 0.25, &error));
    CHECK(f.effect("b", 0).mix == 0.25);
    CHECK_FALSE(edits::setEffectMix(f.doc, "b", "fx-1", 1.5, &error));
    fx::MaskSpec mask;
    mask.shape = fx::MaskShape::Ellipse;
    mask.feather = 0.2;
    REQUIRE(edits::setEffectMask(f.doc, "b", "fx-1", mask, &error));
    CHECK(f.effect("b", 0).mask.shape == fx::MaskShape::Ellipse);
    mask.feather = 3;
    CHECK_FALSE(edits::setEffectMask(f.doc, "b", "fx-1", mask, &error));
    REQUIRE(edits::setEffectSeed(f.doc, "b", "fx-1", 99, &error));
    CHECK(f.effect("b", 0).userSeed == 99);
    REQUIRE(edits::setEffectBlend(f.doc, "b", "fx-1", fx::BlendMode::Screen, &error));
    CHECK(f.effect("b", 0).blend == fx::BlendMode::Screen);
    CHECK(f.doc.undoStack()->text(4) == "Blend Noise: Screen");
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {0.5, 0, 0, 0}, &error));
    CHECK(f.effect("b", 0).params.number("amount") == 0.5);
    CHECK(f.doc.undoStack()->text(5) == "Set Noise amount");
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {7, 0, 0, 0}, &error));
    CHECK(f.effect("b", 0).params.number("amount") == 1.0); // clamped to the range
    CHECK_FALSE(edits::setParameter(f.doc, "b", "fx-1", "nope", {1, 0, 0, 0}, &error));
    CHECK(error == "Noise has no parameter nope");
    const int count = f.doc.undoStack()->count();
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {1, 0, 0, 0}, &error)); // no change
    CHECK(f.doc.undoStack()->count() == count);

    const std::string edited = saved(f.doc);
    f.doc.undoStack()->setIndex(0);
    CHECK(saved(f.doc) == f.original);
    f.doc.undoStack()->setIndex(count);
    CHECK(saved(f.doc) == edited);
}

TEST_CASE("a knob drag of 50 changes is one history entry", "[app][effects][history]") {
    Fixture f;
    const int gesture = edits::newGestureId();
    for (int i = 1; i <= 50; ++i)
        REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {i / 100.0, 0, 0, 0}, nullptr,
                                    gesture));
    CHECK(f.doc.undoStack()->count() == 1);
    CHECK(f.doc.undoStack()->text(0) == "Set Noise amount");
    CHECK(f.effect("b", 0).params.number("amount") == 0.5);
    f.doc.undoStack()->undo();
    CHECK(saved(f.doc) == f.original);
    f.doc.undoStack()->redo();
    CHECK(f.effect("b", 0).params.number("amount") == 0.5);

    // A new gesture is a new entry; no gesture never merges.
    const int next = edits::newGestureId();
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {0.6, 0, 0, 0}, nullptr, next));
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {0.7, 0, 0, 0}, nullptr, next));
    CHECK(f.doc.undoStack()->count() == 2);
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {0.8, 0, 0, 0}));
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {0.9, 0, 0, 0}));
    CHECK(f.doc.undoStack()->count() == 4);
    // The same gesture id on another instance does not merge.
    REQUIRE(edits::addEffect(f.doc, "a", "fx.noise"));
    REQUIRE(edits::setParameter(f.doc, "a", "fx-2", "amount", {0.2, 0, 0, 0}, nullptr, next));
    REQUIRE(edits::setParameter(f.doc, "b", "fx-1", "amount", {0.3, 0, 0, 0}, nullptr, next));
    CHECK(f.doc.undoStack()->count() == 7);
}

TEST_CASE("applying a preset appends its chain as one history entry", "[app][effects][presets]") {
    Fixture f;
    const auto preset = engine::findPreset(ENTROPIC_SOURCE_DIR "/resources/presets", "worn-tape");
    const std::size_t before = clip(f.doc, "b")->effects.size();
    const std::string original = saved(f.doc);
    QString error;
    REQUIRE(edits::applyPreset(f.doc, "b", preset, &error));
    const auto& chain = clip(f.doc, "b")->effects;
    REQUIRE(chain.size() == before + preset.effects.size());
    std::set<std::string> ids;
    for (const auto& e : chain)
        ids.insert(e.instanceId);
    CHECK(ids.size() == chain.size()); // every instance id unique in the clip
    for (std::size_t i = 0; i < preset.effects.size(); ++i) {
        CHECK(chain[before + i].descriptor == preset.effects[i].descriptor);
        for (std::size_t k = 0; k < preset.effects[i].params.size(); ++k)
            CHECK(chain[before + i].params.at(k) == preset.effects[i].params.at(k));
    }
    CHECK(f.doc.undoStack()->count() == 1);
    CHECK(f.doc.undoStack()->text(0) == "Apply preset Worn tape");
    f.doc.undoStack()->undo();
    CHECK(saved(f.doc) == original);
    CHECK_FALSE(edits::applyPreset(f.doc, "m", preset, &error)); // an audio clip
    CHECK(f.doc.undoStack()->count() == 1);
}
