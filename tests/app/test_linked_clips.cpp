// Linked clips (edits.h): a video clip and its sound as a linked pair, moved,
// trimmed, split, deleted, ripple deleted, copied and pasted together; link
// and unlink; the sound split off a placed clip; a clip's name and enabled
// flag. Every edit one undo step that brings everything back.
#include <catch2/catch.hpp>

#include "commands/edits.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

// The fixture with clip-1 [40,70) on V2 and its sound clip-2 on A2, the new
// audio track (A1's m [0,100) leaves no room there).
struct PairFixture : LoadedFixture {
    std::string withPair;
    PairFixture() {
        QString error, video, sound;
        REQUIRE(edits::addClipWithLinkedSound(doc, "V2", "media/new.mp4", 40, 0, 30, &error, &video,
                                              &sound));
        REQUIRE(video == "clip-1");
        REQUIRE(sound == "clip-2");
        withPair = saved(doc);
    }
    void undoOnce(const std::string& before) {
        doc.undoStack()->undo();
        CHECK(saved(doc) == before);
    }
};

} // namespace

TEST_CASE("a video clip with its sound is a linked pair, added in one step", "[app][clips][link]") {
    PairFixture f;
    const auto* video = clip(f.doc, "clip-1");
    const auto* sound = clip(f.doc, "clip-2");
    REQUIRE(video);
    REQUIRE(sound);
    CHECK(clipIds(f.doc, "V2") == "d,clip-1");
    CHECK(clipIds(f.doc, "A2") == "clip-2"); // a new audio track, below A1
    CHECK(track(f.doc, "A2")->kind == engine::TrackKind::Audio);
    CHECK_FALSE(video->link.empty());
    CHECK(sound->link == video->link);
    CHECK(video->soundMuted); // heard once: from clip-2
    CHECK_FALSE(sound->soundMuted);
    CHECK(sound->start == 40);
    CHECK(sound->in == 0);
    CHECK(sound->out == 30);
    CHECK(sound->source == video->source);
    CHECK(edits::linkedClips(f.doc, "clip-1") == QStringList{"clip-2"});
    CHECK(f.doc.undoStack()->count() == 1);
    f.undoOnce(f.original); // the track goes too
    CHECK_FALSE(track(f.doc, "A2"));

    // Room on A1 after m: no new track.
    QString error, video2, sound2;
    REQUIRE(edits::addClipWithLinkedSound(f.doc, "V2", "media/new.mp4", 150, 0, 10, &error, &video2,
                                          &sound2));
    CHECK(clipIds(f.doc, "A1") == "m," + sound2.toStdString());
}

TEST_CASE("moving either clip of a pair moves the other by the same frames", "[app][clips][link]") {
    PairFixture f;
    QString error;
    REQUIRE(edits::moveClip(f.doc, "clip-1", "V2", 60, &error));
    CHECK(clip(f.doc, "clip-1")->start == 60);
    CHECK(clip(f.doc, "clip-2")->start == 60);
    f.undoOnce(f.withPair);

    REQUIRE(edits::moveClip(f.doc, "clip-2", "A2", 25, &error)); // the sound leads
    CHECK(clip(f.doc, "clip-1")->start == 25);

    // Across tracks of its kind: the partner follows in time, on its own track.
    REQUIRE(edits::moveClip(f.doc, "clip-1", "V1", 140, &error));
    CHECK(clipIds(f.doc, "V1") == "a,b,c,clip-1");
    CHECK(clipIds(f.doc, "A2") == "clip-2");
    CHECK(clip(f.doc, "clip-2")->start == 140);

    // A partner that cannot follow refuses the move.
    const int count = f.doc.undoStack()->count();
    REQUIRE(edits::addClip(f.doc, "A2", "media/x.m4a", 200, 0, 10, &error));
    CHECK_FALSE(edits::moveClip(f.doc, "clip-1", "V1", 180, &error));
    CHECK(error.contains("overlap"));
    CHECK(clip(f.doc, "clip-1")->start == 140);
    CHECK(f.doc.undoStack()->count() == count + 1);
}

TEST_CASE("trimming one clip of a pair trims the other's same edge", "[app][clips][link]") {
    PairFixture f;
    QString error;
    REQUIRE(edits::trimClip(f.doc, "clip-2", edits::ClipEdge::Right, 60, &error));
    CHECK(clip(f.doc, "clip-1")->out == 20);
    CHECK(clip(f.doc, "clip-2")->out == 20);
    REQUIRE(edits::trimClip(f.doc, "clip-1", edits::ClipEdge::Left, 45, &error));
    for (const char* id : {"clip-1", "clip-2"}) {
        CHECK(clip(f.doc, id)->start == 45);
        CHECK(clip(f.doc, id)->in == 5);
    }
    f.doc.undoStack()->undo();
    f.undoOnce(f.withPair);
    // The video cannot start before its source: the pair is refused together.
    CHECK_FALSE(edits::trimClip(f.doc, "clip-2", edits::ClipEdge::Left, 30, &error));
    CHECK(saved(f.doc) == f.withPair);
}

TEST_CASE("splitting one clip of a pair splits both, the halves linked pairwise",
          "[app][clips][link]") {
    PairFixture f;
    QString error, right;
    REQUIRE(edits::splitClip(f.doc, "clip-1", 55, &error, &right));
    CHECK(right == "clip-3");
    CHECK(clipIds(f.doc, "V2") == "d,clip-1,clip-3");
    CHECK(clipIds(f.doc, "A2") == "clip-2,clip-4");
    CHECK(clip(f.doc, "clip-1")->link == clip(f.doc, "clip-2")->link);
    CHECK(clip(f.doc, "clip-3")->link == clip(f.doc, "clip-4")->link);
    CHECK(clip(f.doc, "clip-3")->link != clip(f.doc, "clip-1")->link);
    CHECK(clip(f.doc, "clip-3")->soundMuted);
    CHECK(f.doc.undoStack()->count() == 2);

    // The right halves move on their own pair.
    REQUIRE(edits::moveClip(f.doc, "clip-4", "A2", 90, &error));
    CHECK(clip(f.doc, "clip-3")->start == 90);
    CHECK(clip(f.doc, "clip-1")->start == 40);
    f.doc.undoStack()->undo();
    f.undoOnce(f.withPair);
}

TEST_CASE("deleting or ripple deleting one clip of a pair takes both", "[app][clips][link]") {
    PairFixture f;
    QString error;
    REQUIRE(edits::deleteClips(f.doc, {"clip-2"}, &error));
    CHECK(clipIds(f.doc, "V2") == "d");
    CHECK(clipIds(f.doc, "A2").empty());
    f.undoOnce(f.withPair);

    REQUIRE(edits::addClip(f.doc, "A2", "media/x.m4a", 100, 0, 10, &error));
    REQUIRE(edits::rippleDeleteClips(f.doc, {"clip-1"}, &error));
    CHECK(clipIds(f.doc, "V2") == "d");
    CHECK(clip(f.doc, "clip-3")->start == 70); // A2's later clip closed the gap too
    f.doc.undoStack()->undo();
    CHECK(clip(f.doc, "clip-2"));
    CHECK(clip(f.doc, "clip-3")->start == 100);
}

TEST_CASE("after unlink a clip moves alone, link groups clips again", "[app][clips][link]") {
    PairFixture f;
    QString error;
    REQUIRE(edits::unlinkClips(f.doc, {"clip-1"}, &error));
    CHECK(clip(f.doc, "clip-1")->link.empty());
    CHECK(clip(f.doc, "clip-2")->link.empty());
    CHECK(clip(f.doc, "clip-1")->soundMuted); // its sound stays on clip-2
    REQUIRE(edits::moveClip(f.doc, "clip-1", "V2", 80, &error));
    CHECK(clip(f.doc, "clip-2")->start == 40);
    f.doc.undoStack()->undo();
    f.undoOnce(f.withPair);

    CHECK_FALSE(edits::linkClips(f.doc, {"a"}, &error));
    REQUIRE(edits::linkClips(f.doc, {"a", "c"}, &error));
    REQUIRE(edits::moveClip(f.doc, "a", "V1", 5, &error));
    CHECK(clip(f.doc, "c")->start == 105);
}

TEST_CASE("copied pairs paste as new pairs, never linked to the originals", "[app][clips][link]") {
    PairFixture f;
    const auto clipboard = edits::copyClips(f.doc, {"clip-1"});
    CHECK(clipboard["clips"].size() == 2); // the partner comes along
    QString error;
    QStringList ids;
    REQUIRE(edits::pasteClips(f.doc, clipboard, 200, &error, &ids));
    REQUIRE(ids.size() == 2);
    const auto* a = clip(f.doc, ids[0].toStdString());
    const auto* b = clip(f.doc, ids[1].toStdString());
    CHECK(a->start == 200);
    CHECK(b->start == 200);
    CHECK_FALSE(a->link.empty());
    CHECK(a->link == b->link);
    CHECK(a->link != clip(f.doc, "clip-1")->link);
    f.undoOnce(f.withPair);
}

TEST_CASE("split the sound of a placed video clip to its own track", "[app][clips][link]") {
    LoadedFixture f;
    QString error, sound;
    REQUIRE(edits::splitSound(f.doc, "b", &error, &sound));
    const auto* audio = clip(f.doc, sound.toStdString());
    REQUIRE(audio);
    CHECK(clipIds(f.doc, "A2") == sound.toStdString()); // A1 is taken there by m
    CHECK(audio->start == 40);
    CHECK(audio->in == 10);
    CHECK(audio->effects.empty());
    CHECK(clip(f.doc, "b")->soundMuted);
    CHECK(clip(f.doc, "b")->link == audio->link);
    CHECK(f.doc.undoStack()->count() == 1);
    CHECK_FALSE(edits::splitSound(f.doc, "b", &error));
    CHECK(error.contains("already"));
    CHECK_FALSE(edits::splitSound(f.doc, "m", &error));
    f.doc.undoStack()->undo();
    CHECK(saved(f.doc) == f.original);
}

TEST_CASE("a clip's name and enabled flag are undoable edits", "[app][clips]") {
    PairFixture f;
    QString error;
    REQUIRE(edits::renameClip(f.doc, "clip-1", "  Opening shot ", &error));
    CHECK(clip(f.doc, "clip-1")->name == "Opening shot");
    CHECK(clip(f.doc, "clip-2")->name.empty()); // a name is the clip's own
    REQUIRE(edits::renameClip(f.doc, "clip-1", "", &error));
    CHECK(clip(f.doc, "clip-1")->name.empty());
    f.doc.undoStack()->undo();
    CHECK(clip(f.doc, "clip-1")->name == "Opening shot");
    f.doc.undoStack()->undo();

    REQUIRE(edits::setClipsEnabled(f.doc, {"clip-1"}, false, &error));
    CHECK_FALSE(clip(f.doc, "clip-1")->enabled);
    CHECK_FALSE(clip(f.doc, "clip-2")->enabled); // the pair goes silent and dark together
    CHECK(f.doc.undoStack()->count() == 2);
    f.undoOnce(f.withPair);
}

TEST_CASE("a project without links loads and saves its clips unchanged", "[app][clips][link]") {
    LoadedFixture f;
    const auto json = nlohmann::json::parse(f.original);
    const auto input = fixtureJson();
    for (std::size_t t = 0; t < input["tracks"].size(); ++t)
        for (std::size_t c = 0; c < input["tracks"][t]["clips"].size(); ++c) {
            const auto& in = input["tracks"][t]["clips"][c];
            const auto& out = json["tracks"][t]["clips"][c];
            for (auto it = in.begin(); it != in.end(); ++it)
                if (it.key() != "effects") CHECK(out.at(it.key()) == it.value());
            for (const char* key : {"name", "enabled", "link", "sound_muted"})
                CHECK_FALSE(out.contains(key));
        }
}
