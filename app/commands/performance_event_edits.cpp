// performance_event_edits.h: the rules compute the lanes after the edit; this
// checks the refs were found and pushes the lanes as one PerformanceCommand
// (the signal graph and pads unchanged: moving events never changes what a
// gate source reads from, only when).
#include "commands/performance_event_edits.h"

#include <algorithm>

#include "commands/edit_rules.h"
#include "commands/performance_command.h"

namespace entropic::app::edits {

namespace {

bool sameLanes(const std::vector<engine::PerformanceLane>& a,
               const std::vector<engine::PerformanceLane>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.id == y.id && x.name == y.name && x.events == y.events;
    });
}

bool push(ProjectDocument& doc, const std::optional<gate::LaneEdit>& edit, const QString& text,
          QString* error, std::vector<gate::EventRef>* after) {
    if (!edit)
        return rules::refuse(error, QStringLiteral("That pad event is no longer on its lane"));
    if (after) *after = edit->refs;
    if (sameLanes(edit->lanes, doc.project().performance)) return true;
    auto before = PerformancePart::of(doc);
    auto changed = before;
    changed.lanes = edit->lanes;
    doc.push(std::make_unique<PerformanceCommand>(text, std::move(before), std::move(changed)));
    return true;
}

QString counted(const QString& verb, std::size_t n) {
    return n == 1 ? QStringLiteral("%1 pad event").arg(verb)
                  : QStringLiteral("%1 %2 pad events").arg(verb).arg(n);
}

} // namespace

bool moveGateEvents(ProjectDocument& doc, const std::vector<gate::EventRef>& events,
                    std::int64_t delta, QString* error, std::vector<gate::EventRef>* after) {
    return push(doc, gate::moved(doc.project().performance, events, delta),
                counted(QStringLiteral("Move"), events.size()), error, after);
}

bool trimGateEvent(ProjectDocument& doc, const gate::EventRef& event, gate::Edge edge,
                   std::int64_t frame, QString* error, std::vector<gate::EventRef>* after) {
    return push(doc, gate::trimmed(doc.project().performance, event, edge, frame),
                QStringLiteral("Trim pad event"), error, after);
}

bool deleteGateEvents(ProjectDocument& doc, const std::vector<gate::EventRef>& events,
                      QString* error) {
    return push(doc, gate::deleted(doc.project().performance, events),
                counted(QStringLiteral("Delete"), events.size()), error, nullptr);
}

bool setGateVelocity(ProjectDocument& doc, const std::vector<gate::EventRef>& events,
                     double velocity, QString* error, std::vector<gate::EventRef>* after) {
    return push(doc, gate::withVelocity(doc.project().performance, events, velocity),
                QStringLiteral("Set velocity of %1").arg(counted({}, events.size()).trimmed()),
                error, after);
}

} // namespace entropic::app::edits
