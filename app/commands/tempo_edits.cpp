// edits.h: the project tempo.
#include <cmath>

#include "commands/edit_rules.h"
#include "commands/edits.h"
#include "commands/tempo_command.h"

namespace entropic::app::edits {

bool setTempo(ProjectDocument& doc, double bpm, QString* error, int gestureId) {
    // The range of the project file's "tempo" (docs/project-format.md).
    if (!std::isfinite(bpm) || bpm < kMinTempoBpm || bpm > kMaxTempoBpm)
        return rules::refuse(error,
                             QStringLiteral("The tempo must be between %1 and %2 BPM, not %3")
                                 .arg(kMinTempoBpm)
                                 .arg(kMaxTempoBpm)
                                 .arg(bpm));
    const double before = doc.project().tempoBpm;
    if (before == bpm) return true;
    doc.push(std::make_unique<TempoCommand>(before, bpm, gestureId));
    return true;
}

} // namespace entropic::app::edits
