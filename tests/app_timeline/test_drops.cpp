// Drops from outside: media from the bin or a file manager becomes clips
// (probed off the UI thread), an effect from the browser goes onto a clip.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QUndoStack>
#include <QUrl>

#include "bin/media_bin.h"
#include "browser/effect_browser.h"
#include "commands/edits.h"
#include "timeline_fixture.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

// Enter, move, drop at pos, as a drag from another widget or application would.
bool drop(TimelineWidget& w, QMimeData& mime, QPoint pos) {
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    if (!enter.isAccepted()) return false;
    QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &move);
    QDropEvent dropped(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &dropped);
    return dropped.isAccepted();
}

} // namespace

TEST_CASE("a media path dropped from the bin becomes a clip at the drop frame",
          "[timeline][drop]") {
    TimelineFixture f;
    f.w().setSnapping(false);
    QSignalSpy placed(&f.w(), &TimelineWidget::mediaPlaced);
    QMimeData mime;
    mime.setData(kMediaMimeType, mediaPath("bframes.mp4").toUtf8());
    REQUIRE(drop(f.w(), mime, f.at("V2", 40)));
    CHECK(f.clipIds("V2") == "d"); // probing happens off the UI thread
    REQUIRE(placed.wait(20000));
    CHECK(f.clipIds("V2") == "d,clip-1");
    const auto* c = f.clip("clip-1");
    REQUIRE(c);
    CHECK(c->start == 40);
    CHECK(c->in == 0);
    CHECK(c->length() == 120); // 4 s at 30 fps
    CHECK(c->sourcePath == mediaPath("bframes.mp4").toStdString());
    CHECK(f.selection.clips() == QStringList{"clip-1"});
    // Named by its media (its sound went to a linked audio clip in the same step).
    CHECK(
        f.doc.undoStack()->text(f.doc.undoStack()->index() - 1).startsWith("Add clip bframes.mp4"));
}

TEST_CASE("a clip dropped just after the timeline's start lands at frame 0, snapping on or off",
          "[timeline][drop]") {
    for (const bool snapping : {false, true}) {
        TimelineFixture f;
        f.w().setSnapping(snapping);
        QString error, empty;
        REQUIRE(edits::addTrack(f.doc, engine::TrackKind::Video, &error,
                                &empty)); // an empty track on top
        QApplication::processEvents();
        QSignalSpy placed(&f.w(), &TimelineWidget::mediaPlaced);
        QMimeData mime;
        mime.setData(kMediaMimeType, mediaPath("bframes.mp4").toUtf8());
        // Frame 3 is 15 px from the start: within its 24 px pull, outside the 8 px of other
        // targets.
        REQUIRE(drop(f.w(), mime, f.at(empty, 3)));
        REQUIRE(placed.wait(20000));
        const auto* c = f.clip("clip-1");
        REQUIRE(c);
        CHECK(c->start == 0);
    }
}

TEST_CASE("an audio-only file dropped on a video track goes onto an audio track",
          "[timeline][drop]") {
    TimelineFixture f;
    f.w().setSnapping(false);
    QSignalSpy placed(&f.w(), &TimelineWidget::mediaPlaced);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(mediaPath("audio-only.m4a"))}); // as a file manager drags
    REQUIRE(drop(f.w(), mime, f.at("V1", 80)));
    REQUIRE(placed.wait(20000));
    CHECK(f.clipIds("A1") == "m,clip-1");
    CHECK(f.clip("clip-1")->start == 80);
    CHECK(f.clip("clip-1")->length() >= 59);
    CHECK(f.clip("clip-1")->length() <= 62); // 2 s of AAC, give or take its priming
}

TEST_CASE("a file that is not media is refused by name and adds nothing", "[timeline][drop]") {
    TimelineFixture f;
    QSignalSpy placed(&f.w(), &TimelineWidget::mediaPlaced);
    QSignalSpy messages(&f.w(), &TimelineWidget::message);
    const auto before = f.doc.undoStack()->count();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(mediaPath("not-media.mp4"))});
    REQUIRE(drop(f.w(), mime, f.at("V2", 40)));
    REQUIRE(placed.wait(20000));
    CHECK(placed.front().front().toStringList().isEmpty());
    CHECK(f.doc.undoStack()->count() == before);
    REQUIRE(messages.count() >= 1);
    CHECK(messages.front().front().toString().contains("not-media.mp4"));
}

TEST_CASE("an effect dropped onto a clip is added to its chain", "[timeline][drop]") {
    TimelineFixture f;
    QMimeData mime;
    mime.setData(kEffectMimeType, "fx.channelshift");
    REQUIRE(drop(f.w(), mime, f.at("V1", 110)));
    REQUIRE(f.clip("c")->effects.size() == 1);
    REQUIRE(f.clip("c")->effects[0].descriptor);
    CHECK(f.clip("c")->effects[0].descriptor->id == "fx.channelshift");
    CHECK(f.selection.clips() == QStringList{"c"});
    // Not onto empty space, nor onto a sound.
    QDragEnterEvent enter(f.at("V1", 85), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&f.w(), &enter);
    QDragMoveEvent move(f.at("V1", 85), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&f.w(), &move);
    CHECK_FALSE(move.isAccepted());
    QDragMoveEvent onAudio(f.at("A1", 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&f.w(), &onAudio);
    CHECK_FALSE(onAudio.isAccepted());
}

TEST_CASE("a preset dropped onto a clip appends its chain in one step",
          "[timeline][drop][presets]") {
    TimelineFixture f;
    QMimeData mime;
    mime.setData(kPresetMimeType, "dream-glow");
    const int entries = f.doc.undoStack()->count();
    REQUIRE(drop(f.w(), mime, f.at("V1", 110)));
    REQUIRE(f.clip("c")->effects.size() == 2);
    CHECK(f.clip("c")->effects[0].descriptor->id == "util.blur");
    CHECK(f.clip("c")->effects[0].blend == fx::BlendMode::Screen);
    CHECK(f.clip("c")->effects[1].descriptor->id == "util.color_temperature");
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(f.selection.clips() == QStringList{"c"});
    // A preset that is not there is named, and nothing changes.
    QSignalSpy messages(&f.w(), &TimelineWidget::message);
    mime.setData(kPresetMimeType, "no-such-preset");
    REQUIRE(drop(f.w(), mime, f.at("V1", 110)));
    CHECK(f.clip("c")->effects.size() == 2);
    REQUIRE(messages.count() == 1);
    CHECK_THAT(messages.at(0).at(0).toString().toStdString(),
               Catch::Contains("no preset \"no-such-preset\""));
}
