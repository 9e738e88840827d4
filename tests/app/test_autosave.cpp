// Autosave writes a recovery file on its timer; RecoveryStore finds it after
// a "crash" and restores it; a clean save or close removes it.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include "commands/edits.h"
#include "model/autosaver.h"
#include "model/recovery_store.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

TEST_CASE("autosave writes a recovery file that RecoveryStore offers and restores",
          "[app][autosave]") {
    QTemporaryDir projects;
    QTemporaryDir recovery;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), projects, "edit.entropic");
    const QString projectPath = doc.filePath();
    QString error;

    std::string crashedState;
    {
        Autosaver autosaver(doc, recovery.path());
        CHECK(autosaver.interval() == std::chrono::seconds(60));
        autosaver.setInterval(std::chrono::milliseconds(50));
        QSignalSpy saved_(&autosaver, &Autosaver::autosaved);
        // Nothing to save while the document is unmodified.
        QTest::qWait(150);
        CHECK(saved_.count() == 0);

        REQUIRE(edits::moveClip(doc, "a", "V1", 5));
        REQUIRE(edits::addMarker(doc, 9, "before the crash"));
        REQUIRE(saved_.wait(2000));
        const QString file = autosaver.recoveryFilePath();
        CHECK(file.startsWith(recovery.path()));
        CHECK(file.endsWith("-edit.entropic"));
        CHECK(QFileInfo::exists(file));
        // Unchanged since: no rewrite.
        QTest::qWait(200);
        CHECK(saved_.count() == 1);
        crashedState = saved(doc);

        RecoveryStore store(recovery.path());
        const auto pending = store.pending();
        REQUIRE(pending.size() == 1);
        CHECK(pending[0].recoveryFile == file);
        CHECK(pending[0].projectPath == projectPath);
        REQUIRE(store.forProject(projectPath));
        CHECK_FALSE(store.forProject(projects.filePath("other.entropic")));

        // "Crash": copy the file aside before the autosaver cleans up.
        REQUIRE(QFile::copy(file, file + ".kept"));
    }
    // A clean close removed it.
    RecoveryStore store(recovery.path());
    CHECK(store.pending().empty());
    const QString kept = QDir(recovery.path()).entryList({"*.kept"}).at(0);
    REQUIRE(QFile::rename(recovery.filePath(kept), recovery.filePath(kept.chopped(5))));

    const auto pending = store.pending();
    REQUIRE(pending.size() == 1);
    ProjectDocument restored;
    REQUIRE(store.restore(restored, pending[0], &error));
    CHECK(saved(restored) == crashedState);
    CHECK(restored.filePath() == projectPath);
    CHECK(restored.isModified());
    CHECK(clip(restored, "a")->sourcePath == clip(doc, "a")->sourcePath);
    CHECK(store.discard(pending[0]));
    CHECK(store.pending().empty());
}

TEST_CASE("saving the project removes its recovery file, older ones are not offered",
          "[app][autosave]") {
    QTemporaryDir projects;
    QTemporaryDir recovery;
    ProjectDocument doc;
    Autosaver autosaver(doc, recovery.path());
    REQUIRE(edits::addMarker(doc, 1, "untitled work"));
    QString error;
    REQUIRE(autosaver.saveNow(&error));
    const QString untitled = autosaver.recoveryFilePath();
    CHECK(QFileInfo(untitled).fileName().startsWith("untitled-"));
    REQUIRE(QFileInfo::exists(untitled));
    RecoveryStore store(recovery.path());
    REQUIRE(store.pending().size() == 1);
    CHECK(store.pending()[0].projectPath.isEmpty());

    REQUIRE(doc.save(projects.filePath("named.entropic"), &error));
    CHECK_FALSE(QFileInfo::exists(untitled));
    CHECK(store.pending().empty());

    // A recovery file older than its project (saved again later) is stale.
    REQUIRE(edits::addMarker(doc, 2, "more"));
    REQUIRE(autosaver.saveNow(&error));
    const QString named = autosaver.recoveryFilePath();
    REQUIRE(QFile::copy(named, named + ".bak"));
    QTest::qWait(20);
    REQUIRE(doc.save(doc.filePath(), &error));
    CHECK_FALSE(QFileInfo::exists(named));
    REQUIRE(QFile::rename(named + ".bak", named));
    CHECK(store.pending().empty());
    CHECK_FALSE(store.forProject(doc.filePath()));
}
