#pragma once
// What a signal source measures on media (docs/signals.md, "Sources"): the
// clip its `media` names, and the analysis of that clip's file at the
// project's frame rate with the source's region or band. One function, used
// by the renderers' SignalRuntime and by the background AnalysisPass, so the
// pass measures exactly what rendering will read.
#include <optional>

#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/engine/project/project.h"

namespace entropic::engine {

struct SourceAnalysis {
    const Clip* clip = nullptr; // in the project the function was given
    AnalysisKey key;
};

// Nothing for a gate (a performance lane, not media) and for a source whose
// clip is not in the project.
std::optional<SourceAnalysis> sourceAnalysis(const Project& project, const sig::SourceSpec& source);

} // namespace entropic::engine
