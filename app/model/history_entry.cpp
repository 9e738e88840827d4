#include "model/history_entry.h"

#include <exception>

#include "commands/snapshot_command.h"
#include "model/history_policy.h"

namespace entropic::app {

HistoryPayload HistoryPayload::of(std::unique_ptr<EditCommand> command) {
    HistoryPayload p;
    p.command = std::move(command);
    p.refresh();
    return p;
}

void HistoryPayload::refresh() {
    if (!command) return;
    text = command->text();
    critical = command->isCritical();
    checkpoint = dynamic_cast<const SnapshotCommand*>(command.get()) != nullptr;
    mergeId = command->mergeId();
    cost = command->memoryCost();
}

HistoryEntry::HistoryEntry(HistoryPolicy& policy, HistoryPayload payload)
    : policy_(policy), payload_(std::move(payload)) {
    setText(payload_.text);
}

void HistoryEntry::setPayload(HistoryPayload payload) {
    payload_ = std::move(payload);
    setText(payload_.text);
}

EditCommand* HistoryEntry::command() {
    if (!payload_.command) policy_.load(payload_);
    return payload_.command.get();
}

void HistoryEntry::redo() {
    if (policy_.isRebuilding()) return; // the document is already in this state
    if (auto* c = command()) policy_.run(*c, true);
}

void HistoryEntry::undo() {
    if (policy_.isRebuilding()) return;
    if (auto* c = command()) policy_.run(*c, false);
}

int HistoryEntry::id() const {
    return policy_.isRebuilding() ? -1 : payload_.mergeId;
}

bool HistoryEntry::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const HistoryEntry*>(other);
    if (!next || !next->payload_.command) return false;
    EditCommand* mine = command();
    if (!mine || !mine->mergeWith(*next->payload_.command)) return false;
    payload_.diskCopyCurrent = false;
    payload_.refresh();
    setText(payload_.text);
    return true;
}

} // namespace entropic::app
