#pragma once
// A change to the project's performance part: the lanes (events included),
// the signal graph (a pad's gate source and the routes it drives) and the
// pads' editor settings, held whole before and after. A pad is a lane, a gate
// source and its settings together, so making, deleting or recording one is
// a change to all three at once and must undo as one step. The part is
// small (lanes of a take are a few thousand events at most).
#include <vector>

#include "commands/edit_command.h"
#include "entropic/engine/project/project.h"
#include "model/pad_settings.h"

namespace entropic::app {

struct PerformancePart {
    std::vector<engine::PerformanceLane> lanes;
    sig::SignalGraphSpec signals;
    std::vector<PadSettings> pads;

    static PerformancePart of(const ProjectDocument& document);
    nlohmann::json toJson() const;
    static PerformancePart fromJson(const nlohmann::json& doc);
};

class PerformanceCommand : public EditCommand {
  public:
    PerformanceCommand(QString text, PerformancePart before, PerformancePart after);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    const char* kind() const override { return "performance"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    static void apply(ProjectDocument& document, const PerformancePart& part);

    QString text_;
    PerformancePart before_;
    PerformancePart after_;
};

} // namespace entropic::app
