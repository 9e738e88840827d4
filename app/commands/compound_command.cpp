#include "commands/compound_command.h"

namespace entropic::app {

CompoundCommand::CompoundCommand(QString text, std::vector<std::unique_ptr<EditCommand>> parts)
    : text_(std::move(text)), parts_(std::move(parts)) {}

void CompoundCommand::redo(ProjectDocument& document) {
    for (auto& part : parts_)
        part->redo(document);
}

void CompoundCommand::undo(ProjectDocument& document) {
    for (auto it = parts_.rbegin(); it != parts_.rend(); ++it)
        (*it)->undo(document);
}

bool CompoundCommand::isCritical() const {
    for (const auto& part : parts_)
        if (part->isCritical()) return true;
    return false;
}

std::size_t CompoundCommand::memoryCost() const {
    std::size_t cost = sizeof(*this);
    for (const auto& part : parts_)
        cost += part->memoryCost();
    return cost;
}

nlohmann::json CompoundCommand::stateToJson() const {
    auto parts = nlohmann::json::array();
    for (const auto& part : parts_)
        parts.push_back(commandToJson(*part));
    return {{"parts", std::move(parts)}};
}

std::unique_ptr<EditCommand> CompoundCommand::fromJson(const QString& text,
                                                       const nlohmann::json& state,
                                                       const ProjectDocument& document) {
    std::vector<std::unique_ptr<EditCommand>> parts;
    for (const auto& part : state.at("parts"))
        parts.push_back(commandFromJson(part, document));
    return std::make_unique<CompoundCommand>(text, std::move(parts));
}

} // namespace entropic::app
