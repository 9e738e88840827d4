#pragma once
// Changes to the editor's own state (model/editor_state.h) that belong in the
// history: in/out marks, markers, track lock and solo, the media bin, the
// MIDI mappings. Holds
// the before and after state but applies only the parts it edits, so view
// state that is not undoable (the playhead) is never rolled back with it.
#include "commands/edit_command.h"
#include "model/editor_state.h"

namespace entropic::app {

enum EditorPart : int {
    kPartMarks = 1, // inPoint, outPoint
    kPartMarkers = 2,
    kPartLocked = 4,
    kPartSolo = 8,
    kPartBin = 16,
    kPartMidi = 32, // MIDI mappings
};

// Copies the given parts of from into to.
void copyEditorParts(EditorState& to, const EditorState& from, int parts);

class EditorStateCommand : public EditCommand {
  public:
    EditorStateCommand(QString text, int parts, EditorState before, EditorState after);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    const char* kind() const override { return "editor_state"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    QString text_;
    int parts_ = 0;
    EditorState before_;
    EditorState after_;
};

} // namespace entropic::app
