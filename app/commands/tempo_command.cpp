#include "commands/tempo_command.h"

#include "model/project_document.h"

namespace entropic::app {

TempoCommand::TempoCommand(double before, double after, int gestureId)
    : before_(before), after_(after), gestureId_(gestureId) {}

QString TempoCommand::text() const {
    return QStringLiteral("Set tempo to %1 BPM").arg(after_, 0, 'f', 1);
}

void TempoCommand::apply(ProjectDocument& document, double bpm) {
    // Signal operators read the tempo from the project when they run
    // (sig::Timing), so the compiled graph stays as it is.
    document.mutableProject().tempoBpm = bpm;
    document.notifyChanged();
}

void TempoCommand::redo(ProjectDocument& document) {
    apply(document, after_);
}

void TempoCommand::undo(ProjectDocument& document) {
    apply(document, before_);
}

bool TempoCommand::mergeWith(const EditCommand& next) {
    const auto* other = dynamic_cast<const TempoCommand*>(&next);
    if (!other || other->gestureId_ != gestureId_) return false; // ids are unique per gesture
    after_ = other->after_;
    return true;
}

nlohmann::json TempoCommand::stateToJson() const {
    return {{"before", before_}, {"after", after_}, {"gesture", gestureId_}};
}

std::unique_ptr<EditCommand> TempoCommand::fromJson(const QString&, const nlohmann::json& state,
                                                    const ProjectDocument&) {
    return std::make_unique<TempoCommand>(state.at("before").get<double>(),
                                          state.at("after").get<double>(),
                                          state.value("gesture", 0));
}

} // namespace entropic::app
