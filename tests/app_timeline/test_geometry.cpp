// Geometry and snapping without a widget: frame <-> x at zooms and scroll,
// row order, hit testing of clip bodies against edges.
#include <catch2/catch.hpp>

#include "timeline/timeline_geometry.h"
#include "timeline/timeline_snapping.h"

using namespace entropic;
using namespace entropic::app;
using Kind = TimelineHit::Kind;

namespace {

engine::Project sampleProject() {
    engine::Project p;
    auto clip = [](const char* id, std::int64_t start, std::int64_t length) {
        engine::Clip c;
        c.id = id;
        c.start = start;
        c.in = 0;
        c.out = length;
        return c;
    };
    p.tracks.push_back({"V1",
                        engine::TrackKind::Video,
                        "",
                        false,
                        1.0,
                        0.0,
                        {clip("a", 0, 30), clip("b", 30, 20), clip("n", 60, 2)}});
    p.tracks.push_back({"A1", engine::TrackKind::Audio, "", false, 1.0, 0.0, {clip("m", 0, 100)}});
    p.tracks.push_back({"V2", engine::TrackKind::Video, "", false, 1.0, 0.0, {}});
    p.tracks.push_back({"A2", engine::TrackKind::Audio, "", false, 1.0, 0.0, {}});
    return p;
}

TimelineGeometry geometryFor(const engine::Project& p, double ppf) {
    TimelineGeometry g;
    g.setViewSize({1000, 400});
    g.layoutTracks(p);
    g.setPixelsPerFrame(ppf);
    return g;
}

} // namespace

TEST_CASE("frame and x map both ways at any zoom and scroll", "[timeline][geometry]") {
    const auto p = sampleProject();
    for (double ppf : {0.25, 1.0, 5.0, 20.0}) {
        auto g = geometryFor(p, ppf);
        for (double scroll : {0.0, 137.0}) {
            g.setScrollX(scroll);
            for (std::int64_t f : {0, 1, 29, 1000}) {
                const double x = g.frameToX(static_cast<double>(f));
                CHECK(x == Approx(TimelineGeometry::kHeaderWidth + f * ppf - scroll));
                CHECK(g.xToFrame(x) == Approx(static_cast<double>(f)));
                CHECK(g.boundaryAt(x + 0.4 * ppf) == f);
            }
        }
    }
    auto g = geometryFor(p, 2.0);
    g.zoomAround(500, 2.0); // the frame under x = 500 stays there
    const double before = (500 - TimelineGeometry::kHeaderWidth) / 2.0;
    CHECK(g.pixelsPerFrame() == 4.0);
    CHECK(g.xToFrame(500) == Approx(before));
    g.setScrollX(0);
    CHECK(g.boundaryAt(0) == 0); // never negative
}

TEST_CASE("video tracks highest first, then audio from A1 down", "[timeline][geometry]") {
    const auto g = geometryFor(sampleProject(), 1.0);
    REQUIRE(g.rows().size() == 4);
    CHECK(g.rows()[0].trackId == "V2");
    CHECK(g.rows()[1].trackId == "V1");
    CHECK(g.rows()[2].trackId == "A1");
    CHECK(g.rows()[3].trackId == "A2");
    CHECK(g.laneRect(0).top() == TimelineGeometry::kRulerHeight);
    CHECK(g.rowAt(g.laneRect(2).center().y()) == 2);
    CHECK(g.rowAt(5) == -1); // the ruler
}

TEST_CASE("hit testing tells clip bodies from edges", "[timeline][geometry]") {
    const auto p = sampleProject();
    const auto g = geometryFor(p, 4.0); // a: x 168..288, b: 288..368, n: 408..416
    const int y = g.laneRect(g.rowOfTrack("V1")).center().y();
    auto hit = [&](double x) { return g.hitTest(QPoint(static_cast<int>(x), y), p); };

    CHECK(hit(168 + 60).kind == Kind::Clip);
    CHECK(hit(168 + 60).clipId == "a");
    CHECK(hit(168 + 2).kind == Kind::ClipLeftEdge);
    CHECK(hit(168 + 2).frame == 0);
    // The shared edge of a and b belongs to the clip the pointer is over.
    CHECK(hit(286).kind == Kind::ClipRightEdge);
    CHECK(hit(286).clipId == "a");
    CHECK(hit(286).frame == 30);
    CHECK(hit(290).kind == Kind::ClipLeftEdge);
    CHECK(hit(290).clipId == "b");
    // Just outside a free edge still grabs it.
    CHECK(hit(370).kind == Kind::ClipRightEdge);
    CHECK(hit(370).clipId == "b");
    CHECK(hit(390).kind == Kind::Lane);
    // An 8 px clip: a third each side is edge, the middle is body.
    CHECK(hit(412).kind == Kind::Clip);
    CHECK(hit(409).kind == Kind::ClipLeftEdge);
    CHECK(hit(415).kind == Kind::ClipRightEdge);

    CHECK(g.hitTest(QPoint(300, 10), p).kind == Kind::Ruler);
    CHECK(g.hitTest(QPoint(20, y), p).kind == Kind::Header);
    const auto touched = g.clipsIn(
        QRect(QPoint(280, y - 5), QPoint(300, g.laneRect(g.rowOfTrack("A1")).center().y())), p);
    CHECK(touched == std::vector<QString>{"a", "b", "m"});
}

TEST_CASE("snapping pulls to the nearest target within reach", "[timeline][snapping]") {
    const auto p = sampleProject();
    entropic::app::EditorState editor;
    editor.inPoint = 12;
    editor.markers.push_back({75, "m"});
    const SnapTargets all(p, editor, 44);
    CHECK(all.snap(43.2, 2.0) == 44);
    CHECK(all.snap(46.5, 2.0) == std::nullopt);
    CHECK(all.snap(13, 2.0) == 12);
    CHECK(all.snap(74, 2.0) == 75);
    CHECK(all.snap(49, 2.0) == 50); // b's end
    // Edges 30 and 50 moving by 15 land at 45 (1 from the playhead) and 65 (3 from n's end).
    CHECK(all.snapDelta({30, 50}, 15, 2.0) == 14);
    const SnapTargets withoutB(p, editor, std::nullopt, {"b"});
    CHECK(withoutB.snap(49, 1.5) == std::nullopt);
}
