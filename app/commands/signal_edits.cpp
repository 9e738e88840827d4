// edits.h: the signal part of the project (sources, operators, routes,
// automation lanes). Every edit builds the part as it would be afterwards,
// compiles it against the project (the compiler's messages are the refusal
// reasons: cycles named node by node, unknown parameters, depths out of
// range) and pushes one SignalGraphCommand.
#include <algorithm>

#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "commands/signal_edit_support.h"
#include "commands/signal_graph_command.h"
#include "commands/signal_pruning.h"
#include "entropic/effects/container.h"
#include "entropic/signal/automation.h"
#include "entropic/signal/operator_registry.h"
#include "modulation/signal_names.h"

namespace entropic::app::edits {

using namespace rules;

bool pushSignals(ProjectDocument& doc, sig::SignalGraphSpec after, const QString& text,
                 QString* error, int gestureId) {
    if (after == doc.project().signals) return true;
    engine::Project candidate = doc.project();
    candidate.signals = after;
    try {
        engine::compileSignals(candidate);
    } catch (const std::exception& e) {
        return refuse(error, QString::fromUtf8(e.what()));
    }
    doc.push(std::make_unique<SignalGraphCommand>(text, doc.project().signals, std::move(after),
                                                  gestureId));
    return true;
}

namespace {

sig::SourceSpec* findSource(sig::SignalGraphSpec& spec, const std::string& id) {
    for (auto& s : spec.sources)
        if (s.id == id) return &s;
    return nullptr;
}

sig::OperatorSpec* findOperator(sig::SignalGraphSpec& spec, const std::string& id) {
    for (auto& o : spec.operators)
        if (o.id == id) return &o;
    return nullptr;
}

// In words, as the user sees it (signal_names.h): never the node's id.
QString nodeName(const engine::Project& project, const sig::SignalGraphSpec& spec,
                 const std::string& id) {
    return signalNodeLabel(project, spec, id);
}

} // namespace

const fx::ParamSpec* targetSpec(const engine::Project& project, const sig::ParamTarget& target,
                                const fx::EffectInstance** instance) {
    for (const auto& track : project.tracks)
        for (const auto& clip : track.clips)
            for (const auto& e : clip.effects) {
                if (e.instanceId != target.effect) continue;
                if (instance) *instance = &e;
                for (const auto& p : e.descriptor->params)
                    if (p.key == target.param) return &p;
                // The dry/wet every effect has (its catalog entry's last).
                if (target.param == fx::mixParam().key) return &fx::mixParam();
                return nullptr;
            }
    return nullptr;
}

QString targetText(const engine::Project& project, const sig::ParamTarget& target) {
    const fx::EffectInstance* instance = nullptr;
    const auto* spec = targetSpec(project, target, &instance);
    if (!spec) return q(target.effect + "." + target.param);
    return QStringLiteral("%1 %2").arg(q(instance->descriptor->name), q(spec->label).toLower());
}

bool targetOrRefuse(const ProjectDocument& doc, const sig::ParamTarget& target,
                    const fx::ParamSpec** out, QString* error) {
    *out = targetSpec(doc.project(), target);
    if (!*out)
        return refuse(error, QStringLiteral("There is no parameter %1 on effect %2")
                                 .arg(q(target.param), q(target.effect)));
    if (target.component < 0 || target.component >= (*out)->components())
        return refuse(error, QStringLiteral("Parameter %1 has no component %2")
                                 .arg(q(target.param))
                                 .arg(target.component));
    return true;
}

double clampComponent(const fx::ParamSpec& spec, int component, double value) {
    fx::ParamValue v = spec.def;
    v[static_cast<std::size_t>(component)] = value;
    return spec.clamp(v)[static_cast<std::size_t>(component)];
}

namespace {

// "mod.lfo" -> "lfo-"; "audio.rms" -> "rms-".
QString idPrefix(std::string_view dotted) {
    const auto dot = dotted.rfind('.');
    return QString::fromUtf8(dotted.substr(dot == std::string_view::npos ? 0 : dot + 1)) +
           QLatin1Char('-');
}

// A new operator of kind `opId` at its defaults, with a fresh id; refused,
// naming it, when no such operator exists.
bool newOperator(const ProjectDocument& doc, const QString& opId, sig::OperatorSpec& op,
                 QString* error) {
    const auto* descriptor = sig::OperatorRegistry::builtin().find(opId.toStdString());
    if (!descriptor) return refuse(error, QStringLiteral("There is no operator %1").arg(opId));
    op.id = doc.newId(idPrefix(descriptor->id)).toStdString();
    op.op = descriptor->id;
    op.version = descriptor->version;
    return true;
}

} // namespace

bool addOperator(ProjectDocument& doc, const QString& opId, const QStringList& inputs,
                 QString* error, QString* newNodeId) {
    sig::OperatorSpec op;
    if (!newOperator(doc, opId, op, error)) return false;
    for (const QString& input : inputs)
        op.inputs.push_back(input.toStdString());
    if (newNodeId) *newNodeId = q(op.id);
    auto after = doc.project().signals;
    after.operators.push_back(op);
    const auto* descriptor = sig::OperatorRegistry::builtin().find(op.op);
    return pushSignals(doc, std::move(after), QStringLiteral("Add %1").arg(q(descriptor->name)),
                       error);
}

bool addSource(ProjectDocument& doc, sig::SourceKind kind, const QString& media, QString* error,
               QString* newNodeId, double bandLowHz, double bandHighHz) {
    sig::SourceSpec source;
    source.kind = kind;
    source.id = doc.newId(idPrefix(sig::sourceKindName(kind))).toStdString();
    source.media = media.toStdString();
    source.bandLowHz = bandLowHz;
    source.bandHighHz = bandHighHz;
    if (newNodeId) *newNodeId = q(source.id);
    auto after = doc.project().signals;
    after.sources.push_back(source);
    return pushSignals(doc, std::move(after),
                       QStringLiteral("Add %1").arg(describeSource(doc.project(), source)), error);
}

bool setSource(ProjectDocument& doc, const sig::SourceSpec& source, QString* error, int gestureId) {
    auto after = doc.project().signals;
    auto* s = findSource(after, source.id);
    if (!s) return refuse(error, QStringLiteral("There is no source %1").arg(q(source.id)));
    *s = source;
    return pushSignals(doc, std::move(after),
                       QStringLiteral("Change %1").arg(nodeName(doc.project(), after, source.id)),
                       error, gestureId);
}

bool renameSignalNode(ProjectDocument& doc, const QString& nodeId, const QString& name,
                      QString* error) {
    auto after = doc.project().signals;
    const std::string id = nodeId.toStdString();
    const QString old = nodeName(doc.project(), after, id);
    if (auto* s = findSource(after, id))
        s->name = name.trimmed().toStdString();
    else if (auto* o = findOperator(after, id))
        o->name = name.trimmed().toStdString();
    else
        return refuse(error, QStringLiteral("There is no signal %1").arg(nodeId));
    return pushSignals(doc, std::move(after),
                       QStringLiteral("Rename %1 to %2").arg(old, name.trimmed()), error);
}

bool setOperatorParam(ProjectDocument& doc, const QString& nodeId, const QString& key, double value,
                      QString* error, int gestureId) {
    auto after = doc.project().signals;
    auto* o = findOperator(after, nodeId.toStdString());
    if (!o) return refuse(error, QStringLiteral("There is no operator %1").arg(nodeId));
    const auto* descriptor = sig::OperatorRegistry::builtin().find(o->op, o->version);
    const auto spec = descriptor
                          ? std::find_if(descriptor->params.begin(), descriptor->params.end(),
                                         [&](const fx::ParamSpec& p) { return q(p.key) == key; })
                          : std::vector<fx::ParamSpec>::const_iterator{};
    if (!descriptor || spec == descriptor->params.end())
        return refuse(error, QStringLiteral("Operator %1 has no parameter %2").arg(nodeId, key));
    o->params[key.toStdString()] = clampComponent(*spec, 0, value);
    return pushSignals(doc, std::move(after),
                       QStringLiteral("Set %1 %2")
                           .arg(nodeName(doc.project(), after, o->id), q(spec->label).toLower()),
                       error, gestureId);
}

bool setOperatorInputs(ProjectDocument& doc, const QString& nodeId, const QStringList& inputs,
                       QString* error) {
    auto after = doc.project().signals;
    auto* o = findOperator(after, nodeId.toStdString());
    if (!o) return refuse(error, QStringLiteral("There is no operator %1").arg(nodeId));
    o->inputs.clear();
    for (const QString& input : inputs)
        o->inputs.push_back(input.toStdString());
    return pushSignals(
        doc, std::move(after),
        QStringLiteral("Set inputs of %1").arg(nodeName(doc.project(), after, o->id)), error);
}

bool setOperatorSeed(ProjectDocument& doc, const QString& nodeId, std::uint64_t seed,
                     QString* error) {
    auto after = doc.project().signals;
    auto* o = findOperator(after, nodeId.toStdString());
    if (!o) return refuse(error, QStringLiteral("There is no operator %1").arg(nodeId));
    o->seed = seed;
    return pushSignals(doc, std::move(after),
                       QStringLiteral("Set seed of %1").arg(nodeName(doc.project(), after, o->id)),
                       error);
}

bool removeSignalNode(ProjectDocument& doc, const QString& nodeId, QString* error) {
    auto after = doc.project().signals;
    const std::string id = nodeId.toStdString();
    const QString name = nodeName(doc.project(), after, id);
    const auto before = after.sources.size() + after.operators.size();
    std::erase_if(after.sources, [&](const sig::SourceSpec& s) { return s.id == id; });
    std::erase_if(after.operators, [&](const sig::OperatorSpec& o) { return o.id == id; });
    if (after.sources.size() + after.operators.size() == before)
        return refuse(error, QStringLiteral("There is no signal %1").arg(nodeId));
    engine::Project pruned = doc.project();
    pruned.signals = std::move(after);
    return pushSignals(doc, pruneSignals(pruned).spec, QStringLiteral("Remove %1").arg(name),
                       error);
}

bool addRoute(ProjectDocument& doc, sig::RouteSpec route, QString* error, QString* newRouteId,
              int gestureId) {
    if (route.id.empty()) route.id = doc.newId(QStringLiteral("route-")).toStdString();
    auto after = doc.project().signals;
    for (const auto& r : after.routes)
        if (r.id == route.id)
            return refuse(error, QStringLiteral("There is already a route %1").arg(q(route.id)));
    if (newRouteId) *newRouteId = q(route.id);
    const QString text = QStringLiteral("Modulate %1 by %2")
                             .arg(targetText(doc.project(), route.target),
                                  nodeName(doc.project(), after, route.signal));
    after.routes.push_back(std::move(route));
    return pushSignals(doc, std::move(after), text, error, gestureId);
}

namespace {

// The route from a node added in the same step: both in one history entry,
// so one undo takes both away.
bool pushNodeAndRoute(ProjectDocument& doc, sig::SignalGraphSpec after, const std::string& nodeId,
                      sig::RouteSpec route, QString* error, QString* newRouteId, int gestureId) {
    route.signal = nodeId;
    if (route.id.empty()) route.id = doc.newId(QStringLiteral("route-")).toStdString();
    if (newRouteId) *newRouteId = q(route.id);
    const QString text =
        QStringLiteral("Modulate %1 by %2")
            .arg(targetText(doc.project(), route.target), nodeName(doc.project(), after, nodeId));
    after.routes.push_back(std::move(route));
    return pushSignals(doc, std::move(after), text, error, gestureId);
}

} // namespace

bool addSourceAndRoute(ProjectDocument& doc, sig::SourceSpec source, sig::RouteSpec route,
                       QString* error, QString* newNodeId, QString* newRouteId, int gestureId) {
    if (source.id.empty())
        source.id = doc.newId(idPrefix(sig::sourceKindName(source.kind))).toStdString();
    if (newNodeId) *newNodeId = q(source.id);
    auto after = doc.project().signals;
    after.sources.push_back(source);
    return pushNodeAndRoute(doc, std::move(after), source.id, std::move(route), error, newRouteId,
                            gestureId);
}

bool addOperatorAndRoute(ProjectDocument& doc, const QString& opId, sig::RouteSpec route,
                         QString* error, QString* newNodeId, QString* newRouteId, int gestureId) {
    sig::OperatorSpec op;
    if (!newOperator(doc, opId, op, error)) return false;
    if (newNodeId) *newNodeId = q(op.id);
    auto after = doc.project().signals;
    after.operators.push_back(op);
    return pushNodeAndRoute(doc, std::move(after), op.id, std::move(route), error, newRouteId,
                            gestureId);
}

bool setRoute(ProjectDocument& doc, const sig::RouteSpec& route, QString* error, int gestureId) {
    auto after = doc.project().signals;
    auto it = std::find_if(after.routes.begin(), after.routes.end(),
                           [&](const sig::RouteSpec& r) { return r.id == route.id; });
    if (it == after.routes.end())
        return refuse(error, QStringLiteral("There is no route %1").arg(q(route.id)));
    *it = route;
    return pushSignals(
        doc, std::move(after),
        QStringLiteral("Change modulation of %1").arg(targetText(doc.project(), route.target)),
        error, gestureId);
}

bool removeRoute(ProjectDocument& doc, const QString& routeId, QString* error) {
    auto after = doc.project().signals;
    auto it = std::find_if(after.routes.begin(), after.routes.end(),
                           [&](const sig::RouteSpec& r) { return q(r.id) == routeId; });
    if (it == after.routes.end())
        return refuse(error, QStringLiteral("There is no route %1").arg(routeId));
    const QString text =
        QStringLiteral("Remove modulation of %1").arg(targetText(doc.project(), it->target));
    after.routes.erase(it);
    return pushSignals(doc, std::move(after), text, error);
}

bool setKeyframe(ProjectDocument& doc, const sig::ParamTarget& target, std::int64_t frame,
                 double value, std::optional<sig::Interpolation> interp, QString* error,
                 int gestureId) {
    const fx::ParamSpec* spec = nullptr;
    if (!targetOrRefuse(doc, target, &spec, error)) return false;
    if (frame < 0) return refuse(error, QStringLiteral("A keyframe cannot go before frame 0"));
    auto after = doc.project().signals;
    auto* lane = sig::findLane(after, target);
    if (!lane) {
        after.lanes.push_back({target, {}});
        lane = &after.lanes.back();
    }
    const double v = clampComponent(*spec, target.component, value);
    auto it = std::lower_bound(lane->keys.begin(), lane->keys.end(), frame,
                               [](const sig::Keyframe& k, std::int64_t f) { return k.frame < f; });
    if (it != lane->keys.end() && it->frame == frame) {
        it->value = v;
        if (interp) it->interp = *interp;
    } else {
        lane->keys.insert(it, {frame, v, interp.value_or(sig::Interpolation::Linear)});
    }
    return pushSignals(
        doc, std::move(after),
        QStringLiteral("Keyframe %1 at %2").arg(targetText(doc.project(), target)).arg(frame),
        error, gestureId);
}

bool moveKeyframe(ProjectDocument& doc, const sig::ParamTarget& target, std::int64_t fromFrame,
                  std::int64_t toFrame, double value, QString* error, int gestureId) {
    const fx::ParamSpec* spec = nullptr;
    if (!targetOrRefuse(doc, target, &spec, error)) return false;
    if (toFrame < 0) return refuse(error, QStringLiteral("A keyframe cannot go before frame 0"));
    auto after = doc.project().signals;
    auto* lane = sig::findLane(after, target);
    auto key = lane ? std::find_if(lane->keys.begin(), lane->keys.end(),
                                   [&](const sig::Keyframe& k) { return k.frame == fromFrame; })
                    : std::vector<sig::Keyframe>::iterator{};
    if (!lane || key == lane->keys.end())
        return refuse(error, QStringLiteral("There is no keyframe at %1").arg(fromFrame));
    if (toFrame != fromFrame &&
        std::any_of(lane->keys.begin(), lane->keys.end(),
                    [&](const sig::Keyframe& k) { return k.frame == toFrame; }))
        return refuse(error, QStringLiteral("There is already a keyframe at %1").arg(toFrame));
    sig::Keyframe moved = *key;
    moved.frame = toFrame;
    moved.value = clampComponent(*spec, target.component, value);
    lane->keys.erase(key);
    lane->keys.insert(
        std::lower_bound(lane->keys.begin(), lane->keys.end(), toFrame,
                         [](const sig::Keyframe& k, std::int64_t f) { return k.frame < f; }),
        moved);
    return pushSignals(doc, std::move(after),
                       QStringLiteral("Move keyframe of %1").arg(targetText(doc.project(), target)),
                       error, gestureId);
}

bool removeKeyframe(ProjectDocument& doc, const sig::ParamTarget& target, std::int64_t frame,
                    QString* error) {
    auto after = doc.project().signals;
    auto* lane = sig::findLane(after, target);
    if (!lane ||
        std::erase_if(lane->keys, [&](const sig::Keyframe& k) { return k.frame == frame; }) == 0)
        return refuse(error, QStringLiteral("There is no keyframe at %1").arg(frame));
    if (lane->keys.empty())
        std::erase_if(after.lanes,
                      [&](const sig::AutomationLane& l) { return l.target == target; });
    return pushSignals(doc, std::move(after),
                       QStringLiteral("Delete keyframe of %1 at %2")
                           .arg(targetText(doc.project(), target))
                           .arg(frame),
                       error);
}

bool setKeyframeInterpolation(ProjectDocument& doc, const sig::ParamTarget& target,
                              std::int64_t frame, sig::Interpolation interp, QString* error) {
    auto after = doc.project().signals;
    auto* lane = sig::findLane(after, target);
    auto key = lane ? std::find_if(lane->keys.begin(), lane->keys.end(),
                                   [&](const sig::Keyframe& k) { return k.frame == frame; })
                    : std::vector<sig::Keyframe>::iterator{};
    if (!lane || key == lane->keys.end())
        return refuse(error, QStringLiteral("There is no keyframe at %1").arg(frame));
    key->interp = interp;
    return pushSignals(
        doc, std::move(after),
        QStringLiteral("Set %1 interpolation of %2")
            .arg(q(std::string(sig::interpolationName(interp))), targetText(doc.project(), target)),
        error);
}

bool removeLane(ProjectDocument& doc, const sig::ParamTarget& target, QString* error) {
    auto after = doc.project().signals;
    if (std::erase_if(after.lanes,
                      [&](const sig::AutomationLane& l) { return l.target == target; }) == 0)
        return refuse(error,
                      QStringLiteral("%1 is not automated").arg(targetText(doc.project(), target)));
    return pushSignals(
        doc, std::move(after),
        QStringLiteral("Remove automation of %1").arg(targetText(doc.project(), target)), error);
}

} // namespace entropic::app::edits
