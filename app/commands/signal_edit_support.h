#pragma once
// What the signal edits (signal_edits.cpp, automation_edits.cpp) share:
// the one way a changed signal part lands (compiled against the project
// first, so a refusal changes nothing) and the lookups of a parameter
// target. Internal to app/commands.
#include <QString>

#include "entropic/effects/container.h"
#include "entropic/engine/project/project.h"
#include "entropic/signal/spec.h"

namespace entropic::app {

class ProjectDocument;

namespace edits {

// Compiles the project with `after` as its signal part and pushes one
// SignalGraphCommand named `text`; refused with the compiler's message.
// Nothing changes (and true) when `after` equals what the project has.
bool pushSignals(ProjectDocument& doc, sig::SignalGraphSpec after, const QString& text,
                 QString* error, int gestureId = 0);
// The effect instance a target names, and its parameter (null: no such one).
const fx::ParamSpec* targetSpec(const engine::Project& project, const sig::ParamTarget& target,
                                const fx::EffectInstance** instance = nullptr);
// "Noise amount", as the user reads it.
QString targetText(const engine::Project& project, const sig::ParamTarget& target);
// targetSpec, refusing (with a reason) an unknown parameter or component.
bool targetOrRefuse(const ProjectDocument& doc, const sig::ParamTarget& target,
                    const fx::ParamSpec** out, QString* error);
// `value` as component `component` of the parameter may hold it.
double clampComponent(const fx::ParamSpec& spec, int component, double value);

} // namespace edits
} // namespace entropic::app
