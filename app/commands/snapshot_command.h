#pragma once
// A history checkpoint: the whole document before and after a run of edits
// that the step limit folded together because they sat between critical
// entries (model/history_policy.h). Undo and redo replace the document with
// the saved state, so the critical entry before it still undoes exactly.
#include <string>

#include "commands/edit_command.h"

namespace entropic::app {

class SnapshotCommand : public EditCommand {
  public:
    // before and after are ProjectDocument::toJson() dumps.
    SnapshotCommand(std::string before, std::string after, int folded);

    QString text() const override;
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    const char* kind() const override { return "snapshot"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

    // One more edit folded in: after is the state once it is applied.
    void extend(std::string after);
    int folded() const { return folded_; }

  private:
    std::string before_;
    std::string after_;
    int folded_ = 0; // how many edits it stands for
};

} // namespace entropic::app
