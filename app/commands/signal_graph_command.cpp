#include "commands/signal_graph_command.h"

#include "entropic/engine/project/project.h"
#include "entropic/signal/json.h"
#include "model/project_document.h"

namespace entropic::app {

SignalGraphCommand::SignalGraphCommand(QString text, sig::SignalGraphSpec before,
                                       sig::SignalGraphSpec after, int gestureId)
    : text_(std::move(text)), before_(std::move(before)), after_(std::move(after)),
      gestureId_(gestureId) {}

void SignalGraphCommand::apply(ProjectDocument& document, const sig::SignalGraphSpec& spec) {
    auto& project = document.mutableProject();
    project.signals = spec;
    // Both states were valid against the chains they were made with; an
    // undo that restores routes to an effect whose removal is undone in the
    // same compound step compiles once that step is whole, so a failure here
    // only means "not yet" and the engine compiles its own copy anyway.
    try {
        project.signalGraph = engine::compileSignals(project);
    } catch (const std::exception&) {
        project.signalGraph = nullptr;
    }
    document.notifyChanged();
}

void SignalGraphCommand::redo(ProjectDocument& document) {
    apply(document, after_);
}
void SignalGraphCommand::undo(ProjectDocument& document) {
    apply(document, before_);
}

std::size_t SignalGraphCommand::memoryCost() const {
    return sig::toJson(before_).dump().size() + sig::toJson(after_).dump().size() + sizeof(*this);
}

bool SignalGraphCommand::mergeWith(const EditCommand& next) {
    const auto* other = dynamic_cast<const SignalGraphCommand*>(&next);
    if (!other || other->gestureId_ != gestureId_) return false; // ids are unique per gesture
    after_ = other->after_;
    return true;
}

nlohmann::json SignalGraphCommand::stateToJson() const {
    return {
        {"before", sig::toJson(before_)}, {"after", sig::toJson(after_)}, {"gesture", gestureId_}};
}

std::unique_ptr<EditCommand> SignalGraphCommand::fromJson(const QString& text,
                                                          const nlohmann::json& state,
                                                          const ProjectDocument&) {
    return std::make_unique<SignalGraphCommand>(
        text, sig::signalGraphFromJson(state.at("before"), "before"),
        sig::signalGraphFromJson(state.at("after"), "after"), state.value("gesture", 0));
}

} // namespace entropic::app
