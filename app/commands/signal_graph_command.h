#pragma once
// A change to the project's signal part (sources, operators, routes,
// automation lanes: docs/signals.md), held as the whole part before and
// after. The part is small (a few kilobytes even for a busy project), so
// keeping both copies is simpler and exactly as undoable as a diff. Edits
// made during one gesture (a knob drag on an operator, a keyframe drag)
// carry the same gesture id and merge into one history entry, named by the
// first (adding a route and setting it up in its dialog is one step).
#include "commands/edit_command.h"
#include "entropic/signal/spec.h"

namespace entropic::app {

class SignalGraphCommand : public EditCommand {
  public:
    SignalGraphCommand(QString text, sig::SignalGraphSpec before, sig::SignalGraphSpec after,
                       int gestureId = 0);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    int mergeId() const override { return gestureId_ != 0 ? kMergeSignalEdit : -1; }
    bool mergeWith(const EditCommand& next) override;
    const char* kind() const override { return "signal_graph"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    static void apply(ProjectDocument& document, const sig::SignalGraphSpec& spec);

    QString text_;
    sig::SignalGraphSpec before_;
    sig::SignalGraphSpec after_;
    int gestureId_ = 0;
};

} // namespace entropic::app
