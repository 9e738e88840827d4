// The signal part of the project as the editor edits it: operators, sources,
// routes and keyframes, each one undoable history entry; cycles and bad
// routes refused with nothing changed; deleting an effect or clip takes its
// modulation with it in the same entry.
#include <catch2/catch.hpp>

#include "commands/edit_command.h"
#include "commands/edits.h"
#include "model/history_policy.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

const sig::ParamTarget kAmount{"fx-1", "amount", 0};

sig::RouteSpec routeFrom(const QString& node, double depth = 0.5) {
    sig::RouteSpec r;
    r.signal = node.toStdString();
    r.target = kAmount;
    r.depth = depth;
    return r;
}

const sig::AutomationLane* lane(const ProjectDocument& doc, const sig::ParamTarget& target) {
    for (const auto& l : doc.project().signals.lanes)
        if (l.target == target) return &l;
    return nullptr;
}

} // namespace

TEST_CASE("an operator and a route are one undo step each and round-trip through the file",
          "[app][signals]") {
    LoadedFixture f;
    QString error, lfo, route;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo));
    CHECK(lfo == "lfo-1");
    CHECK(f.doc.undoStack()->text(0) == "Add LFO");
    REQUIRE(edits::setOperatorParam(f.doc, lfo, "rate", 4.0, &error));
    REQUIRE(edits::renameSignalNode(f.doc, lfo, "Wobble", &error));
    REQUIRE(edits::addRoute(f.doc, routeFrom(lfo, -0.25), &error, &route));
    CHECK(route == "route-1");
    CHECK(f.doc.undoStack()->text(3) == "Modulate Noise amount by Wobble");
    const auto& spec = f.doc.project().signals;
    REQUIRE(spec.operators.size() == 1);
    CHECK(spec.operators[0].params.at("rate") == 4.0);
    CHECK(spec.operators[0].name == "Wobble");
    REQUIRE(spec.routes.size() == 1);
    CHECK(spec.routes[0].depth == -0.25);

    const std::string edited = saved(f.doc);
    QTemporaryDir dir;
    const QString path = dir.filePath("signals.entropic");
    REQUIRE(f.doc.save(path, &error));
    ProjectDocument reopened;
    REQUIRE(reopened.load(path, &error));
    CHECK(reopened.project().signals == f.doc.project().signals);

    f.doc.undoStack()->setIndex(0);
    CHECK(saved(f.doc) == f.original);
    f.doc.undoStack()->setIndex(4);
    CHECK(saved(f.doc) == edited);
}

TEST_CASE("an operator knob drag is one history entry", "[app][signals]") {
    LoadedFixture f;
    QString lfo;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, nullptr, &lfo));
    const int gesture = edits::newGestureId();
    for (double v : {0.1, 0.4, 0.8})
        REQUIRE(edits::setOperatorParam(f.doc, lfo, "depth", v, nullptr, gesture));
    CHECK(f.doc.undoStack()->count() == 2);
    CHECK(f.doc.project().signals.operators[0].params.at("depth") == 0.8);
    f.doc.undoStack()->undo();
    CHECK(f.doc.project().signals.operators[0].params.count("depth") == 0);
    // Out of range is clamped like an effect knob.
    REQUIRE(edits::setOperatorParam(f.doc, lfo, "depth", 7.0));
    CHECK(f.doc.project().signals.operators[0].params.at("depth") == 1.0);
}

TEST_CASE("a route that would close a cycle is refused, naming the nodes, and nothing changes",
          "[app][signals]") {
    LoadedFixture f;
    QString error, lfo, a, b;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo));
    REQUIRE(edits::addOperator(f.doc, "op.math", {lfo}, &error, &a));
    REQUIRE(edits::addOperator(f.doc, "op.math", {a}, &error, &b));
    const std::string before = saved(f.doc);
    const int count = f.doc.undoStack()->count();
    CHECK_FALSE(edits::setOperatorInputs(f.doc, a, {b}, &error));
    CHECK(error.contains("cycle"));
    CHECK(error.contains(a));
    CHECK(error.contains(b));
    CHECK(saved(f.doc) == before);
    CHECK(f.doc.undoStack()->count() == count);
    // An operator that needs an input cannot be added without one.
    CHECK_FALSE(edits::addOperator(f.doc, "op.gate", {}, &error));
    CHECK(saved(f.doc) == before);
}

TEST_CASE("bad routes get clear errors and change nothing", "[app][signals]") {
    LoadedFixture f;
    QString error, lfo;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo));
    const std::string before = saved(f.doc);

    auto r = routeFrom(lfo);
    r.target.param = "amout";
    CHECK_FALSE(edits::addRoute(f.doc, r, &error));
    CHECK(error.contains("amout"));
    r = routeFrom(lfo, 1.5);
    CHECK_FALSE(edits::addRoute(f.doc, r, &error));
    CHECK(error.contains("depth"));
    r = routeFrom("nothing-9");
    CHECK_FALSE(edits::addRoute(f.doc, r, &error));
    CHECK(error.contains("nothing-9"));
    CHECK(saved(f.doc) == before);
}

TEST_CASE("keyframes: set, replace, move, interpolate, delete, the last key takes the lane",
          "[app][signals]") {
    LoadedFixture f;
    QString error;
    REQUIRE(edits::setKeyframe(f.doc, kAmount, 40, 0.1, std::nullopt, &error));
    REQUIRE(edits::setKeyframe(f.doc, kAmount, 60, 0.9, sig::Interpolation::Hold, &error));
    REQUIRE(lane(f.doc, kAmount));
    CHECK(lane(f.doc, kAmount)->keys.size() == 2);
    CHECK(lane(f.doc, kAmount)->keys[0].interp == sig::Interpolation::Linear);
    CHECK(lane(f.doc, kAmount)->keys[1].interp == sig::Interpolation::Hold);
    // Same frame replaces the value and keeps the interpolation.
    REQUIRE(edits::setKeyframe(f.doc, kAmount, 60, 2.0, std::nullopt, &error));
    CHECK(lane(f.doc, kAmount)->keys[1].value == 1.0); // clamped to amount's range
    CHECK(lane(f.doc, kAmount)->keys[1].interp == sig::Interpolation::Hold);

    // A drag is one entry; it may pass the other key, not land on it.
    const int count = f.doc.undoStack()->count();
    const int gesture = edits::newGestureId();
    REQUIRE(edits::moveKeyframe(f.doc, kAmount, 60, 50, 0.5, &error, gesture));
    REQUIRE(edits::moveKeyframe(f.doc, kAmount, 50, 30, 0.6, &error, gesture));
    CHECK(f.doc.undoStack()->count() == count + 1);
    CHECK(lane(f.doc, kAmount)->keys[0].frame == 30);
    CHECK(lane(f.doc, kAmount)->keys[1].frame == 40);
    CHECK_FALSE(edits::moveKeyframe(f.doc, kAmount, 30, 40, 0.6, &error));
    CHECK(error.contains("already a keyframe at 40"));

    REQUIRE(
        edits::setKeyframeInterpolation(f.doc, kAmount, 30, sig::Interpolation::EaseInOut, &error));
    CHECK(lane(f.doc, kAmount)->keys[0].interp == sig::Interpolation::EaseInOut);
    REQUIRE(edits::removeKeyframe(f.doc, kAmount, 30, &error));
    REQUIRE(edits::removeKeyframe(f.doc, kAmount, 40, &error));
    CHECK(lane(f.doc, kAmount) == nullptr);
    CHECK_FALSE(edits::setKeyframe(f.doc, {"fx-1", "nope", 0}, 0, 1, std::nullopt, &error));
    CHECK(error.contains("nope"));

    f.doc.undoStack()->setIndex(0);
    CHECK(saved(f.doc) == f.original);
}

TEST_CASE("deleting an effect or its clip takes its routes and lanes in the same entry",
          "[app][signals]") {
    LoadedFixture f;
    QString error, lfo, rms;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo));
    REQUIRE(edits::addRoute(f.doc, routeFrom(lfo), &error));
    REQUIRE(edits::setKeyframe(f.doc, kAmount, 45, 0.2, std::nullopt, &error));
    REQUIRE(edits::addSource(f.doc, sig::SourceKind::AudioRms, "m", &error, &rms));
    REQUIRE(edits::addOperator(f.doc, "op.math", {rms}, &error));
    const std::string withSignals = saved(f.doc);
    const int count = f.doc.undoStack()->count();

    SECTION("the effect") {
        REQUIRE(edits::removeEffect(f.doc, "b", "fx-1", &error));
        CHECK(f.doc.undoStack()->count() == count + 1);
        CHECK(f.doc.undoStack()->text(count) ==
              "Remove Noise (and 1 modulation, 1 automation lane)");
        CHECK(f.doc.project().signals.routes.empty());
        CHECK(f.doc.project().signals.lanes.empty());
        CHECK(f.doc.project().signals.operators.size() == 2); // the nodes stay
    }
    SECTION("the clip") {
        REQUIRE(edits::deleteClips(f.doc, {"b"}, &error));
        CHECK(f.doc.project().signals.routes.empty());
    }
    SECTION("the audio clip a source measures: the source and what read it") {
        REQUIRE(edits::deleteClips(f.doc, {"m"}, &error));
        CHECK(f.doc.project().signals.sources.empty());
        CHECK(f.doc.project().signals.operators.size() == 1); // op.math had only that input
        CHECK(f.doc.project().signals.routes.size() == 1);
    }
    // It saves, and one undo brings everything back.
    QTemporaryDir dir;
    CHECK(f.doc.save(dir.filePath("after.entropic"), &error));
    f.doc.undoStack()->undo();
    CHECK(saved(f.doc) == withSignals);
}

TEST_CASE("removing a node removes its routes and its place in other operators' inputs",
          "[app][signals]") {
    LoadedFixture f;
    QString error, lfo, lfo2, fusion;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo));
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo2));
    REQUIRE(edits::addOperator(f.doc, "op.fusion", {lfo, lfo2}, &error, &fusion));
    REQUIRE(edits::addRoute(f.doc, routeFrom(lfo), &error));
    REQUIRE(edits::removeSignalNode(f.doc, lfo, &error));
    const auto& spec = f.doc.project().signals;
    CHECK(spec.routes.empty());
    REQUIRE(spec.operators.size() == 2);
    CHECK(spec.operators[1].inputs == std::vector<std::string>{lfo2.toStdString()});
    f.doc.undoStack()->undo();
    CHECK(f.doc.project().signals.routes.size() == 1);
}

TEST_CASE("signal commands come back exactly from the history's disk form", "[app][signals]") {
    QTemporaryDir spillDir;
    LoadedFixture f;
    f.doc.history().setSpillDirectory(spillDir.path());
    f.doc.history().reset();
    QString lfo;
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, nullptr, &lfo));
    REQUIRE(edits::addRoute(f.doc, routeFrom(lfo)));
    REQUIRE(edits::removeEffect(f.doc, "b", "fx-1")); // a compound entry
    const std::string end = saved(f.doc);
    // Spill everything, then walk back and forth.
    f.doc.history().setMemoryCap(1);
    CHECK(f.doc.history().spilledCount() >= 2);
    f.doc.undoStack()->setIndex(0);
    CHECK(saved(f.doc) == f.original);
    f.doc.undoStack()->setIndex(f.doc.undoStack()->count());
    CHECK(saved(f.doc) == end);
}

TEST_CASE("a point's components are modulated and automated one by one", "[app][signals]") {
    LoadedFixture f;
    QString error, fxId, lfo;
    REQUIRE(edits::addEffect(f.doc, "b", "util.transform", -1, &error, &fxId));
    const sig::ParamTarget anchorY{fxId.toStdString(), "anchor", 1};
    REQUIRE(edits::setKeyframe(f.doc, anchorY, 50, 0.9, std::nullopt, &error));
    REQUIRE(edits::setKeyframe(f.doc, anchorY, 60, 7.0, std::nullopt, &error));
    REQUIRE(lane(f.doc, anchorY));
    CHECK(lane(f.doc, anchorY)->keys[1].value == 1.0); // the point's range is 0..1
    REQUIRE(edits::addOperator(f.doc, "mod.lfo", {}, &error, &lfo));
    sig::RouteSpec r = routeFrom(lfo);
    r.target = {fxId.toStdString(), "anchor", 0};
    REQUIRE(edits::addRoute(f.doc, r, &error));
    CHECK_FALSE(
        edits::setKeyframe(f.doc, {fxId.toStdString(), "anchor", 2}, 0, 0.5, std::nullopt, &error));
    CHECK(error.contains("no component 2"));
}
