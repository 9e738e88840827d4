#include "commands/automation_edits.h"

#include <algorithm>
#include <cmath>

#include "commands/edit_rules.h"
#include "commands/signal_edit_support.h"
#include "entropic/signal/automation.h"
#include "model/project_document.h"

namespace entropic::app::edits {

namespace {

using Keys = std::vector<sig::Keyframe>;

double valueAt(const Keys& keys, double base, std::int64_t frame) {
    if (keys.empty()) return base;
    sig::AutomationLane lane;
    lane.keys = keys;
    return sig::laneValue(lane, static_cast<double>(frame));
}

// The interpolation of the segment a frame lies on (Linear where none).
sig::Interpolation segmentAt(const Keys& keys, std::int64_t frame) {
    auto it = std::upper_bound(keys.begin(), keys.end(), frame,
                               [](std::int64_t f, const sig::Keyframe& k) { return f < k.frame; });
    if (it == keys.begin()) return sig::Interpolation::Linear;
    return std::prev(it)->interp;
}

void insertKey(Keys& keys, const sig::Keyframe& key) {
    auto it = std::lower_bound(keys.begin(), keys.end(), key.frame,
                               [](const sig::Keyframe& k, std::int64_t f) { return k.frame < f; });
    if (it != keys.end() && it->frame == key.frame)
        *it = key;
    else
        keys.insert(it, key);
}

bool hasKey(const Keys& keys, std::int64_t frame) {
    return std::any_of(keys.begin(), keys.end(),
                       [&](const sig::Keyframe& k) { return k.frame == frame; });
}

bool spanOrRefuse(const RecordedSpan& span, QString* error) {
    if (span.from < 0)
        return rules::refuse(error, QStringLiteral("A take cannot start before frame 0"));
    if (span.to <= span.from || span.keys.empty())
        return rules::refuse(error, QStringLiteral("A recorded span is empty"));
    for (std::size_t i = 0; i < span.keys.size(); ++i) {
        const auto& k = span.keys[i];
        if (k.frame < span.from || k.frame >= span.to ||
            (i > 0 && k.frame <= span.keys[i - 1].frame))
            return rules::refuse(error, QStringLiteral("Recorded keys must be increasing frames "
                                                       "inside their span %1–%2")
                                            .arg(span.from)
                                            .arg(span.to));
        if (!std::isfinite(k.value))
            return rules::refuse(error, QStringLiteral("A recorded value is not a number"));
    }
    return true;
}

} // namespace

sig::AutomationLane spliceRecording(const sig::ParamTarget& target, const sig::AutomationLane* old,
                                    double base, const std::vector<RecordedSpan>& spans) {
    Keys keys = old ? old->keys : Keys{};
    for (const auto& span : spans) {
        // The edges as the lane had them before this span, read first.
        const bool left = span.from > 0 && !hasKey(keys, span.from - 1);
        const sig::Keyframe before{span.from - 1, valueAt(keys, base, span.from - 1),
                                   sig::Interpolation::Linear};
        const bool right = !hasKey(keys, span.to);
        const sig::Keyframe after{span.to, valueAt(keys, base, span.to), segmentAt(keys, span.to)};
        std::erase_if(keys, [&](const sig::Keyframe& k) {
            return k.frame >= span.from && k.frame < span.to;
        });
        if (left) insertKey(keys, before);
        if (right) insertKey(keys, after);
        for (const auto& k : span.keys)
            insertKey(keys, k);
    }
    return {target, std::move(keys)};
}

const fx::ParamSpec* paramSpec(const ProjectDocument& doc, const sig::ParamTarget& target) {
    return targetSpec(doc.project(), target);
}

std::optional<double> baseValue(const ProjectDocument& doc, const sig::ParamTarget& target) {
    const fx::EffectInstance* instance = nullptr;
    const auto* spec = targetSpec(doc.project(), target, &instance);
    const int index = instance ? instance->params.indexOf(target.param) : -1;
    if (!spec || index < 0 || target.component < 0 || target.component >= spec->components())
        return std::nullopt;
    return instance->params.at(
        static_cast<std::size_t>(index))[static_cast<std::size_t>(target.component)];
}

bool writeAutomation(ProjectDocument& doc, const std::vector<AutomationTake>& takes,
                     const QString& text, QString* error) {
    auto after = doc.project().signals;
    for (const auto& take : takes) {
        const fx::ParamSpec* spec = nullptr;
        if (!targetOrRefuse(doc, take.target, &spec, error)) return false;
        std::vector<RecordedSpan> spans = take.spans;
        for (auto& span : spans) {
            if (!spanOrRefuse(span, error)) return false;
            for (auto& k : span.keys)
                k.value = clampComponent(*spec, take.target.component, k.value);
        }
        auto* lane = sig::findLane(after, take.target);
        auto written = spliceRecording(take.target, lane, *baseValue(doc, take.target), spans);
        if (lane)
            *lane = std::move(written);
        else
            after.lanes.push_back(std::move(written));
    }
    return pushSignals(doc, std::move(after), text, error);
}

} // namespace entropic::app::edits
