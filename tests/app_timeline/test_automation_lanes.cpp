// Automation lanes on the timeline: the selected clip's lanes open under its
// track; a double-click adds a key where it lands (frame and value), a drag
// moves one (one undo entry), a double-click on a key deletes it.
#include <catch2/catch.hpp>

#include <QTest>

#include "commands/edits.h"
#include "timeline_fixture.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

const sig::ParamTarget kAmount{"fx-1", "amount", 0};

const sig::AutomationLane* lane(const ProjectDocument& doc) {
    for (const auto& l : doc.project().signals.lanes)
        if (l.target == kAmount) return &l;
    return nullptr;
}

// Widget point on automation row 0 at a frame and a value of amount (0..1).
QPoint onLane(TimelineFixture& f, double frame, double value) {
    const auto& g = f.w().geometry();
    return {static_cast<int>(std::lround(g.frameToX(frame))),
            static_cast<int>(std::lround(g.automationY(0, value)))};
}

} // namespace

TEST_CASE("a selected clip's automation opens under its track and is edited with the mouse",
          "[timeline][automation]") {
    TimelineFixture f;
    REQUIRE(edits::setKeyframe(f.doc, kAmount, 45, 0.2));
    CHECK(f.w().geometry().automationRows().empty()); // nothing selected: closed
    const int v1Bottom = f.w().geometry().laneRect(f.w().geometry().rowOfTrack("V1")).bottom();
    const QPoint a1 = f.at("A1", 10);

    f.selection.select("b");
    REQUIRE(f.w().geometry().automationRows().size() == 1);
    const auto& row = f.w().geometry().automationRows()[0];
    CHECK(row.clipId == "b");
    CHECK(row.label == "Noise · Amount");
    const QRect laneRect = f.w().geometry().automationRect(0);
    CHECK(laneRect.top() == v1Bottom + 1);                                        // right under V1
    CHECK(f.at("A1", 10).y() == a1.y() + TimelineGeometry::kAutomationRowHeight); // A1 moved down

    // Double-click on empty lane: a key at that frame and value.
    QTest::mouseDClick(&f.w(), Qt::LeftButton, Qt::NoModifier, onLane(f, 60, 0.75));
    REQUIRE(lane(f.doc));
    REQUIRE(lane(f.doc)->keys.size() == 2);
    CHECK(lane(f.doc)->keys[1].frame == 60);
    CHECK(lane(f.doc)->keys[1].value == Approx(0.75).margin(0.03));

    // Drag that key to frame 66 and value 0.25: one history entry.
    const int entries = f.doc.undoStack()->count();
    f.drag(onLane(f, 60, lane(f.doc)->keys[1].value), onLane(f, 66, 0.25));
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(lane(f.doc)->keys[1].frame == 66);
    CHECK(lane(f.doc)->keys[1].value == Approx(0.25).margin(0.03));
    // Dragged onto the other key: it stops short instead of replacing it.
    f.drag(onLane(f, 66, 0.25), onLane(f, 45, 0.5));
    REQUIRE(lane(f.doc)->keys.size() == 2);
    CHECK(lane(f.doc)->keys[0].frame == 45);
    CHECK(lane(f.doc)->keys[0].value == 0.2);

    // Double-click a key: deleted; the last one takes the lane and the row.
    const auto second = lane(f.doc)->keys[1];
    QTest::mouseDClick(&f.w(), Qt::LeftButton, Qt::NoModifier,
                       onLane(f, static_cast<double>(second.frame), second.value));
    REQUIRE(lane(f.doc)->keys.size() == 1);
    QTest::mouseDClick(&f.w(), Qt::LeftButton, Qt::NoModifier, onLane(f, 45, 0.2));
    CHECK(lane(f.doc) == nullptr);
    CHECK(f.w().geometry().automationRows().empty());

    // The clip under the lane was never touched.
    REQUIRE(f.clip("b"));
    CHECK(f.clip("b")->start == 40);
    CHECK(f.selection.clips() == QStringList{"b"});
}
