#include "commands/signal_pruning.h"

#include <algorithm>
#include <set>

#include "commands/compound_command.h"
#include "commands/signal_graph_command.h"
#include "entropic/signal/operator_registry.h"
#include "model/project_document.h"

namespace entropic::app::rules {

namespace {

template <class T, class Pred> int eraseIf(std::vector<T>& items, Pred pred) {
    const auto before = items.size();
    std::erase_if(items, pred);
    return static_cast<int>(before - items.size());
}

QString counted(int n, const QString& noun) {
    return QStringLiteral("%1 %2%3").arg(n).arg(noun, n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace

PrunedSignals pruneSignals(const engine::Project& project) {
    std::set<std::string> effects, media;
    for (const auto& track : project.tracks) {
        media.insert(track.id);
        for (const auto& clip : track.clips) {
            media.insert(clip.id);
            for (const auto& e : clip.effects)
                effects.insert(e.instanceId);
        }
    }
    for (const auto& lane : project.performance)
        media.insert(lane.id);

    PrunedSignals out{project.signals};
    auto& spec = out.spec;
    out.nodes +=
        eraseIf(spec.sources, [&](const sig::SourceSpec& s) { return !media.contains(s.media); });
    // Removing an operator can starve another that read it: repeat until nothing changes.
    for (bool again = true; again;) {
        std::set<std::string> nodes;
        for (const auto& s : spec.sources)
            nodes.insert(s.id);
        for (const auto& o : spec.operators)
            nodes.insert(o.id);
        for (auto& o : spec.operators)
            std::erase_if(o.inputs, [&](const std::string& id) { return !nodes.contains(id); });
        const int starved = eraseIf(spec.operators, [](const sig::OperatorSpec& o) {
            const auto* d = sig::OperatorRegistry::builtin().find(o.op, o.version);
            return d && static_cast<int>(o.inputs.size()) < d->minInputs;
        });
        out.nodes += starved;
        again = starved > 0;
    }
    std::set<std::string> nodes;
    for (const auto& s : spec.sources)
        nodes.insert(s.id);
    for (const auto& o : spec.operators)
        nodes.insert(o.id);
    out.routes += eraseIf(spec.routes, [&](const sig::RouteSpec& r) {
        return !nodes.contains(r.signal) || !effects.contains(r.target.effect);
    });
    out.lanes += eraseIf(spec.lanes, [&](const sig::AutomationLane& l) {
        return !effects.contains(l.target.effect);
    });
    return out;
}

void pushKeepingSignalsWhole(ProjectDocument& doc, std::unique_ptr<EditCommand> command) {
    if (doc.project().signals == sig::SignalGraphSpec{}) {
        doc.push(std::move(command));
        return;
    }
    // Dry run on a scratch copy: what the command leaves decides what goes.
    ProjectDocument scratch;
    scratch.assignState(doc.project(), doc.editorState());
    command->redo(scratch);
    const PrunedSignals pruned = pruneSignals(scratch.project());
    if (!pruned.changed()) {
        doc.push(std::move(command));
        return;
    }
    QStringList what;
    if (pruned.routes) what << counted(pruned.routes, QStringLiteral("modulation"));
    if (pruned.lanes) what << counted(pruned.lanes, QStringLiteral("automation lane"));
    if (pruned.nodes) what << counted(pruned.nodes, QStringLiteral("signal"));
    const QString text = command->text() + QStringLiteral(" (and ") +
                         what.join(QStringLiteral(", ")) + QLatin1Char(')');
    std::vector<std::unique_ptr<EditCommand>> parts;
    parts.push_back(std::move(command));
    parts.push_back(std::make_unique<SignalGraphCommand>(text, doc.project().signals, pruned.spec));
    doc.push(std::make_unique<CompoundCommand>(text, std::move(parts)));
}

} // namespace entropic::app::rules
