// The history: any sequence of edits undone to the start gives back the
// original project byte for byte; redo gives back the end; a new edit cuts
// the redo branch; the step limit keeps critical entries; the memory cap
// spills to disk and undo still restores exactly.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <QDir>
#include <QSettings>
#include <QSignalSpy>

#include "commands/edits.h"
#include "model/history_policy.h"
#include "random_edits.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

// Runs `count` recorded random edits; returns the saved state at each stack
// index as it was when that index was the top.
std::map<int, std::string> runEdits(ProjectDocument& doc, std::uint64_t seed, int count,
                                    EditStats& stats) {
    TestRng rng(seed);
    std::map<int, std::string> states;
    states[doc.undoStack()->index()] = saved(doc);
    int recorded = 0;
    while (recorded < count && stats.attempts < count * 40) {
        if (randomEdit(doc, rng, stats)) {
            ++recorded;
            states[doc.undoStack()->index()] = saved(doc);
        }
    }
    REQUIRE(recorded == count);
    return states;
}

} // namespace

TEST_CASE("300 random edits undone give back the original byte for byte", "[app][history]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    const std::string original = saved(doc);
    EditStats stats;
    const auto states = runEdits(doc, 20260611, 300, stats);
    const std::string final = saved(doc);
    const int top = doc.undoStack()->count();
    INFO("entries " << top << ", attempts " << stats.attempts);
    CHECK(top > 200); // knob drags merge, so a little fewer than 300
    CHECK(top == doc.undoStack()->index());

    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    CHECK(saved(doc) == original);
    CHECK_FALSE(doc.isModified());
    while (doc.undoStack()->canRedo())
        doc.undoStack()->redo();
    CHECK(saved(doc) == final);

    // Jumping anywhere (a click in the history panel) lands on that state.
    TestRng rng(7);
    for (int i = 0; i < 40; ++i) {
        const int k = static_cast<int>(rng.range(0, top));
        doc.undoStack()->setIndex(k);
        REQUIRE(states.count(k));
        CHECK(saved(doc) == states.at(k));
    }
}

TEST_CASE("a new edit after undo cuts the redo branch", "[app][history]") {
    ProjectDocument doc;
    REQUIRE(edits::addMarker(doc, 1, "a"));
    REQUIRE(edits::addMarker(doc, 2, "b"));
    REQUIRE(edits::addMarker(doc, 3, "c"));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    CHECK(doc.undoStack()->canRedo());
    REQUIRE(edits::addMarker(doc, 9, "z"));
    CHECK(doc.undoStack()->count() == 2);
    CHECK_FALSE(doc.undoStack()->canRedo());
    CHECK(doc.undoStack()->text(1) == "Add marker z");
    REQUIRE(doc.editorState().markers.size() == 2);
    CHECK(doc.editorState().markers[1].name == "z");
}

TEST_CASE("the step limit drops the oldest entries but keeps critical ones", "[app][history]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    doc.history().setStepLimit(10);
    for (int i = 0; i < 5; ++i)
        REQUIRE(edits::addMarker(doc, i, QStringLiteral("early %1").arg(i)));
    const std::string beforeDelete = saved(doc);
    REQUIRE(edits::removeTrack(doc, "V2"));
    for (int i = 0; i < 30; ++i)
        REQUIRE(edits::moveClip(doc, "a", "V1", i % 2 ? 0 : 1));
    const std::string final = saved(doc);

    auto* stack = doc.undoStack();
    CHECK(stack->count() == 10);
    CHECK(stack->text(0) == "Delete track V2");
    CHECK(doc.history().isCritical(0));
    CHECK(stack->text(1) == "22 older edits (combined)");
    CHECK(stack->text(9) == "Move clip a.mp4");
    CHECK(stack->index() == 10);

    stack->setIndex(1);
    CHECK(clipIds(doc, "V2") == "<no track>");
    stack->setIndex(0); // the critical entry still undoes exactly
    CHECK(saved(doc) == beforeDelete);
    CHECK(clipIds(doc, "V2") == "d");
    stack->setIndex(10);
    CHECK(saved(doc) == final);

    // More edits keep folding into the same checkpoint.
    for (int i = 0; i < 5; ++i)
        REQUIRE(edits::addMarker(doc, 100 + i, "late"));
    CHECK(stack->count() == 10);
    CHECK(stack->text(1) == "27 older edits (combined)");
    const std::string later = saved(doc);
    stack->setIndex(0);
    CHECK(saved(doc) == beforeDelete);
    stack->setIndex(10);
    CHECK(saved(doc) == later);

    // Critical entries beyond the limit are all kept.
    doc.history().setStepLimit(3);
    for (const char* id : {"V1", "A1"})
        REQUIRE(edits::removeTrack(doc, id));
    REQUIRE(edits::addMarker(doc, 500, "x"));
    int critical = 0;
    for (int i = 0; i < stack->count(); ++i)
        critical += doc.history().isCritical(i) ? 1 : 0;
    CHECK(critical == 3);
    stack->setIndex(0);
    CHECK(saved(doc) == beforeDelete);
}

TEST_CASE("the step limit on random edits keeps every state reachable and exact",
          "[app][history]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    doc.history().setStepLimit(40);
    EditStats stats;
    TestRng rng(99);
    std::set<std::string> seen{saved(doc)};
    for (int recorded = 0; recorded < 300 && stats.attempts < 12000;)
        if (randomEdit(doc, rng, stats)) {
            ++recorded;
            seen.insert(saved(doc));
        }
    const std::string final = saved(doc);
    auto* stack = doc.undoStack();
    int critical = 0;
    for (int i = 0; i < stack->count(); ++i)
        critical += doc.history().isCritical(i) ? 1 : 0;
    INFO("critical pushed " << stats.critical << ", entries " << stack->count());
    CHECK(stats.critical > 0); // the seed does delete tracks and clear the timeline
    CHECK(critical == stats.critical);
    CHECK(stack->count() >= 40);
    CHECK(stack->count() <= 40 + 2 * stats.critical);
    // Every state the history can reach is one the document really had.
    for (int k = stack->count(); k >= 0; --k) {
        stack->setIndex(k);
        CHECK(seen.count(saved(doc)) == 1);
    }
    stack->setIndex(stack->count());
    CHECK(saved(doc) == final);
}

TEST_CASE("the memory cap moves old entries to disk and undo still restores exactly",
          "[app][history]") {
    QTemporaryDir dir;
    QTemporaryDir spillDir;
    ProjectDocument doc;
    doc.history().setSpillDirectory(spillDir.path());
    loadJson(doc, fixtureJson(), dir);
    const std::string original = saved(doc);
    QSignalSpy spilled(&doc.history(), &HistoryPolicy::spilledToDisk);
    doc.history().setMemoryCap(8 * 1024);
    EditStats stats;
    const auto states = runEdits(doc, 4242, 300, stats);
    const std::string final = saved(doc);
    CHECK(spilled.count() > 0);
    CHECK(doc.history().spilledCount() > 100);

    auto* stack = doc.undoStack();
    while (stack->canUndo())
        stack->undo();
    CHECK(saved(doc) == original);
    while (stack->canRedo())
        stack->redo();
    CHECK(saved(doc) == final);
    for (int k : {0, 17, 150, stack->count() / 2, stack->count()}) {
        stack->setIndex(k);
        CHECK(saved(doc) == states.at(k));
    }

    // Spill and step limit together: pruning reads spilled entries back.
    doc.history().setStepLimit(50);
    stack->setIndex(stack->count());
    CHECK(stack->count() <= 50 + 2 * stats.critical);
    REQUIRE(edits::addMarker(doc, 1, "after"));
    const std::string last = saved(doc);
    stack->setIndex(0);
    stack->setIndex(stack->count());
    CHECK(saved(doc) == last);

    // A new history leaves nothing behind in the spill folder.
    doc.newProject();
    CHECK(doc.history().spilledCount() == 0);
    CHECK(QDir(spillDir.path()).entryList(QDir::Files).isEmpty());
}

TEST_CASE("the step limit comes from the settings, at most 2000", "[app][history]") {
    ProjectDocument doc;
    CHECK(doc.history().stepLimit() == HistoryPolicy::kDefaultStepLimit);
    CHECK(doc.history().memoryCap() == 50LL * 1024 * 1024);
    HistoryPolicy::saveStepLimitSetting(5000);
    doc.history().loadSettings();
    CHECK(doc.history().stepLimit() == 2000);
    HistoryPolicy::saveStepLimitSetting(20);
    doc.history().loadSettings();
    CHECK(doc.history().stepLimit() == 20);
    QSettings().remove(QLatin1String(HistoryPolicy::kStepLimitKey));
    doc.history().loadSettings();
    CHECK(doc.history().stepLimit() == 500);
}

TEST_CASE("a saved state pruned from the history leaves the document modified", "[app][history]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    doc.history().setStepLimit(5);
    REQUIRE(edits::addMarker(doc, 1, "one"));
    QString error;
    REQUIRE(doc.save(dir.filePath("saved.entropic"), &error));
    CHECK_FALSE(doc.isModified());
    REQUIRE(edits::addMarker(doc, 2, "two"));
    doc.undoStack()->undo();
    CHECK_FALSE(doc.isModified()); // back at the saved state
    for (int i = 0; i < 10; ++i)
        REQUIRE(edits::addMarker(doc, 10 + i, "more"));
    CHECK(doc.undoStack()->count() == 5);
    doc.undoStack()->setIndex(0);
    CHECK(doc.isModified()); // the saved state is no longer reachable
}
