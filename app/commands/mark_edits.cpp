// edits.h: in/out marks and markers.
#include <algorithm>

#include "commands/edit_rules.h"
#include "commands/editor_state_command.h"
#include "commands/edits.h"

namespace entropic::app::edits {

using namespace rules;

namespace {

void pushEditor(ProjectDocument& doc, const QString& text, int parts, EditorState after) {
    doc.push(
        std::make_unique<EditorStateCommand>(text, parts, doc.editorState(), std::move(after)));
}

bool validMarker(const ProjectDocument& doc, int index, QString* error) {
    if (index >= 0 && static_cast<std::size_t>(index) < doc.editorState().markers.size())
        return true;
    return refuse(error, QStringLiteral("There is no marker %1").arg(index + 1));
}

} // namespace

bool setInPoint(ProjectDocument& doc, std::optional<std::int64_t> frame, QString* error) {
    const auto& editor = doc.editorState();
    if (frame && *frame < 0)
        return refuse(error, QStringLiteral("The in point cannot be before frame 0"));
    if (frame && editor.outPoint && *frame >= *editor.outPoint)
        return refuse(error,
                      QStringLiteral("The in point must come before the out point (frame %1)")
                          .arg(*editor.outPoint));
    if (editor.inPoint == frame) return true;
    EditorState after = editor;
    after.inPoint = frame;
    pushEditor(doc, frame ? QStringLiteral("Set in point") : QStringLiteral("Clear in point"),
               kPartMarks, std::move(after));
    return true;
}

bool setOutPoint(ProjectDocument& doc, std::optional<std::int64_t> frame, QString* error) {
    const auto& editor = doc.editorState();
    if (frame && *frame < 1)
        return refuse(error, QStringLiteral("The out point must be after frame 0"));
    if (frame && editor.inPoint && *frame <= *editor.inPoint)
        return refuse(error, QStringLiteral("The out point must come after the in point (frame %1)")
                                 .arg(*editor.inPoint));
    if (editor.outPoint == frame) return true;
    EditorState after = editor;
    after.outPoint = frame;
    pushEditor(doc, frame ? QStringLiteral("Set out point") : QStringLiteral("Clear out point"),
               kPartMarks, std::move(after));
    return true;
}

bool addMarker(ProjectDocument& doc, std::int64_t frame, const QString& name, QString* error) {
    if (frame < 0) return refuse(error, QStringLiteral("A marker cannot be before frame 0"));
    EditorState after = doc.editorState();
    auto it = std::upper_bound(after.markers.begin(), after.markers.end(), frame,
                               [](std::int64_t f, const Marker& m) { return f < m.frame; });
    after.markers.insert(it, Marker{frame, name.toStdString()});
    pushEditor(doc,
               name.isEmpty() ? QStringLiteral("Add marker at %1").arg(frame)
                              : QStringLiteral("Add marker %1").arg(name),
               kPartMarkers, std::move(after));
    return true;
}

bool renameMarker(ProjectDocument& doc, int index, const QString& name, QString* error) {
    if (!validMarker(doc, index, error)) return false;
    EditorState after = doc.editorState();
    auto& marker = after.markers[static_cast<std::size_t>(index)];
    if (marker.name == name.toStdString()) return true;
    marker.name = name.toStdString();
    pushEditor(doc, QStringLiteral("Rename marker %1").arg(name), kPartMarkers, std::move(after));
    return true;
}

bool deleteMarker(ProjectDocument& doc, int index, QString* error) {
    if (!validMarker(doc, index, error)) return false;
    EditorState after = doc.editorState();
    const auto& marker = after.markers[static_cast<std::size_t>(index)];
    const QString text = marker.name.empty()
                             ? QStringLiteral("Delete marker at %1").arg(marker.frame)
                             : QStringLiteral("Delete marker %1").arg(q(marker.name));
    after.markers.erase(after.markers.begin() + index);
    pushEditor(doc, text, kPartMarkers, std::move(after));
    return true;
}

} // namespace entropic::app::edits
