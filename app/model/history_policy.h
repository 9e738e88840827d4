#pragma once
// The rules of the undo history on top of QUndoStack (docs/architecture.md):
//
// - Step limit: 500 entries by default, configurable up to 2000 (QSettings
//   key history/stepLimit, or setStepLimit). QUndoStack's own undo limit
//   drops the oldest entry whatever it is, and can only be set on an empty
//   stack, so the stack runs unlimited and this class prunes it: the oldest
//   ordinary entries go; critical entries (deleting a track, clearing the
//   timeline) stay. Ordinary entries after a kept critical one cannot simply
//   vanish (undoing the critical entry must find the state it left), so they
//   are folded into one checkpoint entry holding the document before and
//   after them. The stack can hold more than the limit only when critical
//   entries and their checkpoints alone exceed it.
// - Memory cap: 50 MB by default. Each entry reports the bytes of state it
//   holds; while the total is over the cap, the oldest entries are written
//   to a spill file (SpillFile) and only a placeholder stays; undo or redo
//   reads them back. spilledToDisk() lets the UI show a toast.
// - Pruning rebuilds the QUndoStack with the surviving entries (QUndoStack
//   cannot remove one); a QUndoView attached to it resets and stays correct.
//
// docs/editor-model.md has the whole design.
#include <memory>

#include <QObject>
#include <QString>
#include <QUndoStack>

#include "commands/edit_command.h"
#include "entropic/engine/project/project.h"
#include "model/editor_state.h"

namespace entropic::app {

class HistoryEntry;
struct HistoryPayload;
class ProjectDocument;
class SpillFile;

class HistoryPolicy : public QObject {
    Q_OBJECT
  public:
    static constexpr int kDefaultStepLimit = 500;
    static constexpr int kMaxStepLimit = 2000;
    static constexpr qint64 kDefaultMemoryCap = qint64{50} * 1024 * 1024;
    static constexpr const char* kStepLimitKey = "history/stepLimit";

    HistoryPolicy(ProjectDocument& document, QUndoStack& stack);
    ~HistoryPolicy() override;

    // Redoes the command and records it (ProjectDocument::push calls this).
    void push(std::unique_ptr<EditCommand> command);
    // The history was cleared (new project, load): the document's current
    // state becomes the bottom of the history and the spill file is dropped.
    void reset();

    int stepLimit() const { return stepLimit_; }
    // Clamped to 1..kMaxStepLimit; prunes at once if the stack is longer.
    void setStepLimit(int steps);
    // Reads kStepLimitKey (the preferences dialog writes it with
    // saveStepLimitSetting and then calls this).
    void loadSettings();
    static void saveStepLimitSetting(int steps);

    qint64 memoryCap() const { return memoryCap_; }
    void setMemoryCap(qint64 bytes);
    QString spillDirectory() const { return spillDirectory_; }
    void setSpillDirectory(const QString& directory); // takes effect at the next reset()

    qint64 memoryInUse() const; // bytes held by entries in RAM
    int spilledCount() const;   // entries held only on disk
    bool isCritical(int index) const;

  Q_SIGNALS:
    // Older entries moved to disk (count written this time, bytes written).
    void spilledToDisk(int entries, qint64 bytes);
    // A spilled entry could not be read back or written, or an entry failed
    // to apply: the history may no longer match the document.
    void historyError(const QString& message);

  private:
    friend class HistoryEntry;
    bool isRebuilding() const { return rebuilding_; }
    void load(HistoryPayload& payload);
    void run(EditCommand& command, bool redo);

    HistoryEntry* entryAt(int index) const;
    bool allEntriesOurs() const;
    ProjectDocument& frontier();
    bool replay(EditCommand& command, ProjectDocument& scratch);
    void enforceStepLimit();
    void enforceMemoryCap();
    void rebuild(std::vector<HistoryPayload> payloads, int index, int cleanIndex);
    SpillFile& spill();

    ProjectDocument& document_;
    QUndoStack& stack_;
    int stepLimit_ = kDefaultStepLimit;
    qint64 memoryCap_ = kDefaultMemoryCap;
    QString spillDirectory_;
    std::unique_ptr<SpillFile> spill_;

    // The state at stack position frontierIndex_: everything below it is
    // critical entries and checkpoints, the next entry is the next to prune.
    // A scratch document, so commands can be replayed on it.
    std::unique_ptr<ProjectDocument> frontier_;
    struct PendingState {
        engine::Project project;
        EditorState editor;
    };
    std::unique_ptr<PendingState> pendingFrontier_; // copied in when frontier() is next needed
    int frontierIndex_ = 0;
    bool frontierBroken_ = false;
    bool rebuilding_ = false;
};

} // namespace entropic::app
