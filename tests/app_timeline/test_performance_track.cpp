// The performance rows on the timeline: one row per pad lane under the
// tracks, each recorded event a block from on to off (velocity its filled
// height), hit-tested as clips are; clicking selects (Shift adds), a drag
// moves (snapping as clips do), a drag of an end trims, Alt+drag sets the
// velocity, Delete deletes: each one undo entry that undo and redo restore
// exactly, and none of them ever lands an event on another.
#include <catch2/catch.hpp>

#include <QMenu>
#include <QTest>

#include "commands/performance_edits.h"
#include "timeline/performance_mouse.h"
#include "timeline/performance_track.h"
#include "timeline_fixture.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

using Events = std::vector<sig::GateEvent>;

// Two pads; Kick holds `kick`, Snare holds `snare`. Tall enough to show both rows.
struct PadsFixture : TimelineFixture {
    PadsFixture(const Events& kick, const Events& snare = {}) {
        widget->resize(1000, 420);
        PadSettings red;
        red.colour = "#e05050";
        REQUIRE(edits::addPad(doc, "Kick", red));
        REQUIRE(edits::addPad(doc, "Snare", {}));
        REQUIRE(edits::writePerformance(doc, {{"pad-1", kick}, {"pad-2", snare}}, 0, 0,
                                        edits::TakeMode::Overdub, "Record take"));
        w().setSnapping(false);
    }
    const Events& lane(int i) const {
        return doc.project().performance[static_cast<std::size_t>(i)].events;
    }
    // Widget point at a frame on performance row `row`, dy from its middle.
    QPoint on(int row, double frame, int dy = 0) const {
        const auto& g = widget->geometry();
        return {static_cast<int>(std::lround(g.frameToX(frame))),
                g.performanceRect(row).center().y() + dy};
    }
    PerformanceMouse& mouse() { return widget->performanceMouse(); }
};

} // namespace

namespace Catch {
template <> struct StringMaker<sig::GateEvent> {
    static std::string convert(const sig::GateEvent& e) {
        return "{" + std::to_string(e.onFrame) + ", " + std::to_string(e.offFrame) + ", " +
               std::to_string(e.velocity) + "}";
    }
};
} // namespace Catch

TEST_CASE("performance rows: one per lane under the tracks, an event a block from on to off",
          "[timeline][performance]") {
    TimelineFixture plain;
    CHECK(plain.w().geometry().performanceRows().empty()); // no pads: no rows

    PadsFixture f({{10, 20, 1.0}, {30, 34, 0.5}}, {{50, 60, 0.25}});
    const auto& g = f.w().geometry();
    REQUIRE(g.performanceRows().size() == 2);
    CHECK(g.performanceRows()[0].label == "Kick");
    CHECK(g.performanceRows()[1].label == "Snare");
    const QRect a1 = g.laneRect(g.rowOfTrack("A1"));
    CHECK(g.performanceRect(0).top() == a1.bottom() + 1); // right under the last track
    CHECK(g.performanceRect(0).height() == TimelineGeometry::kPerformanceRowHeight);
    CHECK(g.performanceRect(1).top() == g.performanceRect(0).bottom() + 1);
    CHECK(g.performanceHeaderRect(0).left() == 0);
    CHECK(g.contentHeight() ==
          g.performanceRows()[1].top + TimelineGeometry::kPerformanceRowHeight);

    // Frame f at x = header + 5 f: [10, 20) is 50 px from x = header + 50.
    const QRectF block = performance_track::eventRect(g, 0, f.lane(0)[0]);
    CHECK(block.left() == TimelineGeometry::kHeaderWidth + 50);
    CHECK(block.width() == 50);
    CHECK(block.top() == g.performanceRect(0).top() + performance_track::kBlockInset);
    CHECK(block.height() ==
          TimelineGeometry::kPerformanceRowHeight - 2 * performance_track::kBlockInset);
    // Velocity: the filled part, from the bottom.
    const QRectF half = performance_track::velocityRect(block, 0.5);
    CHECK(half.bottom() == block.bottom());
    CHECK(half.height() == block.height() / 2);
    CHECK(performance_track::velocityRect(block, 0).height() == 2); // still seen

    const auto& lanes = f.doc.project().performance;
    using Part = PerformanceHit::Part;
    auto hit = [&](QPoint p) { return performance_track::hitAt(g, lanes, p); };
    CHECK(hit(f.on(0, 15)).part == Part::Body);
    CHECK(hit(f.on(0, 15)).event == gate::EventRef{"pad-1", {10, 20, 1.0}});
    CHECK(hit(f.on(0, 10.2)).part == Part::OnEdge);
    CHECK(hit(f.on(0, 19.8)).part == Part::OffEdge);
    CHECK(hit(f.on(0, 20.6)).part == Part::OffEdge); // just outside, nothing else there
    CHECK(hit(f.on(0, 25)).part == Part::Lane);
    CHECK(hit(f.on(1, 55)).event.lane == "pad-2");
    CHECK(hit(QPoint(20, f.on(0, 0).y())).part == Part::Header);
    CHECK(hit(f.at("A1", 15)).part == Part::None);
    // Velocity from height: the blocks' bottom is 0, their top 1.
    CHECK(performance_track::velocityAt(g, 0, block.bottom()) == 0);
    CHECK(performance_track::velocityAt(g, 0, block.top()) == 1);
    CHECK(performance_track::velocityAt(g, 0, block.center().y()) == Approx(0.5).margin(0.01));

    // For the eye: build/tests/app_timeline/performance-track.png.
    f.mouse().press(f.on(0, 15), Qt::NoModifier, 0, false);
    f.mouse().release();
    f.w().grab().save(
        QStringLiteral(ENTROPIC_BINARY_DIR "/tests/app_timeline/performance-track.png"));
}

TEST_CASE("performance events: click selects, shift adds, a drag moves them as one undo entry",
          "[timeline][performance]") {
    PadsFixture f({{10, 20, 1.0}, {30, 34, 0.5}, {60, 64, 0.8}});
    const Events before = f.lane(0);

    f.click(f.on(0, 15));
    CHECK(f.mouse().selection() == std::vector<gate::EventRef>{{"pad-1", {10, 20, 1.0}}});
    f.click(f.on(0, 32), Qt::ShiftModifier);
    CHECK(f.mouse().selection().size() == 2);
    f.click(f.on(0, 15)); // a plain click on a selected one narrows to it
    CHECK(f.mouse().selection().size() == 1);
    f.click(f.on(0, 32), Qt::ShiftModifier);

    const int entries = f.doc.undoStack()->count();
    f.drag(f.on(0, 15), f.on(0, 20)); // both, 5 frames later
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(f.doc.undoStack()->undoText() == "Move 2 pad events");
    CHECK(f.lane(0) == Events{{15, 25, 1.0}, {35, 39, 0.5}, {60, 64, 0.8}});
    CHECK(f.mouse().selection().size() == 2); // they stay selected where they landed
    f.doc.undoStack()->undo();
    CHECK(f.lane(0) == before);
    f.doc.undoStack()->redo();
    CHECK(f.lane(0) == Events{{15, 25, 1.0}, {35, 39, 0.5}, {60, 64, 0.8}});

    // Overlap rule (clamp): dragged onto the unselected event at 60, the
    // second stops against it rather than overlapping. (The undo let the
    // selection go: select them again.)
    CHECK(f.mouse().selection().empty());
    f.click(f.on(0, 20));
    f.click(f.on(0, 37), Qt::ShiftModifier);
    f.drag(f.on(0, 20), f.on(0, 43));
    CHECK(f.lane(0) == Events{{36, 46, 1.0}, {56, 60, 0.5}, {60, 64, 0.8}});
    // Far enough past it, they jump it; and never before frame 0.
    f.drag(f.on(0, 40), f.on(0, 0));
    CHECK(f.lane(0).front().onFrame == 0);
    CHECK(f.lane(0) == Events{{0, 10, 1.0}, {20, 24, 0.5}, {60, 64, 0.8}});

    // A click on an empty part of a row lets the selection go.
    f.click(f.on(0, 100));
    CHECK(f.mouse().selection().empty());
    // Clips were never touched.
    CHECK(f.clipIds("V1") == "a,b,c");
}

TEST_CASE("performance events: a drag snaps to clip edges as clips do", "[timeline][performance]") {
    PadsFixture f({{50, 55, 1.0}});
    f.w().setSnapping(true);
    // Dropped at 71 (end 76): the start is within 8 px of clip b's end at 70.
    f.drag(f.on(0, 52), f.on(0, 73));
    CHECK(f.lane(0) == Events{{70, 75, 1.0}});
}

TEST_CASE("performance events: the ends trim, clamped to the neighbours, one entry each",
          "[timeline][performance]") {
    PadsFixture f({{10, 20, 1.0}, {30, 40, 0.5}});
    const Events before = f.lane(0);
    const int entries = f.doc.undoStack()->count();
    f.drag(f.on(0, 19.8), f.on(0, 25)); // the off end of the first
    CHECK(f.lane(0) == Events{{10, 25, 1.0}, {30, 40, 0.5}});
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(f.doc.undoStack()->undoText() == "Trim pad event");
    f.drag(f.on(0, 24.8), f.on(0, 36)); // past the next one's start: stops there
    CHECK(f.lane(0) == Events{{10, 30, 1.0}, {30, 40, 0.5}});
    f.drag(f.on(0, 30.4), f.on(0, 45)); // the on end of the second: one frame short of off
    CHECK(f.lane(0) == Events{{10, 30, 1.0}, {39, 40, 0.5}});
    f.drag(f.on(0, 10.2), f.on(0, 2)); // the first's start, earlier
    CHECK(f.lane(0) == Events{{2, 30, 1.0}, {39, 40, 0.5}});
    for (int i = 0; i < 4; ++i)
        f.doc.undoStack()->undo();
    CHECK(f.lane(0) == before);
    for (int i = 0; i < 4; ++i)
        f.doc.undoStack()->redo();
    CHECK(f.lane(0) == Events{{2, 30, 1.0}, {39, 40, 0.5}});
}

TEST_CASE("performance events: Delete deletes the selected ones, Alt+drag sets velocity",
          "[timeline][performance]") {
    PadsFixture f({{10, 20, 1.0}, {30, 34, 0.5}}, {{50, 60, 0.25}});
    const Events kick = f.lane(0), snare = f.lane(1);

    // Alt+drag: to the pointer's height, every selected event, one entry.
    f.click(f.on(0, 15));
    f.click(f.on(1, 55), Qt::ShiftModifier);
    const int entries = f.doc.undoStack()->count();
    const QRectF block = performance_track::eventRect(f.w().geometry(), 1, f.lane(1)[0]);
    const int quarter = static_cast<int>(std::lround(block.bottom() - block.height() / 4));
    f.drag(f.on(1, 55), QPoint(f.on(1, 55).x(), quarter), Qt::AltModifier);
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(f.lane(0)[0].velocity == Approx(0.25).margin(0.05));
    CHECK(f.lane(1)[0].velocity == Approx(0.25).margin(0.05));
    CHECK(f.lane(0)[0].onFrame == 10); // not moved
    f.doc.undoStack()->undo();
    CHECK(f.lane(0) == kick);
    CHECK(f.lane(1) == snare);

    // The context menu of a block offers Velocity… and Delete.
    QMenu menu;
    REQUIRE(f.mouse().fillMenu(f.on(0, 32), menu));
    CHECK(f.mouse().selection() == std::vector<gate::EventRef>{{"pad-1", {30, 34, 0.5}}});
    CHECK(menu.findChild<QAction*>("performanceVelocity"));
    CHECK(menu.findChild<QAction*>("performanceDelete"));
    REQUIRE(f.mouse().setSelectionVelocity(0.9)); // what the number box sets
    CHECK(f.lane(0)[1].velocity == 0.9);
    f.doc.undoStack()->undo();

    // Delete, with the timeline focused: the selected events go, not the clips.
    f.click(f.on(0, 15));
    f.click(f.on(0, 32), Qt::ShiftModifier);
    const int index = f.doc.undoStack()->index();
    QTest::keyClick(&f.w(), Qt::Key_Delete);
    CHECK(f.lane(0).empty());
    CHECK(f.lane(1) == snare);
    CHECK(f.doc.undoStack()->index() == index + 1);
    CHECK(f.doc.undoStack()->undoText() == "Delete 2 pad events");
    CHECK(f.clipIds("V1") == "a,b,c");
    f.doc.undoStack()->undo();
    CHECK(f.lane(0) == kick);
    // Undone, the events are back but no longer selected; Delete is the clips' again.
    CHECK(f.mouse().selection().empty());
}
