// Mouse gestures on a real TimelineWidget (offscreen, fixed size): the
// selection, rubber band, moves, trims, scrubbing and snapping a user does.
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include "timeline_fixture.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

TEST_CASE("click selects, Shift adds, Ctrl toggles, empty space clears", "[timeline][mouse]") {
    TimelineFixture f;
    f.click(f.at("V1", 15));
    CHECK(f.selection.clips() == QStringList{"a"});
    f.click(f.at("V1", 55), Qt::ShiftModifier);
    CHECK(f.selection.clips() == QStringList({"a", "b"}));
    f.click(f.at("V2", 15), Qt::ShiftModifier);
    CHECK(f.selection.clips() == QStringList({"a", "b", "d"}));
    f.click(f.at("V1", 15), Qt::ControlModifier);
    CHECK(f.selection.clips() == QStringList({"b", "d"}));
    f.click(f.at("V1", 15), Qt::ControlModifier);
    CHECK(f.selection.clips() == QStringList({"b", "d", "a"}));
    CHECK(f.selection.current() == "a");
    // A plain click on one clip of a multi-selection narrows to it.
    f.click(f.at("V1", 55));
    CHECK(f.selection.clips() == QStringList{"b"});
    f.click(f.at("V1", 85)); // between b and c
    CHECK(f.selection.clips().isEmpty());
}

TEST_CASE("a rubber band on empty space selects the clips it touches", "[timeline][mouse]") {
    TimelineFixture f;
    // From the gap on V2 after d, down-right into A1: touches b (V1) and m (A1), not a, c or d.
    f.drag(f.at("V2", 35), f.at("A1", 50));
    CHECK(f.selection.clips() == QStringList({"b", "m"}));
    // With Shift it adds to what is selected.
    f.click(f.at("V1", 110));
    f.drag(f.at("V2", 25), f.at("V2", 28, 10), Qt::ShiftModifier);
    CHECK(f.selection.clips() == QStringList{"c"}); // touched nothing new
    f.drag(f.at("V2", 35), f.at("V1", 45, 10), Qt::ShiftModifier);
    CHECK(f.selection.clips() == QStringList({"c", "b"}));
}

TEST_CASE("dragging a clip moves it by the frames dragged, as one undo entry",
          "[timeline][mouse]") {
    TimelineFixture f;
    f.w().setSnapping(false);
    const int entries = f.doc.undoStack()->count();
    f.drag(f.at("V1", 110), f.at("V1", 110 + 23));
    REQUIRE(f.clip("c"));
    CHECK(f.clip("c")->start == 123);
    CHECK(f.clip("c")->length() == 30);
    CHECK(f.doc.undoStack()->count() == entries + 1);
    f.doc.undoStack()->undo();
    CHECK(f.clip("c")->start == 100);

    // Across tracks, the selection together: a and b from V1 up to V2 by 100 frames.
    f.click(f.at("V1", 15));
    f.click(f.at("V1", 55), Qt::ShiftModifier);
    f.drag(f.at("V1", 55), f.at("V2", 155));
    CHECK(f.clipIds("V2") == "d,a,b");
    CHECK(f.clip("a")->start == 100);
    CHECK(f.clip("b")->start == 140);
    CHECK(f.doc.undoStack()->count() == entries + 1);

    // Onto audio: refused by kind, so it stays on its track and only moves in time.
    f.drag(f.at("V2", 105), f.at("A1", 115));
    CHECK(f.clipIds("V2") == "d,a,b");
    CHECK(f.clip("a")->start == 110);
}

TEST_CASE("a drag onto another clip is refused and changes nothing", "[timeline][mouse]") {
    TimelineFixture f;
    f.w().setSnapping(false);
    QSignalSpy messages(&f.w(), &TimelineWidget::message);
    const int entries = f.doc.undoStack()->count();
    f.drag(f.at("V1", 110), f.at("V1", 60)); // c onto b
    CHECK(f.clip("c")->start == 100);
    CHECK(f.doc.undoStack()->count() == entries);
    REQUIRE(messages.count() == 1);
    CHECK(messages.front().front().toString().contains("overlap"));
}

TEST_CASE("dragging an edge trims it and never moves the clip", "[timeline][mouse]") {
    TimelineFixture f;
    f.w().setSnapping(false);
    // Right edge of c (frame 130) to 118: shorter, same start.
    f.drag(f.at("V1", 130, 0) - QPoint(2, 0), f.at("V1", 118) - QPoint(2, 0));
    CHECK(f.clip("c")->start == 100);
    CHECK(f.clip("c")->end() == 118);
    CHECK(f.clip("c")->in == 0);
    // Left edge of b (frame 40, in 10) to 45: start and in move together, end stays.
    f.drag(f.at("V1", 40) + QPoint(2, 0), f.at("V1", 45) + QPoint(2, 0));
    CHECK(f.clip("b")->start == 45);
    CHECK(f.clip("b")->in == 15);
    CHECK(f.clip("b")->end() == 70);
    // Left edge of b back out to 35: uses source frames before in.
    f.drag(f.at("V1", 45) + QPoint(2, 0), f.at("V1", 35) + QPoint(2, 0));
    CHECK(f.clip("b")->start == 35);
    CHECK(f.clip("b")->in == 5);
}

TEST_CASE("trimming a clip to nothing is refused with the reason", "[timeline][mouse]") {
    TimelineFixture f;
    f.w().setSnapping(false);
    QSignalSpy messages(&f.w(), &TimelineWidget::message);
    const int entries = f.doc.undoStack()->count();
    // d is [10,20): its right edge dragged to frame 10 and past it.
    for (double to : {10.0, 5.0}) {
        f.drag(f.at("V2", 20) - QPoint(2, 0), f.at("V2", to) - QPoint(2, 0));
        CHECK(f.clip("d")->start == 10);
        CHECK(f.clip("d")->end() == 20);
    }
    CHECK(f.doc.undoStack()->count() == entries);
    REQUIRE(messages.count() == 2);
    CHECK(messages.front().front().toString().contains("at least one frame"));
}

TEST_CASE("clicking and dragging on the ruler scrubs the playhead", "[timeline][mouse]") {
    TimelineFixture f;
    f.w().setSnapping(false);
    f.click(f.ruler(77));
    CHECK(f.transport.frame() == 77);
    QTest::mousePress(&f.w(), Qt::LeftButton, {}, f.ruler(10));
    CHECK(f.transport.frame() == 10);
    QTest::mouseMove(&f.w(), f.ruler(33));
    CHECK(f.transport.frame() == 33);
    QTest::mouseRelease(&f.w(), Qt::LeftButton, {}, f.ruler(34));
    CHECK(f.transport.frame() == 34);
    // The playhead line itself can be dragged down in the lanes, even over a clip.
    f.click(f.ruler(52));
    f.drag(f.at("V1", 52, 20), f.at("V1", 61, 20));
    CHECK(f.transport.frame() == 61);
    CHECK(f.clip("b")->start == 40); // the clip under it did not move
}

TEST_CASE("snapping lands a dragged clip exactly on the playhead", "[timeline][mouse][snapping]") {
    TimelineFixture f;
    f.transport.setFrame(83);
    CHECK(f.w().snapping());
    // c starts at 100; dropped 18 frames left it would start at 82, 5 px from the playhead.
    f.drag(f.at("V1", 110), f.at("V1", 92));
    CHECK(f.clip("c")->start == 83);
    f.doc.undoStack()->undo();
    f.w().setSnapping(false);
    f.drag(f.at("V1", 110), f.at("V1", 92));
    CHECK(f.clip("c")->start == 82);
    // Trims snap too: c's left edge (82) pulled to 84.2 lands on the playhead at 83.
    f.w().setSnapping(true);
    f.drag(f.at("V1", 82) + QPoint(2, 0), f.at("V1", 84.2) + QPoint(2, 0));
    CHECK(f.clip("c")->start == 83);
    CHECK(f.clip("c")->in == 1);
    CHECK(f.clip("c")->end() == 112);
}
