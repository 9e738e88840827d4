// edits.h: effect chains (add, remove, duplicate, reorder, apply a preset) and
// instance settings (bypass, mix, blend, mask, seed, parameters).
#include <atomic>

#include "commands/clip_set_command.h"
#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "commands/effect_commands.h"
#include "commands/signal_pruning.h"
#include "entropic/effects/registry.h"

namespace entropic::app::edits {

using namespace rules;

namespace {

struct EffectRef {
    const engine::Clip* clip = nullptr;
    const fx::EffectInstance* effect = nullptr;
    std::size_t index = 0;
};

const engine::Clip* videoClipOrRefuse(const ProjectDocument& doc, const QString& clipId,
                                      QString* error) {
    const auto ref = findClip(doc.project(), clipId.toStdString());
    if (!ref.clip) {
        refuse(error, QStringLiteral("There is no clip %1").arg(clipId));
        return nullptr;
    }
    if (ref.track->kind != engine::TrackKind::Video) {
        refuse(error,
               QStringLiteral("Clip %1 is an audio clip: effects go on video clips").arg(clipId));
        return nullptr;
    }
    return ref.clip;
}

bool effectOrRefuse(const ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                    EffectRef& out, QString* error) {
    out.clip = videoClipOrRefuse(doc, clipId, error);
    if (!out.clip) return false;
    for (std::size_t i = 0; i < out.clip->effects.size(); ++i)
        if (out.clip->effects[i].instanceId == instanceId.toStdString()) {
            out.effect = &out.clip->effects[i];
            out.index = i;
            return true;
        }
    return refuse(error, QStringLiteral("Clip %1 has no effect %2").arg(clipId, instanceId));
}

QString nameOf(const fx::EffectInstance& e) {
    return q(e.descriptor->name);
}

// "Amount" -> "amount", but "RGB split" stays as it is.
QString lowerFirst(const QString& label) {
    if (label.size() >= 2 && label[0].isUpper() && label[1].isUpper()) return label;
    return label.isEmpty() ? label : label[0].toLower() + label.mid(1);
}

bool pushEdit(ProjectDocument& doc, const EffectRef& ref, fx::EffectInstance after,
              const QString& text, int gestureId) {
    doc.push(std::make_unique<EffectEditCommand>(text, ref.clip->id, *ref.effect, std::move(after),
                                                 gestureId));
    return true;
}

bool inRange(double v, double lo, double hi) {
    return v >= lo && v <= hi;
}

} // namespace

int newGestureId() {
    static std::atomic<int> next{1};
    return next++;
}

bool addEffect(ProjectDocument& doc, const QString& clipId, const QString& effectId, int index,
               QString* error, QString* newInstanceId) {
    const auto* clip = videoClipOrRefuse(doc, clipId, error);
    if (!clip) return false;
    const auto* descriptor = fx::EffectRegistry::builtin().find(effectId.toStdString());
    if (!descriptor) return refuse(error, QStringLiteral("There is no effect %1").arg(effectId));
    fx::EffectInstance e;
    e.descriptor = descriptor;
    e.instanceId = doc.newId(QStringLiteral("fx-")).toStdString();
    e.params = fx::ParamValues(descriptor->params);
    const std::size_t at = index < 0
                               ? clip->effects.size()
                               : std::min(static_cast<std::size_t>(index), clip->effects.size());
    if (newInstanceId) *newInstanceId = q(e.instanceId);
    const QString text = QStringLiteral("Add %1").arg(q(descriptor->name));
    doc.push(std::make_unique<EffectInsertCommand>(text, clip->id, true, std::move(e), at));
    return true;
}

bool applyPreset(ProjectDocument& doc, const QString& clipId, const engine::Preset& preset,
                 QString* error) {
    const auto* clip = videoClipOrRefuse(doc, clipId, error);
    if (!clip) return false;
    const auto ref = findClip(doc.project(), clip->id);
    // The whole chain goes in as one step: the clip out, the clip with the
    // preset's effects appended in. newId gives the next free number once;
    // the others follow it.
    const QString first = doc.newId(QStringLiteral("fx-"));
    long long next = first.mid(3).toLongLong();
    engine::Clip after = *clip;
    for (fx::EffectInstance e : preset.effects) {
        e.instanceId = "fx-" + std::to_string(next++);
        after.effects.push_back(std::move(e));
    }
    const QString text = QStringLiteral("Apply preset %1").arg(q(preset.name));
    doc.push(std::make_unique<ClipSetCommand>(
        text, std::vector<PlacedClip>{{ref.track->id, engine::TrackKind::Video, *clip}},
        std::vector<PlacedClip>{{ref.track->id, engine::TrackKind::Video, std::move(after)}}));
    return true;
}

bool removeEffect(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                  QString* error) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    pushKeepingSignalsWhole(doc, std::make_unique<EffectInsertCommand>(
                                     QStringLiteral("Remove %1").arg(nameOf(*ref.effect)),
                                     ref.clip->id, false, *ref.effect, ref.index));
    return true;
}

bool duplicateEffect(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                     QString* error, QString* newInstanceId) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    fx::EffectInstance copy = *ref.effect;
    copy.instanceId = doc.newId(QStringLiteral("fx-")).toStdString();
    if (newInstanceId) *newInstanceId = q(copy.instanceId);
    doc.push(std::make_unique<EffectInsertCommand>(
        QStringLiteral("Duplicate %1").arg(nameOf(*ref.effect)), ref.clip->id, true,
        std::move(copy), ref.index + 1));
    return true;
}

bool moveEffect(ProjectDocument& doc, const QString& clipId, const QString& instanceId, int toIndex,
                QString* error) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    const std::size_t last = ref.clip->effects.size() - 1;
    const std::size_t to = toIndex < 0 ? 0 : std::min(static_cast<std::size_t>(toIndex), last);
    if (to == ref.index) return true;
    doc.push(std::make_unique<EffectMoveCommand>(QStringLiteral("Move %1").arg(nameOf(*ref.effect)),
                                                 ref.clip->id, ref.index, to));
    return true;
}

bool setEffectEnabled(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                      bool enabled, QString* error) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    if (ref.effect->enabled == enabled) return true;
    fx::EffectInstance after = *ref.effect;
    after.enabled = enabled;
    return pushEdit(doc, ref, std::move(after),
                    (enabled ? QStringLiteral("Enable %1") : QStringLiteral("Bypass %1"))
                        .arg(nameOf(*ref.effect)),
                    0);
}

bool setEffectMix(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                  double mix, QString* error, int gestureId) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    if (!inRange(mix, 0, 1)) return refuse(error, QStringLiteral("Mix goes from 0 to 100 %"));
    if (ref.effect->mix == mix) return true;
    fx::EffectInstance after = *ref.effect;
    after.mix = mix;
    return pushEdit(doc, ref, std::move(after),
                    QStringLiteral("Set %1 mix").arg(nameOf(*ref.effect)), gestureId);
}

bool setEffectBlend(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                    fx::BlendMode mode, QString* error) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    if (ref.effect->blend == mode) return true;
    fx::EffectInstance after = *ref.effect;
    after.blend = mode;
    const std::string_view label = fx::blendModeLabel(mode);
    return pushEdit(doc, ref, std::move(after),
                    QStringLiteral("Blend %1: %2")
                        .arg(nameOf(*ref.effect),
                             QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()))),
                    0);
}

bool setEffectMask(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                   const fx::MaskSpec& m, QString* error, int gestureId) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    // The ranges a project file accepts (docs/project-format.md): never
    // store what could not be loaded again.
    if (!inRange(m.x, -1, 2) || !inRange(m.y, -1, 2) || !inRange(m.w, 0, 3) ||
        !inRange(m.h, 0, 3) || !inRange(m.feather, 0, 1) || !inRange(m.lumaLow, 0, 1) ||
        !inRange(m.lumaHigh, 0, 1) || !inRange(m.softness, 0, 1))
        return refuse(error,
                      QStringLiteral("The mask of %1 is out of range").arg(nameOf(*ref.effect)));
    fx::EffectInstance after = *ref.effect;
    after.mask = m;
    return pushEdit(doc, ref, std::move(after),
                    QStringLiteral("Set %1 mask").arg(nameOf(*ref.effect)), gestureId);
}

bool setEffectSeed(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                   std::uint64_t seed, QString* error) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    if (ref.effect->userSeed == seed) return true;
    fx::EffectInstance after = *ref.effect;
    after.userSeed = seed;
    return pushEdit(doc, ref, std::move(after),
                    QStringLiteral("Set %1 seed").arg(nameOf(*ref.effect)), 0);
}

bool setParameter(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                  const QString& key, const fx::ParamValue& value, QString* error, int gestureId) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    const int index = ref.effect->params.indexOf(key.toStdString());
    if (index < 0)
        return refuse(error,
                      QStringLiteral("%1 has no parameter %2").arg(nameOf(*ref.effect), key));
    const auto i = static_cast<std::size_t>(index);
    fx::EffectInstance after = *ref.effect;
    after.params.set(i, value); // clamps to the spec's range
    if (after.params.at(i) == ref.effect->params.at(i)) return true;
    const QString label = lowerFirst(q(ref.effect->params.specs()[i].label));
    return pushEdit(doc, ref, std::move(after),
                    QStringLiteral("Set %1 %2").arg(nameOf(*ref.effect), label), gestureId);
}

bool resetEffectParameters(ProjectDocument& doc, const QString& clipId, const QString& instanceId,
                           QString* error) {
    EffectRef ref;
    if (!effectOrRefuse(doc, clipId, instanceId, ref, error)) return false;
    fx::EffectInstance after = *ref.effect;
    after.params = fx::ParamValues(ref.effect->descriptor->params);
    bool same = true;
    for (std::size_t i = 0; i < after.params.size(); ++i)
        same = same && after.params.at(i) == ref.effect->params.at(i);
    if (same) return true;
    return pushEdit(doc, ref, std::move(after),
                    QStringLiteral("Reset %1 parameters").arg(nameOf(*ref.effect)), 0);
}

} // namespace entropic::app::edits
