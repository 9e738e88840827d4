// Clips: add, move (also across tracks), trim, split, delete, ripple delete,
// clear, copy/paste — each with undo/redo, and the edits that are refused.
#include <catch2/catch.hpp>

#include <QSignalSpy>

#include "commands/edits.h"
#include "model/history_policy.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

struct Fixture : LoadedFixture {
    // A refused edit pushes nothing and changes nothing.
    void checkRefused(bool ok, const QString& error, const char* needle) {
        CHECK_FALSE(ok);
        INFO(error.toStdString());
        CHECK(error.contains(QString::fromUtf8(needle)));
    }
    // Undo gives back `before`, redo gives back what is there now.
    void checkUndoRedo(const std::string& before) {
        const std::string after = saved(doc);
        doc.undoStack()->undo();
        CHECK(saved(doc) == before);
        doc.undoStack()->redo();
        CHECK(saved(doc) == after);
    }
};

} // namespace

TEST_CASE("add a clip", "[app][clips]") {
    Fixture f;
    QSignalSpy changed(&f.doc, &ProjectDocument::changed);
    QString id, error;
    REQUIRE(edits::addClip(f.doc, "V2", "media/new.mp4", 30, 5, 25, &error, &id));
    CHECK(id == "clip-1");
    CHECK(changed.count() == 1);
    const auto* c = clip(f.doc, "clip-1");
    REQUIRE(c);
    CHECK(c->start == 30);
    CHECK(c->in == 5);
    CHECK(c->out == 25);
    CHECK(c->sourcePath == (f.dir.path() + "/media/new.mp4").toStdString());
    CHECK(clipIds(f.doc, "V2") == "d,clip-1");
    CHECK(f.doc.undoStack()->text(0) == "Add clip new.mp4"); // named by its media, never its id
    f.checkUndoRedo(f.original);

    const int count = f.doc.undoStack()->count();
    f.checkRefused(edits::addClip(f.doc, "V2", "x.mp4", 15, 0, 10, &error), error,
                   "overlap clip d");
    f.checkRefused(edits::addClip(f.doc, "V2", "x.mp4", 200, 5, 5, &error), error,
                   "at least one frame");
    f.checkRefused(edits::addClip(f.doc, "V2", "x.mp4", -1, 0, 5, &error), error, "before frame 0");
    f.checkRefused(edits::addClip(f.doc, "V7", "x.mp4", 0, 0, 5, &error), error, "no track V7");
    CHECK(f.doc.undoStack()->count() == count);
}

TEST_CASE("move a clip along its track and across tracks", "[app][clips]") {
    Fixture f;
    QString error;
    REQUIRE(edits::moveClip(f.doc, "a", "V1", 70, &error));
    CHECK(clip(f.doc, "a")->start == 70);
    CHECK(clipIds(f.doc, "V1") == "b,a,c"); // tracks stay in start order
    CHECK(f.doc.undoStack()->text(0) == "Move clip a.mp4");
    f.checkUndoRedo(f.original);

    const std::string beforeAcross = saved(f.doc);
    REQUIRE(edits::moveClip(f.doc, "b", "V2", 40, &error));
    CHECK(clipIds(f.doc, "V1") == "a,c");
    CHECK(clipIds(f.doc, "V2") == "d,b");
    CHECK(clip(f.doc, "b")->effects.size() == 1); // its chain travels with it
    f.checkUndoRedo(beforeAcross);
    f.doc.undoStack()->undo();
    CHECK(clipIds(f.doc, "V1") == "b,a,c"); // back at the very same place

    const std::string before = saved(f.doc);
    const int count = f.doc.undoStack()->count();
    f.checkRefused(edits::moveClip(f.doc, "a", "V1", 110, &error), error, "overlap clip c");
    f.checkRefused(edits::moveClip(f.doc, "a", "V2", 0, &error), error, "overlap clip d");
    f.checkRefused(edits::moveClip(f.doc, "a", "A1", 200, &error), error, "an audio track");
    f.checkRefused(edits::moveClip(f.doc, "m", "V1", 200, &error), error, "a video track");
    f.checkRefused(edits::moveClip(f.doc, "a", "V1", -5, &error), error, "before frame 0");
    f.checkRefused(edits::moveClip(f.doc, "zz", "V1", 0, &error), error, "no clip zz");
    CHECK(saved(f.doc) == before);
    CHECK(f.doc.undoStack()->count() == count);

    // Moving onto the clip's own old spot, or several clips at once.
    REQUIRE(edits::moveClips(f.doc, {{"a", "V1", 130}, {"c", "V1", 0}}, &error));
    CHECK(clip(f.doc, "a")->start == 130);
    CHECK(clip(f.doc, "c")->start == 0);
    CHECK(f.doc.undoStack()->text(f.doc.undoStack()->count() - 1) == "Move 2 clips");
    f.checkUndoRedo(before);
    // A move that goes nowhere records nothing.
    const int now = f.doc.undoStack()->count();
    REQUIRE(edits::moveClip(f.doc, "a", "V1", 130));
    CHECK(f.doc.undoStack()->count() == now);
}

TEST_CASE("trim either edge", "[app][clips]") {
    Fixture f;
    QString error;
    // Left edge of b [40,70) in 10: start and in move together, the end stays.
    REQUIRE(edits::trimClip(f.doc, "b", edits::ClipEdge::Left, 45, &error));
    auto* b = clip(f.doc, "b");
    CHECK(b->start == 45);
    CHECK(b->in == 15);
    CHECK(b->out == 40);
    CHECK(b->end() == 70);
    CHECK(f.doc.undoStack()->text(0) == "Trim clip b.mp4");
    f.checkUndoRedo(f.original);
    // Extending the left edge back to the source's first frame is fine, past it is not.
    REQUIRE(edits::trimClip(f.doc, "b", edits::ClipEdge::Left, 30, &error));
    CHECK(clip(f.doc, "b")->in == 0);
    f.checkRefused(edits::trimClip(f.doc, "b", edits::ClipEdge::Left, 29, &error), error,
                   "first frame");
    // Right edge.
    REQUIRE(edits::trimClip(f.doc, "b", edits::ClipEdge::Right, 50, &error));
    CHECK(clip(f.doc, "b")->out == 20);
    CHECK(clip(f.doc, "b")->start == 30);

    const std::string before = saved(f.doc);
    const int count = f.doc.undoStack()->count();
    // Never shorter than one frame.
    f.checkRefused(edits::trimClip(f.doc, "b", edits::ClipEdge::Left, 50, &error), error,
                   "one frame");
    f.checkRefused(edits::trimClip(f.doc, "b", edits::ClipEdge::Right, 30, &error), error,
                   "one frame");
    f.checkRefused(edits::trimClip(f.doc, "b", edits::ClipEdge::Right, 10, &error), error,
                   "one frame");
    // Never over a neighbour.
    f.checkRefused(edits::trimClip(f.doc, "b", edits::ClipEdge::Right, 101, &error), error,
                   "overlap clip c");
    f.checkRefused(edits::trimClip(f.doc, "c", edits::ClipEdge::Left, 49, &error), error,
                   "source's first frame");
    f.checkRefused(edits::trimClip(f.doc, "a", edits::ClipEdge::Right, 31, &error), error,
                   "overlap clip b");
    CHECK(saved(f.doc) == before);
    CHECK(f.doc.undoStack()->count() == count);
    // One frame is allowed.
    REQUIRE(edits::trimClip(f.doc, "b", edits::ClipEdge::Right, 31, &error));
    CHECK(clip(f.doc, "b")->length() == 1);
    f.doc.undoStack()->setIndex(0);
    CHECK(saved(f.doc) == f.original);
}

TEST_CASE("split a clip", "[app][clips]") {
    Fixture f;
    QString error, right;
    REQUIRE(edits::splitClip(f.doc, "b", 50, &error, &right));
    CHECK(right == "clip-1");
    const auto* l = clip(f.doc, "b");
    const auto* r = clip(f.doc, "clip-1");
    REQUIRE(l);
    REQUIRE(r);
    CHECK(l->start == 40);
    CHECK(l->in == 10);
    CHECK(l->out == 20);
    CHECK(r->start == 50);
    CHECK(r->in == 20);
    CHECK(r->out == 40);
    REQUIRE(r->effects.size() == 1);
    CHECK(r->effects[0].instanceId == "fx-2"); // effect ids are unique in a project
    CHECK(r->effects[0].params.number("amount") == 0.3);
    CHECK(clipIds(f.doc, "V1") == "a,b,clip-1,c");
    CHECK(f.doc.undoStack()->text(0) == "Split clip b.mp4");
    f.checkUndoRedo(f.original);

    const std::string before = saved(f.doc);
    f.checkRefused(edits::splitClip(f.doc, "c", 100, &error), error, "at its edge");
    f.checkRefused(edits::splitClip(f.doc, "c", 130, &error), error, "at its edge");
    f.checkRefused(edits::splitClip(f.doc, "c", 140, &error), error, "not inside");
    CHECK(saved(f.doc) == before);
    CHECK(f.doc.undoStack()->count() == 1);
}

TEST_CASE("delete and ripple delete", "[app][clips]") {
    Fixture f;
    QString error;
    REQUIRE(edits::deleteClips(f.doc, {"a", "d"}, &error));
    CHECK(clipIds(f.doc, "V1") == "b,c");
    CHECK(clipIds(f.doc, "V2") == "");
    CHECK(clip(f.doc, "b")->start == 40); // plain delete leaves gaps
    CHECK(f.doc.undoStack()->text(0) == "Delete 2 clips");
    f.checkUndoRedo(f.original);
    f.doc.undoStack()->undo();

    // Ripple: deleting b [40,70) pulls c back by 30 frames on V1 only.
    REQUIRE(edits::rippleDeleteClips(f.doc, {"b"}, &error));
    CHECK(clipIds(f.doc, "V1") == "a,c");
    CHECK(clip(f.doc, "a")->start == 0);
    CHECK(clip(f.doc, "c")->start == 70);
    CHECK(clip(f.doc, "d")->start == 10);
    CHECK(clip(f.doc, "m")->start == 0);
    CHECK(f.doc.undoStack()->text(0) == "Ripple delete clip b.mp4");
    f.checkUndoRedo(f.original);
    f.doc.undoStack()->undo();

    // Two deleted clips: each later clip moves back by the ones before it.
    REQUIRE(edits::rippleDeleteClips(f.doc, {"a", "b"}, &error));
    CHECK(clipIds(f.doc, "V1") == "c");
    CHECK(clip(f.doc, "c")->start == 40);
    f.checkUndoRedo(f.original);

    f.checkRefused(edits::deleteClips(f.doc, {"nope"}, &error), error, "no clip nope");
}

TEST_CASE("clear the timeline is critical and undoable", "[app][clips]") {
    Fixture f;
    REQUIRE(edits::setTrackLocked(f.doc, "V2", true));
    const std::string before = saved(f.doc);
    REQUIRE(edits::clearTimeline(f.doc));
    CHECK(clipIds(f.doc, "V1") == "");
    CHECK(clipIds(f.doc, "A1") == "");
    CHECK(clipIds(f.doc, "V2") == "d"); // locked tracks keep theirs
    CHECK(f.doc.history().isCritical(1));
    CHECK(f.doc.undoStack()->text(1) == "Clear timeline");
    f.checkUndoRedo(before);
}

TEST_CASE("copy and paste clips", "[app][clips]") {
    Fixture f;
    const auto clipboard = edits::copyClips(f.doc, {"b", "d"});
    QString error;
    QStringList ids;
    REQUIRE(edits::pasteClips(f.doc, clipboard, 200, &error, &ids));
    CHECK(ids == QStringList{"clip-1", "clip-2"});
    // Relative placement kept: d started 30 frames before b.
    CHECK(clip(f.doc, "clip-2")->start == 200);
    CHECK(clip(f.doc, "clip-1")->start == 230);
    CHECK(clip(f.doc, "clip-1")->effects.at(0).instanceId == "fx-2");
    CHECK(clip(f.doc, "clip-1")->source == "media/b.mp4");
    CHECK(f.doc.undoStack()->text(0) == "Paste 2 clips");
    f.checkUndoRedo(f.original);
    const std::string before = saved(f.doc);
    f.checkRefused(edits::pasteClips(f.doc, clipboard, 215, &error), error, "overlap");
    f.checkRefused(edits::pasteClips(f.doc, nlohmann::json{{"x", 1}}, 0, &error), error,
                   "no clips");
    CHECK(saved(f.doc) == before);
}

TEST_CASE("splitting several clips at once is one history entry", "[app][clips]") {
    app::ProjectDocument doc;
    QString error, second;
    REQUIRE(app::edits::addTrack(doc, engine::TrackKind::Video, &error, &second));
    const QString v1 = QString::fromStdString(doc.project().tracks.front().id);
    QString a, b;
    REQUIRE(app::edits::addClip(doc, v1, QStringLiteral("a.mp4"), 0, 0, 30, &error, &a));
    REQUIRE(app::edits::addClip(doc, second, QStringLiteral("b.mp4"), 5, 0, 30, &error, &b));
    const std::string before = doc.toJson().dump();
    const int entries = doc.undoStack()->count();
    QStringList made;
    REQUIRE(app::edits::splitClips(doc, {a, b}, 10, &error, &made));
    CHECK(made.size() == 2);
    CHECK(made[0] != made[1]);
    CHECK(doc.undoStack()->count() == entries + 1);
    std::size_t clips = 0;
    for (const auto& t : doc.project().tracks)
        clips += t.clips.size();
    CHECK(clips == 4);
    // One at its edge refuses the whole edit: nothing changes.
    CHECK_FALSE(app::edits::splitClips(doc, {a, made[1]}, 10, &error));
    CHECK_THAT(error.toStdString(), Catch::Contains("edge"));
    doc.undoStack()->undo();
    CHECK(doc.toJson().dump() == before);
}
