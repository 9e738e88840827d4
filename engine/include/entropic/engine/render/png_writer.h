#pragma once
#include <string>

#include "entropic/effects/frame.h"

namespace entropic::engine {

// Writes an RGBA frame as a PNG (FFmpeg's PNG encoder), atomically: the file
// appears complete or not at all. Throws EngineError naming the path.
void writePng(const std::string& path, fx::ConstFrameView rgba);

} // namespace entropic::engine
