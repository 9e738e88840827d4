// Keyboard actions: split, delete, ripple delete, copy/paste, in/out,
// markers, snapping and zoom; and that the selection stays valid after undo.
#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <QLineEdit>
#include <QMenu>
#include <QUndoStack>
#include <QWheelEvent>

#include "commands/edit_rules.h"
#include "timeline/timeline_edit_actions.h"
#include "timeline/track_header.h"
#include "timeline_fixture.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

QAction* action(TimelineWidget& w, const QString& text) {
    for (QAction* a : w.actions())
        if (a->text() == text) return a;
    FAIL("no action " << text.toStdString());
    return nullptr;
}

} // namespace

TEST_CASE("every action has a shortcut and the navigation keys stay apart", "[timeline][actions]") {
    TimelineFixture f;
    QStringList keys;
    for (QAction* a : f.w().actions()) {
        if (a->isSeparator()) continue;
        INFO(a->text().toStdString());
        CHECK_FALSE(a->shortcut().isEmpty());
        CHECK_FALSE(keys.contains(a->shortcut().toString()));
        keys << a->shortcut().toString();
    }
    CHECK(keys.contains("S"));
    CHECK(keys.contains("Shift+Del"));
    CHECK(keys.contains("Shift+M"));
    CHECK(keys.contains("Ctrl+Shift+M"));
    for (QAction* a : f.w().navigationActions())
        CHECK_FALSE(keys.contains(a->shortcut().toString()));
    CHECK(f.w().navigationActions().size() == 4);
}

TEST_CASE("S splits the selected clip at the playhead (pressed as a key)", "[timeline][actions]") {
    TimelineFixture f;
    f.click(f.at("V1", 55)); // b [40,70)
    f.transport.setFrame(50);
    QApplication::setActiveWindow(&f.w());
    REQUIRE(QTest::qWaitForWindowActive(&f.w()));
    QTest::keyClick(&f.w(), Qt::Key_S);
    CHECK(f.clipIds("V1") == "a,b,clip-1,c");
    CHECK(f.clip("b")->end() == 50);
    CHECK(f.clip("clip-1")->start == 50);
    CHECK(f.clip("clip-1")->in == 20);

    // Nothing selected: every clip under the playhead on unlocked tracks.
    f.selection.clear();
    f.transport.setFrame(15);
    action(f.w(), "Split at Playhead")->trigger();
    CHECK(f.clipIds("V1") == "a,clip-2,b,clip-1,c");
    CHECK(f.clipIds("V2") == "d,clip-3");
    CHECK(f.clipIds("A1") == "m,clip-4");

    // At a clip's edge there is nothing to split: said, not done.
    QSignalSpy messages(&f.w(), &TimelineWidget::message);
    f.selection.select("c");
    f.transport.setFrame(100);
    action(f.w(), "Split at Playhead")->trigger();
    CHECK(f.clipIds("V1") == "a,clip-2,b,clip-1,c");
    CHECK(messages.count() == 1);
}

TEST_CASE("delete, ripple delete, and the selection after undo", "[timeline][actions]") {
    TimelineFixture f;
    f.selection.select("b");
    action(f.w(), "Delete Clips")->trigger();
    CHECK(f.clipIds("V1") == "a,c");
    CHECK(f.selection.clips().isEmpty());
    f.doc.undoStack()->undo();
    f.selection.select("b");
    action(f.w(), "Ripple Delete Clips")->trigger();
    CHECK(f.clipIds("V1") == "a,c");
    CHECK(f.clip("c")->start == 70); // closed the 30-frame gap b left

    // Split, select the new part, undo the split: the selection drops it.
    f.doc.undoStack()->undo();
    f.transport.setFrame(120);
    f.selection.select("c");
    action(f.w(), "Split at Playhead")->trigger();
    f.selection.set({"a", "clip-1"});
    f.doc.undoStack()->undo();
    CHECK(f.selection.clips() == QStringList{"a"});
}

TEST_CASE("copy and paste through the clipboard, at the playhead", "[timeline][actions]") {
    TimelineFixture f;
    f.selection.select("d");
    action(f.w(), "Copy Clips")->trigger();
    f.transport.setFrame(200);
    action(f.w(), "Paste Clips at Playhead")->trigger();
    CHECK(f.clipIds("V2") == "d,clip-1");
    CHECK(f.clip("clip-1")->start == 200);
    CHECK(f.clip("clip-1")->in == 60);
    CHECK(f.selection.clips() == QStringList{"clip-1"});
}

TEST_CASE("I and O mark the range, M adds markers the playhead jumps between",
          "[timeline][actions]") {
    TimelineFixture f;
    f.transport.setFrame(20);
    action(f.w(), "Mark In")->trigger();
    f.transport.setFrame(89);
    action(f.w(), "Mark Out")->trigger();
    CHECK(f.doc.editorState().inPoint == 20);
    CHECK(f.doc.editorState().outPoint == 90); // exclusive: frame 89 is in the range
    action(f.w(), "Clear In and Out")->trigger();
    CHECK_FALSE(f.doc.editorState().inPoint);
    CHECK_FALSE(f.doc.editorState().outPoint);

    for (qint64 frame : {30, 75}) {
        f.transport.setFrame(frame);
        action(f.w(), "Add Marker")->trigger();
    }
    REQUIRE(f.doc.editorState().markers.size() == 2);
    CHECK(f.doc.editorState().markers[1].name == "Marker 2");
    f.transport.setFrame(0);
    action(f.w(), "Next Marker")->trigger();
    CHECK(f.transport.frame() == 30);
    action(f.w(), "Next Marker")->trigger();
    CHECK(f.transport.frame() == 75);
    action(f.w(), "Previous Marker")->trigger();
    CHECK(f.transport.frame() == 30);

    // Right-click ▸ Delete is edits::deleteMarker; double-click renames in place.
    QTest::mouseDClick(&f.w(), Qt::LeftButton, {},
                       QPoint(static_cast<int>(f.w().geometry().frameToX(75)), 33));
    auto* editor = f.w().findChild<QLineEdit*>();
    REQUIRE(editor);
    REQUIRE(editor->isVisible());
    editor->setText("Drop");
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK(f.doc.editorState().markers[1].name == "Drop");
}

TEST_CASE("N toggles snapping, zoom keys zoom", "[timeline][actions]") {
    TimelineFixture f;
    action(f.w(), "Snapping")->trigger();
    CHECK_FALSE(f.w().snapping());
    action(f.w(), "Snapping")->trigger();
    CHECK(f.w().snapping());
    const double ppf = f.w().geometry().pixelsPerFrame();
    action(f.w(), "Zoom In")->trigger();
    action(f.w(), "Zoom In")->trigger();
    CHECK(f.w().geometry().pixelsPerFrame() == Approx(ppf * 2));
    action(f.w(), "Zoom Out")->trigger();
    CHECK(f.w().geometry().pixelsPerFrame() == Approx(ppf * 1.41421356));
    // Ctrl+wheel zooms around the pointer: the frame under it stays put.
    const QPoint at = f.at("V1", 60);
    const double frameBefore = f.w().geometry().xToFrame(at.x());
    QWheelEvent wheel(at, f.w().mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&f.w(), &wheel);
    CHECK(f.w().geometry().pixelsPerFrame() == Approx(ppf * 2));
    CHECK(f.w().geometry().xToFrame(at.x()) == Approx(frameBefore));
}

TEST_CASE("track headers toggle mute, solo and lock, the corner adds tracks",
          "[timeline][actions]") {
    TimelineFixture f;
    const auto& g = f.w().geometry();
    const QRect header = g.headerRect(g.rowOfTrack("V1"));
    f.click(TrackHeader::partRect(header, TrackHeader::Part::Mute).center());
    CHECK(f.doc.project().tracks[0].muted);
    f.click(TrackHeader::partRect(header, TrackHeader::Part::Lock).center());
    CHECK(f.doc.editorState().lockedTracks == std::vector<std::string>{"V1"});
    // A locked track refuses a move, and says so.
    QSignalSpy messages(&f.w(), &TimelineWidget::message);
    f.drag(f.at("V1", 110), f.at("V1", 140));
    CHECK(f.clip("c")->start == 100);
    CHECK(messages.count() == 1);
    f.click(TimelineCorner::partRect(g.cornerRect(), TimelineCorner::Part::AddAudio).center());
    CHECK(f.doc.project().tracks.size() == 4);
    CHECK(g.rows().back().trackId == "A2");
}

TEST_CASE("track headers set opacity, volume and blend mode, each one undoable step",
          "[timeline][actions][blend]") {
    TimelineFixture f;
    const auto& g = f.w().geometry();
    const QRect v1 = g.headerRect(g.rowOfTrack("V1"));
    const QRect level = TrackHeader::partRect(v1, TrackHeader::Part::Level);
    const auto track = [&](const char* id) { return *rules::findTrack(f.doc.project(), id); };
    const int entries = f.doc.undoStack()->count();

    // Dragging the level bar from its middle to its left end: one entry, 0 %.
    f.drag(level.center(), QPoint(level.left() - 20, level.center().y()));
    CHECK(track("V1").opacity == 0.0);
    CHECK(f.doc.undoStack()->count() == entries + 1);
    // Two wheel notches up: 10 %, still one more entry.
    for (int i = 0; i < 2; ++i) {
        QWheelEvent wheel(level.center(), f.w().mapToGlobal(level.center()), {}, QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&f.w(), &wheel);
    }
    CHECK(track("V1").opacity == Approx(0.1));
    CHECK(f.doc.undoStack()->count() == entries + 2);
    f.doc.undoStack()->undo();
    CHECK(track("V1").opacity == 0.0);

    // An audio track's bar is its volume: the right end is +12 dB.
    const QRect a1 =
        TrackHeader::partRect(g.headerRect(g.rowOfTrack("A1")), TrackHeader::Part::Level);
    f.drag(a1.center(), QPoint(a1.right() + 30, a1.center().y()));
    CHECK(track("A1").volumeDb == 12.0);
    CHECK(TrackLevel::text(track("A1")) == "12.0 dB");

    // The blend box opens the modes; picking one sets it.
    f.click(TrackHeader::partRect(v1, TrackHeader::Part::Blend).center());
    auto* menu = f.w().findChild<QMenu*>(QStringLiteral("blendMenu"));
    REQUIRE(menu);
    QAction* screen = nullptr;
    for (QAction* a : menu->actions())
        if (a->text() == "Screen") screen = a;
    REQUIRE(screen);
    CHECK_FALSE(screen->isChecked());
    screen->trigger();
    CHECK(track("V1").blend == fx::BlendMode::Screen);
    menu->close();
    // Audio rows have no blend box: a click there does nothing.
    CHECK(TrackHeader::partAt(g.headerRect(g.rowOfTrack("A1")),
                              TrackHeader::partRect(v1, TrackHeader::Part::Blend).center() -
                                  v1.topLeft() + g.headerRect(g.rowOfTrack("A1")).topLeft(),
                              engine::TrackKind::Audio) != TrackHeader::Part::Blend);
}
