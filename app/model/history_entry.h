#pragma once
// The QUndoCommand that sits on the QUndoStack for each edit. It owns the
// EditCommand (or, once the history moved it to disk, where to find it) and
// caches what the stack and the history panel ask for without loading it:
// text, merge id, whether it is critical, its memory cost.
#include <memory>
#include <optional>

#include <QUndoCommand>

#include "commands/edit_command.h"
#include "model/spill_file.h"

namespace entropic::app {

class HistoryPolicy;

struct HistoryPayload {
    std::unique_ptr<EditCommand> command; // null while only on disk
    std::optional<SpillRecord> onDisk;    // a copy on disk, if any
    bool diskCopyCurrent = false;         // the copy equals command (nothing merged since)
    QString text;
    bool critical = false;
    bool checkpoint = false; // a SnapshotCommand made by the step limit
    int mergeId = -1;
    std::size_t cost = 0; // command->memoryCost() when it was last loaded or changed

    static HistoryPayload of(std::unique_ptr<EditCommand> command);
    // Re-reads the cached fields after the command changed (merge, fold).
    void refresh();
};

class HistoryEntry : public QUndoCommand {
  public:
    HistoryEntry(HistoryPolicy& policy, HistoryPayload payload);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    HistoryPayload& payload() { return payload_; }
    const HistoryPayload& payload() const { return payload_; }
    HistoryPayload takePayload() { return std::move(payload_); }
    void setPayload(HistoryPayload payload);
    // The command, read back from disk if needed; null if that failed
    // (the failure is reported through HistoryPolicy::historyError).
    EditCommand* command();

  private:
    HistoryPolicy& policy_;
    HistoryPayload payload_;
};

} // namespace entropic::app
