#include "commands/snapshot_command.h"

#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

SnapshotCommand::SnapshotCommand(std::string before, std::string after, int folded)
    : before_(std::move(before)), after_(std::move(after)), folded_(folded) {}

QString SnapshotCommand::text() const {
    return folded_ == 1 ? QStringLiteral("1 older edit (combined)")
                        : QStringLiteral("%1 older edits (combined)").arg(folded_);
}

void SnapshotCommand::redo(ProjectDocument& document) {
    document.applySnapshot(json::parse(after_));
}
void SnapshotCommand::undo(ProjectDocument& document) {
    document.applySnapshot(json::parse(before_));
}

std::size_t SnapshotCommand::memoryCost() const {
    return sizeof(*this) + before_.size() + after_.size();
}

void SnapshotCommand::extend(std::string after) {
    after_ = std::move(after);
    ++folded_;
}

json SnapshotCommand::stateToJson() const {
    return {{"before", before_}, {"after", after_}, {"folded", folded_}};
}

std::unique_ptr<EditCommand> SnapshotCommand::fromJson(const QString&, const json& state,
                                                       const ProjectDocument&) {
    return std::make_unique<SnapshotCommand>(state.at("before").get<std::string>(),
                                             state.at("after").get<std::string>(),
                                             state.at("folded").get<int>());
}

} // namespace entropic::app
