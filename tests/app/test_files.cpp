// Project files: save/load round trip, atomic save, and files that are
// refused (newer format, damaged, invalid) without changing anything.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include "commands/edits.h"
#include "model/atomic_file.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST_CASE("save and load round trip", "[app][files]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    REQUIRE(edits::addEffect(doc, "a", "fx.noise"));
    REQUIRE(edits::addMarker(doc, 12, "hit"));
    REQUIRE(edits::setInPoint(doc, 5));
    REQUIRE(edits::setTrackLocked(doc, "V2", true));
    CHECK(doc.isModified());
    QSignalSpy fileState(&doc, &ProjectDocument::fileStateChanged);
    const QString path = dir.filePath("round.entropic");
    QString error;
    REQUIRE(doc.save(path, &error));
    CHECK_FALSE(doc.isModified());
    CHECK(doc.filePath() == path);
    CHECK(doc.displayName() == "round.entropic");
    CHECK(fileState.count() >= 1);

    ProjectDocument loaded;
    REQUIRE(loaded.load(path, &error));
    CHECK(saved(loaded) == saved(doc));
    CHECK(loaded.toEngineJson() == engine::projectToJson(doc.project()));
    CHECK_FALSE(loaded.toEngineJson().contains("editor"));
    CHECK(loaded.editorState().markers.at(0).name == "hit");
    CHECK(loaded.editorState().lockedTracks == std::vector<std::string>{"V2"});
    CHECK(loaded.undoStack()->count() == 0);
    CHECK_FALSE(loaded.isModified());
    // The engine's own reader accepts the file (it ignores "editor").
    CHECK(engine::loadProjectFile(path.toStdString()).tracks.size() == 3);
    // Undo after a save makes the document modified again.
    doc.undoStack()->undo();
    CHECK(doc.isModified());
    CHECK(doc.displayName() == "round.entropic*");
}

TEST_CASE("save as into another folder rewrites relative sources", "[app][files]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    loadJson(doc, fixtureJson(), dir);
    REQUIRE(QDir(dir.path()).mkpath("sub/deeper"));
    const QString path = dir.filePath("sub/deeper/moved.entropic");
    QString error;
    REQUIRE(doc.save(path, &error));
    ProjectDocument loaded;
    REQUIRE(loaded.load(path, &error));
    CHECK(clip(loaded, "a")->source == "../../media/a.mp4");
    CHECK(clip(loaded, "a")->sourcePath == clip(doc, "a")->sourcePath);
}

TEST_CASE("a project from a newer Entropic is refused and never overwritten", "[app][files]") {
    QTemporaryDir dir;
    auto newer = fixtureJson();
    newer["version"] = 99;
    const QString path = dir.filePath("future.entropic");
    writeAll(path, QByteArray::fromStdString(newer.dump()));
    const QByteArray bytes = readAll(path);

    ProjectDocument doc;
    REQUIRE(edits::addMarker(doc, 3, "mine"));
    const std::string before = saved(doc);
    QString error;
    CHECK_FALSE(doc.load(path, &error));
    INFO(error.toStdString());
    CHECK(error.contains("future.entropic"));
    CHECK(error.contains("newer Entropic"));
    CHECK(saved(doc) == before);
    CHECK(doc.undoStack()->count() == 1);
    CHECK(doc.filePath().isEmpty());

    CHECK_FALSE(doc.save(path, &error));
    CHECK(error.contains("newer Entropic"));
    CHECK(readAll(path) == bytes);
    CHECK(doc.isModified());
}

TEST_CASE("a damaged or invalid project is refused with file and field", "[app][files]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    const std::string before = saved(doc);
    QString error;

    const QString damaged = dir.filePath("damaged.entropic");
    QByteArray half = QByteArray::fromStdString(fixtureJson().dump());
    half.truncate(half.size() / 2);
    writeAll(damaged, half);
    CHECK_FALSE(doc.load(damaged, &error));
    CHECK(error.startsWith(QDir::toNativeSeparators(damaged)));
    CHECK(error.contains("not a valid JSON document"));

    auto invalid = fixtureJson();
    invalid["tracks"][0]["clips"][1]["effects"][0]["params"]["amount"] = 3;
    const QString bad = dir.filePath("bad.entropic");
    writeAll(bad, QByteArray::fromStdString(invalid.dump()));
    CHECK_FALSE(doc.load(bad, &error));
    INFO(error.toStdString());
    CHECK(error.contains("bad.entropic: tracks[0].clips[1].effects[0].params.amount"));

    CHECK_FALSE(doc.load(dir.filePath("missing.entropic"), &error));
    CHECK(error.contains("missing.entropic: cannot open"));
    CHECK(saved(doc) == before);
    CHECK_FALSE(doc.isModified());
}

TEST_CASE("an atomic save that fails midway leaves the old file intact", "[app][files]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("project.entropic");
    writeAll(path, "old contents\n");
    QString error;

    // The writer throws after writing half.
    CHECK_FALSE(writeFileAtomically(
        path,
        [](QIODevice& f) {
            f.write("new conte");
            throw std::runtime_error("disk on fire");
        },
        &error));
    CHECK(error.contains("disk on fire"));
    CHECK(error.contains("project.entropic"));
    CHECK(readAll(path) == "old contents\n");
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{"project.entropic"});

    // The process is killed in the middle of the write.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        writeFileAtomically(
            path,
            [](QIODevice& f) {
                f.write("new conte");
                static_cast<QFileDevice&>(f).flush();
                ::raise(SIGKILL);
            },
            nullptr);
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(readAll(path) == "old contents\n");

    // A document saved where it cannot write stays modified and keeps its path.
    ProjectDocument doc;
    REQUIRE(edits::addMarker(doc, 1, "m"));
    CHECK_FALSE(doc.save(dir.filePath("no/such/folder/p.entropic"), &error));
    CHECK(error.contains("no/such/folder"));
    CHECK(doc.isModified());
    CHECK(doc.filePath().isEmpty());

    // And a successful write replaces the file whole.
    REQUIRE(writeFileAtomically(
        path, [](QIODevice& f) { f.write("new contents\n"); }, &error));
    CHECK(readAll(path) == "new contents\n");
}

TEST_CASE(
    "removing a modulated effect leaves a project that saves, a broken graph is never written",
    "[app][files][signals]") {
    QTemporaryDir dir;
    ProjectDocument doc;
    nlohmann::json json = fixtureJson();
    json["version"] = 2;
    json["signals"] = {{"operators", {{{"id", "wobble"}, {"op", "mod.lfo"}}}},
                       {"routes",
                        {{{"id", "r"},
                          {"signal", "wobble"},
                          {"effect", "fx-1"},
                          {"param", "amount"},
                          {"depth", 0.5}}}}};
    loadJson(doc, json, dir);
    const QString path = dir.filePath("fixture.entropic");
    QString error;

    REQUIRE(edits::removeEffect(doc, "b", "fx-1")); // the route goes with its target
    REQUIRE(doc.save(path, &error));
    ProjectDocument reloaded;
    REQUIRE(reloaded.load(path, &error));
    CHECK(reloaded.project().signals.routes.empty());
    doc.undoStack()->undo();
    REQUIRE(doc.save(path, &error));
    REQUIRE(reloaded.load(path, &error));
    CHECK(reloaded.project().signals.routes.size() == 1);

    // Should any change ever leave a route dangling, the file on disk stays whole.
    QFile before(path);
    REQUIRE(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();
    doc.mutableProject().signals.routes[0].target.effect = "gone";
    CHECK_FALSE(doc.save(path, &error));
    CHECK_THAT(error.toStdString(), Catch::Contains("was not saved") && Catch::Contains("\"r\""));
    QFile after(path);
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == original);
}
