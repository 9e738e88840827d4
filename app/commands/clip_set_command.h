#pragma once
// Every timeline operation on clips as one command: take some clips out, put
// some clips in. Add (nothing out, one in), delete (some out), move and trim
// (a clip out, its changed self in), split (one out, two in), ripple delete
// (the deleted and the later clips out, the later clips shifted back in),
// paste, clear timeline. The inverse swaps the two sets, which is why undo is
// exact: clips taken out go back at the positions they were taken from.
#include <vector>

#include "commands/command_codec.h"
#include "commands/edit_command.h"

namespace entropic::app {

class ClipSetCommand : public EditCommand {
  public:
    ClipSetCommand(QString text, std::vector<PlacedClip> removed, std::vector<PlacedClip> inserted,
                   bool critical = false);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    bool isCritical() const override { return critical_; }
    std::size_t memoryCost() const override;
    const char* kind() const override { return "clip_set"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    struct Position {
        std::string trackId;
        std::size_t index = 0;
    };
    // Takes clips out by id and returns where each one was.
    static std::vector<Position> take(engine::Project& project,
                                      const std::vector<PlacedClip>& clips);
    // Puts clips in, at the given positions or (none given) in start order.
    static void put(engine::Project& project, const std::vector<PlacedClip>& clips,
                    const std::vector<Position>& positions);

    QString text_;
    std::vector<PlacedClip> removed_;
    std::vector<PlacedClip> inserted_;
    std::vector<Position> removedAt_; // where redo() took removed_ from
    bool critical_ = false;
};

} // namespace entropic::app
