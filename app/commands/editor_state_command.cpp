#include "commands/editor_state_command.h"

#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

void copyEditorParts(EditorState& to, const EditorState& from, int parts) {
    if (parts & kPartMarks) {
        to.inPoint = from.inPoint;
        to.outPoint = from.outPoint;
    }
    if (parts & kPartMarkers) to.markers = from.markers;
    if (parts & kPartLocked) to.lockedTracks = from.lockedTracks;
    if (parts & kPartSolo) to.soloTracks = from.soloTracks;
    if (parts & kPartBin) to.bin = from.bin;
    if (parts & kPartMidi) to.midiMappings = from.midiMappings;
}

EditorStateCommand::EditorStateCommand(QString text, int parts, EditorState before,
                                       EditorState after)
    : text_(std::move(text)), parts_(parts), before_(std::move(before)), after_(std::move(after)) {}

void EditorStateCommand::redo(ProjectDocument& document) {
    copyEditorParts(document.mutableEditorState(), after_, parts_);
    document.notifyChanged();
}

void EditorStateCommand::undo(ProjectDocument& document) {
    copyEditorParts(document.mutableEditorState(), before_, parts_);
    document.notifyChanged();
}

std::size_t EditorStateCommand::memoryCost() const {
    auto cost = [](const EditorState& s) {
        std::size_t bytes = sizeof(s);
        for (const auto& b : s.bin)
            bytes += b.size() + sizeof(b);
        for (const auto& m : s.markers)
            bytes += m.name.size() + sizeof(m);
        for (const auto& t : s.lockedTracks)
            bytes += t.size() + sizeof(t);
        for (const auto& t : s.soloTracks)
            bytes += t.size() + sizeof(t);
        for (const auto& m : s.midiMappings)
            bytes +=
                sizeof(m) + m.target.owner.size() + m.target.effect.size() + m.target.key.size();
        return bytes;
    };
    return sizeof(*this) + cost(before_) + cost(after_) +
           static_cast<std::size_t>(text_.size()) * 2;
}

json EditorStateCommand::stateToJson() const {
    return {{"parts", parts_}, {"before", before_.toJson()}, {"after", after_.toJson()}};
}

std::unique_ptr<EditCommand> EditorStateCommand::fromJson(const QString& text, const json& state,
                                                          const ProjectDocument&) {
    return std::make_unique<EditorStateCommand>(text, state.at("parts").get<int>(),
                                                EditorState::fromJson(state.at("before")),
                                                EditorState::fromJson(state.at("after")));
}

} // namespace entropic::app
