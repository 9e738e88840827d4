#include "commands/edit_command.h"

#include <string_view>

#include "commands/clip_set_command.h"
#include "commands/compound_command.h"
#include "commands/editor_state_command.h"
#include "commands/effect_commands.h"
#include "commands/performance_command.h"
#include "commands/signal_graph_command.h"
#include "commands/snapshot_command.h"
#include "commands/tempo_command.h"
#include "commands/track_commands.h"
#include "entropic/engine/error.h"

namespace entropic::app {

using nlohmann::json;

namespace {

using Reader = std::unique_ptr<EditCommand> (*)(const QString&, const json&,
                                                const ProjectDocument&);

struct CommandKind {
    std::string_view kind;
    Reader read;
};

// Every command kind once: adding a command adds its line here.
constexpr CommandKind kCommandKinds[] = {
    {"clip_set", &ClipSetCommand::fromJson},
    {"track_insert", &TrackInsertCommand::fromJson},
    {"track_property", &TrackPropertyCommand::fromJson},
    {"editor_state", &EditorStateCommand::fromJson},
    {"effect_insert", &EffectInsertCommand::fromJson},
    {"effect_move", &EffectMoveCommand::fromJson},
    {"effect_edit", &EffectEditCommand::fromJson},
    {"snapshot", &SnapshotCommand::fromJson},
    {"signal_graph", &SignalGraphCommand::fromJson},
    {"compound", &CompoundCommand::fromJson},
    {"performance", &PerformanceCommand::fromJson},
    {"tempo", &TempoCommand::fromJson},
};

} // namespace

json commandToJson(const EditCommand& command) {
    return {{"kind", command.kind()},
            {"text", command.text().toStdString()},
            {"state", command.stateToJson()}};
}

std::unique_ptr<EditCommand> commandFromJson(const json& doc, const ProjectDocument& document) {
    const std::string kind = doc.at("kind").get<std::string>();
    for (const auto& k : kCommandKinds)
        if (k.kind == kind)
            return k.read(QString::fromStdString(doc.at("text").get<std::string>()),
                          doc.at("state"), document);
    throw engine::EngineError(engine::errc::kNotFound,
                              "history: unknown command kind \"" + kind + "\"");
}

} // namespace entropic::app
