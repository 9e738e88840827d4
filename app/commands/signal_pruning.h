#pragma once
// What becomes of the signal part when the things it points at go away.
// Internal to app/commands.
#include <memory>

#include <QString>

#include "commands/edit_command.h"
#include "entropic/engine/project/project.h"

namespace entropic::app::rules {

// The project's signal part without what no longer has a target in it:
// routes and lanes on effect instances the chains lack, sources measuring a
// clip, track or performance lane that is gone, and (in turn) operators left
// with fewer inputs than they need and routes from any removed node. Inputs
// naming a removed node are dropped from the lists. Counts what went.
struct PrunedSignals {
    sig::SignalGraphSpec spec;
    int routes = 0, lanes = 0, nodes = 0;
    bool changed() const { return routes + lanes + nodes > 0; }
};
PrunedSignals pruneSignals(const engine::Project& project);

// Pushes `command`; when it removes something the signal part points at
// (an effect, a clip, a track), the routes, lanes and nodes left dangling go
// in the same history entry, so the project always saves and one undo
// brings everything back.
void pushKeepingSignalsWhole(ProjectDocument& doc, std::unique_ptr<EditCommand> command);

} // namespace entropic::app::rules
