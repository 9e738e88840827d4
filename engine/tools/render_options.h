#pragma once
// entropic-render's command line, parsed into what to do.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace entropic::engine {

struct RenderOptions {
    bool help = false;
    bool listEffects = false;
    bool listPresets = false;
    bool json = false;
    std::string input;
    std::string output;
    std::string effectPreset;    // --preset: a named chain (resources/presets/)
    std::vector<std::string> fx; // each "ID key=value ...", after the preset's chain
    std::optional<std::int64_t> rangeFirst, rangeEnd;
    std::optional<std::int64_t> frame;
    std::string frameHashes;
    std::string format;                  // empty: from the output's name
    int width = 0, height = 0;           // --size WxH, 0: the project's
    std::int64_t fpsNum = 0, fpsDen = 1; // --fps N[/D], 0: the project's
    int crf = 18;
    std::string x264Preset = "veryfast";
    bool audio = true;
    int threads = 0;
    bool quiet = false;
};

// Returns an error message, or empty on success.
std::string parseRenderOptions(int argc, char** argv, RenderOptions& options);

extern const char* const kRenderUsage;

} // namespace entropic::engine
