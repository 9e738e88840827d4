#include "midi/midi_knobs.h"

#include <algorithm>
#include <cmath>

#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "entropic/engine/project/project.h"
#include "entropic/signal/operator_registry.h"
#include "model/project_document.h"

namespace entropic::app {

namespace {

using Kind = MidiTarget::Kind;

struct Param {
    const fx::ParamSpec* spec = nullptr;
    double value = 0;
};

const fx::EffectInstance* findEffect(const ProjectDocument& doc, const MidiTarget& t,
                                     const engine::Clip** clip = nullptr) {
    const auto ref = rules::findClip(doc.project(), t.owner);
    if (!ref.clip) return nullptr;
    if (clip) *clip = ref.clip;
    for (const auto& e : ref.clip->effects)
        if (e.instanceId == t.effect && e.descriptor) return &e;
    return nullptr;
}

const sig::OperatorSpec* findOperator(const ProjectDocument& doc, const std::string& id) {
    for (const auto& o : doc.project().signals.operators)
        if (o.id == id) return &o;
    return nullptr;
}

std::optional<Param> param(const ProjectDocument& doc, const MidiTarget& t) {
    if (t.kind == Kind::EffectParam) {
        const auto* effect = findEffect(doc, t);
        if (!effect) return std::nullopt;
        const int i = effect->params.indexOf(t.key);
        if (i < 0) return std::nullopt;
        const auto& spec = effect->params.specs()[static_cast<std::size_t>(i)];
        if (t.component >= spec.components()) return std::nullopt;
        return Param{&spec, effect->params.at(static_cast<std::size_t>(
                                i))[static_cast<std::size_t>(t.component)]};
    }
    const auto* op = findOperator(doc, t.owner);
    if (!op) return std::nullopt;
    const auto* d = sig::OperatorRegistry::builtin().find(op->op, op->version);
    if (!d) return std::nullopt;
    for (const auto& spec : d->params)
        if (spec.key == t.key) {
            const auto v = op->params.find(t.key);
            return Param{&spec, v != op->params.end() ? v->second : spec.def[0]};
        }
    return std::nullopt;
}

KnobRange rangeOf(const fx::ParamSpec& spec) {
    switch (spec.type) {
    case fx::ParamType::Bool:
        return {0, 1, true};
    case fx::ParamType::Enum:
        return {0, std::max(0.0, static_cast<double>(spec.choices.size()) - 1), true};
    case fx::ParamType::Int:
        return {spec.min, spec.max, true};
    case fx::ParamType::Color:
        return {0, 1, false};
    default:
        return {spec.min, spec.max, false};
    }
}

constexpr double kMinVolumeDb = -96, kMaxVolumeDb = 24;

} // namespace

std::optional<KnobRange> knobRange(const ProjectDocument& doc, const MidiTarget& t) {
    switch (t.kind) {
    case Kind::TrackOpacity:
        if (!rules::findTrack(doc.project(), t.owner)) return std::nullopt;
        return KnobRange{0, 1, false};
    case Kind::TrackVolume:
        if (!rules::findTrack(doc.project(), t.owner)) return std::nullopt;
        return KnobRange{kMinVolumeDb, kMaxVolumeDb, false};
    default:
        break;
    }
    const auto p = param(doc, t);
    if (!p) return std::nullopt;
    return rangeOf(*p->spec);
}

std::optional<KnobRange> defaultSweep(const ProjectDocument& doc, const MidiTarget& t) {
    auto range = knobRange(doc, t);
    if (range && t.kind == Kind::TrackVolume) *range = {-60, 6, false};
    return range;
}

std::optional<double> knobValue(const ProjectDocument& doc, const MidiTarget& t) {
    if (t.kind == Kind::TrackOpacity || t.kind == Kind::TrackVolume) {
        const auto* track = rules::findTrack(doc.project(), t.owner);
        if (!track) return std::nullopt;
        return t.kind == Kind::TrackOpacity ? track->opacity : track->volumeDb;
    }
    const auto p = param(doc, t);
    if (!p) return std::nullopt;
    return p->value;
}

QString knobName(const ProjectDocument& doc, const MidiTarget& t) {
    const QString arrow = QStringLiteral(" ▸ ");
    if (t.kind == Kind::TrackOpacity || t.kind == Kind::TrackVolume) {
        const auto* track = rules::findTrack(doc.project(), t.owner);
        const QString name =
            QString::fromStdString(track && !track->name.empty() ? track->name : t.owner);
        return name + arrow +
               (t.kind == Kind::TrackOpacity ? QObject::tr("Opacity") : QObject::tr("Volume"));
    }
    const auto p = param(doc, t);
    const QString paramName = QString::fromStdString(p ? p->spec->label : t.key);
    if (t.kind == Kind::OperatorParam) {
        const auto* op = findOperator(doc, t.owner);
        QString node = QString::fromStdString(t.owner);
        if (op && !op->name.empty()) node = QString::fromStdString(op->name);
        return node + arrow + paramName;
    }
    const engine::Clip* clip = nullptr;
    const auto* effect = findEffect(doc, t, &clip);
    if (!effect) return QString::fromStdString(t.owner) + arrow + paramName;
    return QString::fromStdString(engine::clipDisplayName(*clip)) + arrow +
           QString::fromStdString(effect->descriptor->name) + arrow + paramName;
}

bool setKnob(ProjectDocument& doc, const MidiTarget& t, double value, int gestureId,
             QString* error) {
    const auto range = knobRange(doc, t);
    if (!range) return false;
    value = std::clamp(value, std::min(range->min, range->max), std::max(range->min, range->max));
    if (range->whole) value = std::round(value);
    switch (t.kind) {
    case Kind::TrackOpacity:
        return edits::setTrackOpacity(doc, QString::fromStdString(t.owner), value, error,
                                      gestureId);
    case Kind::TrackVolume:
        return edits::setTrackVolume(doc, QString::fromStdString(t.owner), value, error, gestureId);
    case Kind::OperatorParam:
        return edits::setOperatorParam(doc, QString::fromStdString(t.owner),
                                       QString::fromStdString(t.key), value, error, gestureId);
    case Kind::EffectParam:
        break;
    }
    const auto* effect = findEffect(doc, t);
    if (!effect) return false;
    const int i = effect->params.indexOf(t.key);
    fx::ParamValue v = effect->params.at(static_cast<std::size_t>(i));
    v[static_cast<std::size_t>(t.component)] = value;
    return edits::setParameter(doc, QString::fromStdString(t.owner),
                               QString::fromStdString(t.effect), QString::fromStdString(t.key), v,
                               error, gestureId);
}

} // namespace entropic::app
