#pragma once
#include <nlohmann/json.hpp>

#include "entropic/engine/media/media_info.h"

namespace entropic::engine {

// The probe_media reply's "media" object (docs/protocol.md).
nlohmann::json mediaInfoToJson(const MediaInfo& info);

} // namespace entropic::engine
