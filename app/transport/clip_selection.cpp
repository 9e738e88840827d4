#include "transport/clip_selection.h"

namespace entropic::app {

ClipSelection::ClipSelection(QObject* parent) : QObject(parent) {}

void ClipSelection::set(const QStringList& clipIds) {
    QStringList unique;
    for (const auto& id : clipIds)
        if (!unique.contains(id)) unique.push_back(id);
    if (unique == clips_) return;
    clips_ = unique;
    Q_EMIT changed();
}

void ClipSelection::select(const QString& clipId) {
    set({clipId});
}

void ClipSelection::toggle(const QString& clipId) {
    QStringList next = clips_;
    if (!next.removeOne(clipId)) next.push_back(clipId);
    set(next);
}

void ClipSelection::add(const QString& clipId) {
    QStringList next = clips_;
    next.removeOne(clipId);
    next.push_back(clipId);
    set(next);
}

void ClipSelection::clear() {
    set({});
}

void ClipSelection::retainOnly(const QStringList& existing) {
    QStringList next;
    for (const auto& id : clips_)
        if (existing.contains(id)) next.push_back(id);
    set(next);
}

} // namespace entropic::app
