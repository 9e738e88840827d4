#pragma once
// One undoable edit of a ProjectDocument. Timeline operations hold their
// action and its inverse as data (the clips or tracks they take out and put
// in); parameter changes hold the before and after values. Every command can
// write itself to JSON and be read back (commandFromJson), so the history can
// move old entries to disk and bring them back exactly (model/history_policy.h).
//
// Commands are plain classes rather than QUndoCommands because QUndoStack
// can neither remove one entry nor hand one back: the history wraps each
// command in a HistoryEntry (the QUndoCommand on the stack) that it can
// rebuild, prune and spill. See docs/editor-model.md.
#include <cstddef>
#include <memory>
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

namespace entropic::app {

class ProjectDocument;

class EditCommand {
  public:
    virtual ~EditCommand() = default;

    // The history panel's line: "Move clip life", "Set Noise amount".
    virtual QString text() const = 0;
    // redo() is called once when the command is pushed, then after each undo().
    // Both leave the document exactly as it was before the opposite call, and
    // call document.notifyChanged().
    virtual void redo(ProjectDocument& document) = 0;
    virtual void undo(ProjectDocument& document) = 0;

    // Critical entries (deleting a track, clearing the timeline) are never
    // pruned by the step limit.
    virtual bool isCritical() const { return false; }
    // Rough bytes of state held, for the history's memory cap.
    virtual std::size_t memoryCost() const = 0;

    // Merging (one knob drag = one entry): commands with the same mergeId()
    // other than -1 are offered to mergeWith(); it returns true after taking
    // next's "after" state.
    virtual int mergeId() const { return -1; }
    virtual bool mergeWith(const EditCommand& next) {
        (void)next;
        return false;
    }

    // The stable name of the command's class in the spill format.
    virtual const char* kind() const = 0;
    // Everything needed to rebuild the command, without "kind" and "text".
    virtual nlohmann::json stateToJson() const = 0;
};

// {"kind", "text", "state"}: what the history writes to disk.
nlohmann::json commandToJson(const EditCommand& command);
// Reads commandToJson's form back. Clips and effects are rebuilt against the
// document's base folder and effect registry. Throws engine::EngineError or
// nlohmann::json::exception on a damaged record.
std::unique_ptr<EditCommand> commandFromJson(const nlohmann::json& doc,
                                             const ProjectDocument& document);

// Ids for merging, one per mergeable command kind.
enum MergeId : int {
    kMergeEffectEdit = 1,
    kMergeTrackProperty = 2,
    kMergeSignalEdit = 3,
    kMergeTempo = 4
};

} // namespace entropic::app
