#include "model/history_policy.h"

#include <algorithm>
#include <exception>

#include <QSettings>
#include <QSignalBlocker>

#include "commands/snapshot_command.h"
#include "model/history_entry.h"
#include "model/project_document.h"
#include "model/spill_file.h"

namespace entropic::app {

using nlohmann::json;

HistoryPolicy::HistoryPolicy(ProjectDocument& document, QUndoStack& stack)
    : document_(document), stack_(stack), spillDirectory_(SpillFile::defaultDirectory()) {
    stack_.setUndoLimit(0); // unlimited: this class does the limiting
    loadSettings();
    // Undo and redo bring spilled entries back into RAM; put the oldest back.
    connect(&stack_, &QUndoStack::indexChanged, this, [this] { enforceMemoryCap(); });
}

HistoryPolicy::~HistoryPolicy() = default;

// --- Settings ------------------------------------------------------------------

void HistoryPolicy::setStepLimit(int steps) {
    stepLimit_ = std::clamp(steps, 1, kMaxStepLimit);
    enforceStepLimit();
}

void HistoryPolicy::loadSettings() {
    const int steps = QSettings().value(QLatin1String(kStepLimitKey), kDefaultStepLimit).toInt();
    setStepLimit(steps > 0 ? steps : kDefaultStepLimit);
}

void HistoryPolicy::saveStepLimitSetting(int steps) {
    QSettings().setValue(QLatin1String(kStepLimitKey), std::clamp(steps, 1, kMaxStepLimit));
}

void HistoryPolicy::setMemoryCap(qint64 bytes) {
    memoryCap_ = std::max<qint64>(bytes, 0);
    enforceMemoryCap();
}

void HistoryPolicy::setSpillDirectory(const QString& directory) {
    spillDirectory_ = directory;
}

// --- Queries -------------------------------------------------------------------

HistoryEntry* HistoryPolicy::entryAt(int index) const {
    // Every entry is pushed by push(); const_cast because QUndoStack only
    // hands out const commands, and the history owns these.
    return const_cast<HistoryEntry*>(dynamic_cast<const HistoryEntry*>(stack_.command(index)));
}

bool HistoryPolicy::allEntriesOurs() const {
    for (int i = 0; i < stack_.count(); ++i)
        if (!entryAt(i)) return false;
    return true;
}

qint64 HistoryPolicy::memoryInUse() const {
    qint64 total = 0;
    for (int i = 0; i < stack_.count(); ++i)
        if (const auto* e = entryAt(i); e && e->payload().command)
            total += static_cast<qint64>(e->payload().cost);
    return total;
}

int HistoryPolicy::spilledCount() const {
    int n = 0;
    for (int i = 0; i < stack_.count(); ++i)
        if (const auto* e = entryAt(i); e && !e->payload().command) ++n;
    return n;
}

bool HistoryPolicy::isCritical(int index) const {
    const auto* e = entryAt(index);
    return e && e->payload().critical;
}

// --- Recording -----------------------------------------------------------------

void HistoryPolicy::push(std::unique_ptr<EditCommand> command) {
    // The push cuts the redo branch; if that reaches into the pruned prefix,
    // the prefix ends here and the frontier is the current state.
    if (stack_.index() < frontierIndex_) {
        frontierIndex_ = stack_.index();
        pendingFrontier_ = std::make_unique<PendingState>(
            PendingState{document_.project(), document_.editorState()});
    }
    stack_.push(new HistoryEntry(*this, HistoryPayload::of(std::move(command))));
    enforceStepLimit();
    enforceMemoryCap();
}

void HistoryPolicy::reset() {
    frontierIndex_ = 0;
    frontierBroken_ = false;
    pendingFrontier_ =
        std::make_unique<PendingState>(PendingState{document_.project(), document_.editorState()});
    spill_.reset(); // nothing in it is reachable any more
}

void HistoryPolicy::run(EditCommand& command, bool redo) {
    try {
        redo ? command.redo(document_) : command.undo(document_);
    } catch (const std::exception& e) {
        Q_EMIT historyError(QStringLiteral("%1 \"%2\" failed: %3")
                                .arg(redo ? QStringLiteral("Redo") : QStringLiteral("Undo"),
                                     command.text(), QString::fromUtf8(e.what())));
    }
}

// --- Spill ---------------------------------------------------------------------

SpillFile& HistoryPolicy::spill() {
    if (!spill_) spill_ = std::make_unique<SpillFile>(spillDirectory_);
    return *spill_;
}

void HistoryPolicy::load(HistoryPayload& payload) {
    if (payload.command) return;
    QString error;
    const auto bytes = payload.onDisk ? spill().read(*payload.onDisk, &error) : std::nullopt;
    if (!bytes) {
        Q_EMIT historyError(QStringLiteral("Cannot read back \"%1\" from the history file: %2")
                                .arg(payload.text, error));
        return;
    }
    try {
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes->constData());
        payload.command = commandFromJson(json::from_cbor(data, data + bytes->size()), document_);
        payload.cost = payload.command->memoryCost();
    } catch (const std::exception& e) {
        Q_EMIT historyError(QStringLiteral("Cannot read back \"%1\" from the history file: %2")
                                .arg(payload.text, QString::fromUtf8(e.what())));
    }
}

void HistoryPolicy::enforceMemoryCap() {
    if (rebuilding_) return;
    qint64 total = memoryInUse();
    if (total <= memoryCap_) return;
    int written = 0;
    qint64 bytesWritten = 0;
    // The newest entry stays in RAM: a knob drag keeps merging into it.
    const int newest = stack_.count() - 1;
    for (int i = 0; i < newest && total > memoryCap_; ++i) {
        HistoryEntry* e = entryAt(i);
        if (!e || !e->payload().command) continue;
        HistoryPayload& p = e->payload();
        if (!p.diskCopyCurrent) {
            const auto bytes = json::to_cbor(commandToJson(*p.command));
            QString error;
            const auto record =
                spill().append(QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                          static_cast<qsizetype>(bytes.size())),
                               &error);
            if (!record) {
                Q_EMIT historyError(
                    QStringLiteral("Cannot move old history to disk: %1").arg(error));
                break; // keep everything in RAM rather than lose it
            }
            p.onDisk = record;
            p.diskCopyCurrent = true;
            ++written;
            bytesWritten += record->size;
        }
        total -= static_cast<qint64>(p.cost);
        p.command.reset();
    }
    if (written > 0) Q_EMIT spilledToDisk(written, bytesWritten);
}

// --- Step limit ----------------------------------------------------------------

ProjectDocument& HistoryPolicy::frontier() {
    if (!frontier_) frontier_ = std::make_unique<ProjectDocument>();
    if (pendingFrontier_) {
        frontier_->assignState(pendingFrontier_->project, pendingFrontier_->editor);
        pendingFrontier_.reset();
    }
    return *frontier_;
}

bool HistoryPolicy::replay(EditCommand& command, ProjectDocument& scratch) {
    try {
        command.redo(scratch);
        return true;
    } catch (const std::exception& e) {
        // The scratch copy no longer matches the history: stop pruning until
        // the next reset, keeping every entry rather than losing one.
        frontierBroken_ = true;
        Q_EMIT historyError(QStringLiteral("Cannot prune the history at \"%1\": %2")
                                .arg(command.text(), QString::fromUtf8(e.what())));
        return false;
    }
}

void HistoryPolicy::enforceStepLimit() {
    if (rebuilding_ || frontierBroken_ || stack_.count() <= stepLimit_ || !allEntriesOurs()) return;
    const int total = stack_.count();
    const int index = stack_.index();
    int live = total;
    std::vector<bool> removed(static_cast<std::size_t>(total), false);

    // Walk up from the frontier, replaying each entry on the scratch document,
    // until enough are gone. Only entries below the current index are touched
    // (those above it are the redo branch; the next push cuts them anyway).
    int f = frontierIndex_;
    while (live > stepLimit_ && f < index) {
        HistoryEntry* e = entryAt(f);
        EditCommand* command = e->command();
        if (!command) break; // reported; leave the history as it is
        ProjectDocument& scratch = frontier();
        if (e->payload().critical || e->payload().checkpoint) {
            if (!replay(*command, scratch)) break;
            ++f; // kept: it joins the prefix
            continue;
        }
        int prev = f - 1;
        while (prev >= 0 && removed[static_cast<std::size_t>(prev)])
            --prev;
        const bool makeCheckpoint = prev >= 0 && !entryAt(prev)->payload().checkpoint;
        const std::string before = makeCheckpoint ? scratch.toJson().dump() : std::string();
        if (!replay(*command, scratch)) break;
        if (prev < 0) {
            // Nothing kept below: the bottom of the history moves up.
            removed[static_cast<std::size_t>(f)] = true;
            --live;
        } else if (!makeCheckpoint) {
            HistoryEntry* checkpoint = entryAt(prev);
            auto* snapshot = static_cast<SnapshotCommand*>(checkpoint->command());
            if (!snapshot) break;
            snapshot->extend(scratch.toJson().dump());
            checkpoint->payload().diskCopyCurrent = false;
            checkpoint->payload().refresh();
            checkpoint->setText(checkpoint->payload().text);
            removed[static_cast<std::size_t>(f)] = true;
            --live;
        } else {
            // Right after a critical entry: this entry becomes a checkpoint
            // that the following ones fold into.
            e->setPayload(HistoryPayload::of(
                std::make_unique<SnapshotCommand>(before, scratch.toJson().dump(), 1)));
        }
        ++f;
    }
    frontierIndex_ = f;

    const int gone = total - live;
    frontierIndex_ -= gone;
    if (gone == 0) return;
    // State position p survives as p minus the removed entries below it; the
    // state just before a removed entry no longer exists.
    auto newPosition = [&](int p) {
        if (p < 0) return -1;
        int below = 0;
        for (int r = 0; r < std::min(p, total); ++r)
            below += removed[static_cast<std::size_t>(r)] ? 1 : 0;
        if (p < total && removed[static_cast<std::size_t>(p)]) return -1;
        return p - below;
    };
    std::vector<HistoryPayload> kept;
    kept.reserve(static_cast<std::size_t>(live));
    for (int i = 0; i < total; ++i)
        if (!removed[static_cast<std::size_t>(i)]) kept.push_back(entryAt(i)->takePayload());
    rebuild(std::move(kept), newPosition(index), newPosition(stack_.cleanIndex()));
}

void HistoryPolicy::rebuild(std::vector<HistoryPayload> payloads, int index, int cleanIndex) {
    rebuilding_ = true;
    {
        // The document is already in the state at `index`: entries are pushed
        // and the index set without running them (isRebuilding()).
        const QSignalBlocker blocker(&stack_);
        stack_.clear();
        const int n = static_cast<int>(payloads.size());
        for (int i = 0; i < n; ++i) {
            if (i == cleanIndex) stack_.setClean();
            stack_.push(new HistoryEntry(*this, std::move(payloads[static_cast<std::size_t>(i)])));
        }
        if (cleanIndex == n)
            stack_.setClean();
        else if (cleanIndex < 0)
            stack_.resetClean();
        stack_.setIndex(index);
    }
    rebuilding_ = false;
    // Views (QUndoView, the window title) learn about the new stack.
    Q_EMIT stack_.indexChanged(stack_.index());
    Q_EMIT stack_.cleanChanged(stack_.isClean());
    Q_EMIT stack_.canUndoChanged(stack_.canUndo());
    Q_EMIT stack_.canRedoChanged(stack_.canRedo());
    Q_EMIT stack_.undoTextChanged(stack_.undoText());
    Q_EMIT stack_.redoTextChanged(stack_.redoText());
}

} // namespace entropic::app
