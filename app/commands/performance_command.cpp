#include "commands/performance_command.h"

#include "entropic/signal/json.h"
#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

PerformancePart PerformancePart::of(const ProjectDocument& document) {
    return {document.project().performance, document.project().signals,
            document.editorState().pads};
}

json PerformancePart::toJson() const {
    json laneList = json::array();
    for (const auto& lane : lanes) {
        json events = json::array();
        for (const auto& e : lane.events)
            events.push_back({{"on", e.onFrame}, {"off", e.offFrame}, {"velocity", e.velocity}});
        laneList.push_back({{"id", lane.id}, {"name", lane.name}, {"events", std::move(events)}});
    }
    json padList = json::array();
    for (const auto& p : pads)
        padList.push_back(p.toJson());
    return {{"lanes", std::move(laneList)},
            {"signals", sig::toJson(signals)},
            {"pads", std::move(padList)}};
}

PerformancePart PerformancePart::fromJson(const json& doc) {
    PerformancePart part;
    for (const auto& l : doc.at("lanes")) {
        engine::PerformanceLane lane{
            l.at("id").get<std::string>(), l.at("name").get<std::string>(), {}};
        for (const auto& e : l.at("events"))
            lane.events.push_back({e.at("on").get<std::int64_t>(), e.at("off").get<std::int64_t>(),
                                   e.at("velocity").get<double>()});
        part.lanes.push_back(std::move(lane));
    }
    part.signals = sig::signalGraphFromJson(doc.at("signals"), "signals");
    for (const auto& p : doc.at("pads"))
        if (auto pad = PadSettings::fromJson(p)) part.pads.push_back(std::move(*pad));
    return part;
}

PerformanceCommand::PerformanceCommand(QString text, PerformancePart before, PerformancePart after)
    : text_(std::move(text)), before_(std::move(before)), after_(std::move(after)) {}

void PerformanceCommand::apply(ProjectDocument& document, const PerformancePart& part) {
    auto& project = document.mutableProject();
    project.performance = part.lanes;
    project.signals = part.signals;
    // As in SignalGraphCommand: a state that does not compile yet is one a
    // surrounding compound step completes; the engine compiles its own copy.
    try {
        project.signalGraph = engine::compileSignals(project);
    } catch (const std::exception&) {
        project.signalGraph = nullptr;
    }
    document.mutableEditorState().pads = part.pads;
    document.notifyChanged();
}

void PerformanceCommand::redo(ProjectDocument& document) {
    apply(document, after_);
}
void PerformanceCommand::undo(ProjectDocument& document) {
    apply(document, before_);
}

std::size_t PerformanceCommand::memoryCost() const {
    std::size_t events = 0;
    for (const auto* part : {&before_, &after_})
        for (const auto& lane : part->lanes)
            events += lane.events.size();
    return sizeof(*this) + events * sizeof(sig::GateEvent) +
           sig::toJson(before_.signals).dump().size() + sig::toJson(after_.signals).dump().size();
}

json PerformanceCommand::stateToJson() const {
    return {{"before", before_.toJson()}, {"after", after_.toJson()}};
}

std::unique_ptr<EditCommand> PerformanceCommand::fromJson(const QString& text, const json& state,
                                                          const ProjectDocument&) {
    return std::make_unique<PerformanceCommand>(text, PerformancePart::fromJson(state.at("before")),
                                                PerformancePart::fromJson(state.at("after")));
}

} // namespace entropic::app
