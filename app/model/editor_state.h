#pragma once
// What the editor keeps in a project besides what the engine renders: the
// media bin, in/out marks, markers, track lock/solo, the pads' keys and
// modes, the MIDI mappings. Saved in the project file under "editor"; the engine ignores it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/midi_mapping.h"
#include "model/pad_settings.h"

namespace entropic::app {

struct Marker {
    std::int64_t frame = 0;
    std::string name;
};

struct EditorState {
    std::vector<std::string> bin;          // imported media, as written (relative to the project)
    std::optional<std::int64_t> inPoint;   // loop and export range
    std::optional<std::int64_t> outPoint;  // exclusive
    std::vector<Marker> markers;           // sorted by frame
    std::vector<std::string> lockedTracks; // track ids
    std::vector<std::string> soloTracks;
    std::vector<PadSettings> pads;         // in grid order; each names a performance lane
    std::vector<MidiMapping> midiMappings; // controllers mapped to knobs (MIDI learn)
    std::int64_t playhead = 0;

    nlohmann::json toJson() const;
    // Tolerant: unknown or malformed entries are dropped, never fatal (it is view state).
    static EditorState fromJson(const nlohmann::json& doc);
};

} // namespace entropic::app
