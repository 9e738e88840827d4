#pragma once
// A change of the project tempo (`tempo`, beats a minute), held as the values
// before and after. Changes made in one gesture — a run of taps, a run of
// MIDI clock — carry the same gesture id and merge into one history entry,
// named by the tempo it ends on.
#include "commands/edit_command.h"

namespace entropic::app {

class TempoCommand : public EditCommand {
  public:
    TempoCommand(double before, double after, int gestureId = 0);

    QString text() const override;
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override { return sizeof(*this); }
    int mergeId() const override { return gestureId_ != 0 ? kMergeTempo : -1; }
    bool mergeWith(const EditCommand& next) override;
    const char* kind() const override { return "tempo"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    static void apply(ProjectDocument& document, double bpm);

    double before_;
    double after_;
    int gestureId_ = 0;
};

} // namespace entropic::app
