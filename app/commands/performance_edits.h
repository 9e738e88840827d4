#pragma once
// The performance edits (docs/performance.md), in the manner of edits.h: each
// checks the edit, pushes one history entry (a PerformanceCommand) and
// returns true, or refuses with a reason worded for the user and changes
// nothing. A pad is a performance lane, the gate source that reads it and
// the pad's settings; its identity is the lane id.
#include <cstdint>
#include <vector>

#include <QString>

#include "entropic/signal/performance_gate.h"
#include "model/pad_settings.h"

namespace entropic::app {

class ProjectDocument;

namespace edits {

// A new pad named `name` (empty: "Pad N") with a lane ("pad-N"), a gate source
// reading it and the given settings (settings.lane is ignored), as one step.
bool addPad(ProjectDocument& doc, const QString& name, PadSettings settings,
            QString* error = nullptr, QString* newLaneId = nullptr);
// Renames the lane and the gate sources reading it.
bool renamePad(ProjectDocument& doc, const QString& laneId, const QString& name,
               QString* error = nullptr);
// Key, colour, mode, one-shot length, choke group, MIDI note and cue frame
// (settings.lane names the pad). Refused: a key or MIDI note another pad plays, a length <= 0,
// a choke group out of 0..PadSettings::kMaxChokeGroup, a colour that is not
// "#rrggbb", a note out of 0..127, a channel out of 0..16 or a cue frame below -1.
bool setPadSettings(ProjectDocument& doc, const PadSettings& settings, QString* error = nullptr);
// Removes the lane, its settings, its gate sources and whatever they drove.
bool removePad(ProjectDocument& doc, const QString& laneId, QString* error = nullptr);

// The gate source that reads a lane (empty if none).
QString padSource(const ProjectDocument& doc, const QString& laneId);

struct LaneTake {
    QString laneId;
    std::vector<sig::GateEvent> events; // timeline frames; off > on; velocity 0..1
};
enum class TakeMode {
    Overdub, // the events join the lane's
    Replace, // the lane's events in [from, to) go first (ones crossing an end are cut there)
};
// Writes recorded events into their lanes as one step named `text` ("Record
// take", "Capture last performance"). Replace clears [from, to) of every
// lane named in takes, even one whose take is empty. Refused: an unknown
// lane, an event with off <= on or a negative frame.
bool writePerformance(ProjectDocument& doc, const std::vector<LaneTake>& takes, std::int64_t from,
                      std::int64_t to, TakeMode mode, const QString& text,
                      QString* error = nullptr);

} // namespace edits
} // namespace entropic::app
