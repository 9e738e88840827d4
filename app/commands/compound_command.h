#pragma once
// Several commands as one history entry, redone in order and undone in
// reverse: deleting a clip together with the routes and lanes that pointed
// at its effects, so one undo brings both back.
#include <vector>

#include "commands/edit_command.h"

namespace entropic::app {

class CompoundCommand : public EditCommand {
  public:
    CompoundCommand(QString text, std::vector<std::unique_ptr<EditCommand>> parts);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    bool isCritical() const override;
    std::size_t memoryCost() const override;
    const char* kind() const override { return "compound"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    QString text_;
    std::vector<std::unique_ptr<EditCommand>> parts_;
};

} // namespace entropic::app
