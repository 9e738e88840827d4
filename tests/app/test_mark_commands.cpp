// In/out marks and markers, with undo/redo; the playhead is view state and
// is never rolled back by undo.
#include <catch2/catch.hpp>

#include "commands/edits.h"
#include "test_support.h"

using namespace entropic::app;
using namespace entropic::app::test;

TEST_CASE("in and out marks", "[app][marks]") {
    ProjectDocument doc;
    const std::string original = saved(doc);
    QString error;
    REQUIRE(edits::setInPoint(doc, 10, &error));
    REQUIRE(edits::setOutPoint(doc, 50, &error));
    CHECK(doc.editorState().inPoint == 10);
    CHECK(doc.editorState().outPoint == 50);
    CHECK(doc.undoStack()->text(0) == "Set in point");
    CHECK_FALSE(edits::setInPoint(doc, 50, &error));
    CHECK(error.contains("before the out point"));
    CHECK_FALSE(edits::setOutPoint(doc, 10, &error));
    CHECK(error.contains("after the in point"));
    CHECK_FALSE(edits::setInPoint(doc, -1, &error));
    CHECK(doc.undoStack()->count() == 2);

    doc.mutableEditorState().playhead = 77; // moved by the viewer, not a command
    REQUIRE(edits::setInPoint(doc, std::nullopt, &error));
    CHECK_FALSE(doc.editorState().inPoint);
    CHECK(doc.undoStack()->text(2) == "Clear in point");
    doc.undoStack()->setIndex(0);
    CHECK_FALSE(doc.editorState().inPoint);
    CHECK_FALSE(doc.editorState().outPoint);
    CHECK(doc.editorState().playhead == 77);
    doc.mutableEditorState().playhead = 0;
    CHECK(saved(doc) == original);
    doc.undoStack()->setIndex(2);
    CHECK(doc.editorState().inPoint == 10);
}

TEST_CASE("markers: add, rename, delete", "[app][marks]") {
    ProjectDocument doc;
    const std::string original = saved(doc);
    QString error;
    REQUIRE(edits::addMarker(doc, 30, "drop", &error));
    REQUIRE(edits::addMarker(doc, 10, "intro", &error));
    REQUIRE(edits::addMarker(doc, 30, "", &error));
    const auto& m = doc.editorState().markers;
    REQUIRE(m.size() == 3);
    CHECK(m[0].name == "intro");
    CHECK(m[1].name == "drop");
    CHECK(m[2].frame == 30); // same frame: after the ones already there
    CHECK(doc.undoStack()->text(0) == "Add marker drop");
    CHECK(doc.undoStack()->text(2) == "Add marker at 30");
    REQUIRE(edits::renameMarker(doc, 1, "chorus", &error));
    CHECK(doc.editorState().markers[1].name == "chorus");
    REQUIRE(edits::deleteMarker(doc, 0, &error));
    CHECK(doc.editorState().markers.size() == 2);
    CHECK(doc.undoStack()->text(4) == "Delete marker intro");
    CHECK_FALSE(edits::deleteMarker(doc, 5, &error));
    CHECK(error == "There is no marker 6");
    CHECK_FALSE(edits::addMarker(doc, -3, "x", &error));
    const std::string edited = saved(doc);
    doc.undoStack()->setIndex(0);
    CHECK(saved(doc) == original);
    doc.undoStack()->setIndex(5);
    CHECK(saved(doc) == edited);
}
