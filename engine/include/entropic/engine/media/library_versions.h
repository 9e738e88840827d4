#pragma once
// The versions of the libraries the engine renders with, as loaded at run time
// (FFmpeg's libraries, ZeroMQ) or built against (libjpeg-turbo), for About
// boxes and bug reports: "FFmpeg 5.1.6 (libavcodec 59.37.100)".
#include <string>
#include <vector>

namespace entropic::engine {

std::vector<std::string> libraryVersions();

} // namespace entropic::engine
