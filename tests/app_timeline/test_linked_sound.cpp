// Linked sound on the timeline: a video with sound dropped becomes a video
// clip and a linked audio clip at the same frame (unless the preference keeps
// the sound inside the video clip); dragging or trimming one with the mouse
// takes the other; the clip menu's Unlink, Properties, Rename, Disable,
// Reveal in Media Bin and Split Audio. A screenshot of a linked pair goes to
// build/test-scratch/ui/timeline-linked.png.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "bin/media_bin.h"
#include "commands/edits.h"
#include "timeline/clip_properties_dialog.h"
#include "timeline/thumbnail_cache.h"
#include "timeline/waveform_cache.h"
#include "timeline_fixture.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

// Drops bframes.mp4 (120 frames, with sound) at frame on trackId and waits
// for the clips to land.
void dropVideo(TimelineFixture& f, const QString& trackId, int frame) {
    f.w().setSnapping(false);
    QSignalSpy placed(&f.w(), &TimelineWidget::mediaPlaced);
    QMimeData mime;
    mime.setData(kMediaMimeType, mediaPath("bframes.mp4").toUtf8());
    const QPoint pos = f.at(trackId, frame);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&f.w(), &enter);
    QDropEvent dropped(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&f.w(), &dropped);
    REQUIRE(placed.wait(20000));
}

// The preference for one test, put back as it was after it.
struct LinkSoundSetting {
    QVariant before = QSettings().value(QLatin1String(TimelineWidget::kLinkSoundKey));
    explicit LinkSoundSetting(bool on) {
        QSettings().setValue(QLatin1String(TimelineWidget::kLinkSoundKey), on);
    }
    ~LinkSoundSetting() {
        if (before.isValid())
            QSettings().setValue(QLatin1String(TimelineWidget::kLinkSoundKey), before);
        else
            QSettings().remove(QLatin1String(TimelineWidget::kLinkSoundKey));
    }
};

QAction* menuAction(QMenu& menu, const char* name) {
    for (QAction* action : menu.actions())
        if (action->objectName() == QLatin1String(name)) return action;
    return nullptr;
}

} // namespace

TEST_CASE("a dropped video with sound becomes a video clip and a linked audio clip",
          "[timeline][drop][link]") {
    TimelineFixture f;
    LinkSoundSetting on(true);
    const int entries = f.doc.undoStack()->count();
    dropVideo(f, "V2", 40);
    CHECK(f.clipIds("V2") == "d,clip-1");
    CHECK(f.clipIds("A2") == "clip-2"); // A1's m [0,60) leaves no room at 40
    const auto* video = f.clip("clip-1");
    const auto* sound = f.clip("clip-2");
    REQUIRE(video);
    REQUIRE(sound);
    CHECK(sound->start == 40);
    CHECK(sound->length() == video->length());
    CHECK(video->link == sound->link);
    CHECK(video->soundMuted);
    CHECK(f.doc.undoStack()->count() == entries + 1); // one step, the new track with it

    // A mouse drag of the video clip takes its sound by the same frames.
    f.drag(f.at("V2", 60), f.at("V2", 60 - 20));
    CHECK(f.clip("clip-1")->start == 20);
    CHECK(f.clip("clip-2")->start == 20);
    // A trim of the sound's right edge trims the picture too.
    f.drag(f.at("A2", 20 + 120), f.at("A2", 20 + 100));
    CHECK(f.clip("clip-2")->length() == 100);
    CHECK(f.clip("clip-1")->length() == 100);
    f.doc.undoStack()->undo();
    f.doc.undoStack()->undo();
    CHECK(f.clip("clip-1")->start == 40);
    CHECK(f.clip("clip-2")->start == 40);
    f.doc.undoStack()->undo();
    CHECK(f.clipIds("V2") == "d");
    CHECK_FALSE(f.clip("clip-2"));
}

TEST_CASE("with the preference off the sound stays inside the video clip",
          "[timeline][drop][link]") {
    TimelineFixture f;
    LinkSoundSetting off(false);
    dropVideo(f, "V2", 40);
    CHECK(f.clipIds("V2") == "d,clip-1");
    CHECK(f.clipIds("A1") == "m");
    CHECK(f.clipIds("A2").empty());
    CHECK(f.clip("clip-1")->link.empty());
    CHECK_FALSE(f.clip("clip-1")->soundMuted);
}

TEST_CASE("the clip menu unlinks, links, renames, disables and splits the sound",
          "[timeline][menu][link]") {
    TimelineFixture f;
    QString error;
    REQUIRE(
        edits::addClipWithLinkedSound(f.doc, "V2", mediaPath("bframes.mp4"), 40, 0, 30, &error));
    f.selection.set({"clip-1"});

    QMenu menu;
    f.w().fillClipMenu(menu, "clip-1");
    for (const char* name :
         {"clipProperties", "clipRename", "clipEnable", "clipReveal", "clipUnlink"})
        CHECK(menuAction(menu, name));
    CHECK_FALSE(menuAction(menu, "clipSplitSound")); // its sound is on clip-2 already
    CHECK_FALSE(menuAction(menu, "clipLink"));

    menuAction(menu, "clipUnlink")->trigger();
    CHECK(f.clip("clip-1")->link.empty());
    CHECK(f.clip("clip-2")->link.empty());
    f.drag(f.at("V2", 50), f.at("V2", 60)); // alone now
    CHECK(f.clip("clip-1")->start == 50);
    CHECK(f.clip("clip-2")->start == 40);
    f.doc.undoStack()->undo();
    f.doc.undoStack()->undo();
    CHECK(f.clip("clip-1")->link == f.clip("clip-2")->link);

    SECTION("Link groups the selected clips") {
        f.selection.set({"a", "c"});
        QMenu links;
        f.w().fillClipMenu(links, "a");
        REQUIRE(menuAction(links, "clipLink"));
        menuAction(links, "clipLink")->trigger();
        CHECK_FALSE(f.clip("a")->link.empty());
        CHECK(f.clip("a")->link == f.clip("c")->link);
    }
    SECTION("Disable and Enable") {
        menuAction(menu, "clipEnable")->trigger();
        CHECK_FALSE(f.clip("clip-1")->enabled);
        CHECK_FALSE(f.clip("clip-2")->enabled);
        QMenu again;
        f.w().fillClipMenu(again, "clip-1");
        CHECK(menuAction(again, "clipEnable")->text() == "Enable");
    }
    SECTION("Rename edits the name in place") {
        f.w().renameClipInline("clip-1");
        auto* editor = f.w().findChild<QLineEdit*>();
        REQUIRE(editor);
        REQUIRE(editor->isVisible());
        CHECK(editor->text() == "bframes.mp4");
        editor->setText("Intro");
        QTest::keyClick(editor, Qt::Key_Return);
        CHECK(f.clip("clip-1")->name == "Intro");
        f.doc.undoStack()->undo();
        CHECK(f.clip("clip-1")->name.empty());
    }
    SECTION("Properties shows the source, in, out and duration") {
        f.w().showClipProperties("clip-1");
        auto* dialog = f.w().findChild<ClipPropertiesDialog*>();
        REQUIRE(dialog);
        CHECK(dialog->field("Source") == mediaPath("bframes.mp4"));
        CHECK(dialog->field("In").startsWith("00:00:00:00"));
        CHECK(dialog->field("Duration") == "00:00:01:00  (30 frames)");
        CHECK(dialog->field("Linked to") == "clip-2 on A2");
        CHECK(dialog->field("Sound") == "On its linked clip");
        const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
        QDir().mkpath(shots);
        CHECK(dialog->grab().save(shots + "/clip-properties.png"));
        dialog->close();
    }
    SECTION("Reveal in Media Bin selects the clip's media in the bin") {
        REQUIRE(edits::addToBin(f.doc, {mediaPath("audio-only.m4a"), mediaPath("bframes.mp4")},
                                &error));
        MediaBin bin(f.doc);
        QObject::connect(&f.w(), &TimelineWidget::revealRequested, &bin, &MediaBin::reveal);
        menuAction(menu, "clipReveal")->trigger();
        auto* list = bin.findChild<QListWidget*>();
        REQUIRE(list);
        REQUIRE(list->currentItem());
        CHECK(list->currentItem()->text() == "bframes.mp4");
    }
    SECTION("Split Audio to Its Own Track on a clip with its sound inside") {
        QMenu other;
        f.selection.set({"c"});
        f.w().fillClipMenu(other, "c");
        REQUIRE(menuAction(other, "clipSplitSound"));
        menuAction(other, "clipSplitSound")->trigger();
        CHECK(f.clip("c")->soundMuted);
        CHECK(f.clipIds("A1") == "m,clip-3"); // A1 has room at [100,130)
        CHECK(f.clip("clip-3")->link == f.clip("c")->link);
        f.doc.undoStack()->undo();
        CHECK_FALSE(f.clip("c")->soundMuted);
        CHECK(f.clipIds("A1") == "m");
    }
}

TEST_CASE("screenshot of a linked pair on the timeline", "[timeline][screenshot][link]") {
    TimelineFixture f;
    const QString video = mediaPath("bframes.mp4");
    QString error;
    REQUIRE(edits::addClipWithLinkedSound(f.doc, "V2", video, 40, 0, 60, &error));
    REQUIRE(edits::renameClip(f.doc, "clip-1", "Linked shot", &error));
    REQUIRE(edits::setClipsEnabled(f.doc, {"d"}, false, &error));
    f.selection.set({"clip-1"});
    f.w().grab();
    QTRY_VERIFY_WITH_TIMEOUT(f.w().waveforms().isReady(video), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(f.w().waveforms().isReady(mediaPath("audio-only.m4a")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(f.w().thumbnails().count() >= 8, 30000);
    QTest::qWait(300);
    const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
    QDir().mkpath(shots);
    CHECK(f.w().grab().save(shots + "/timeline-linked.png"));
}
