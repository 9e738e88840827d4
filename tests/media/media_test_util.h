#pragma once
// Shared by the media tests: clip paths, scratch folders, FFmpeg CLI references.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "entropic/effects/frame.h"

namespace entropic::mediatest {

// A clip made by tests/media/make-test-media.sh.
std::string clip(const std::string& name);

// A fresh, empty folder under the build tree.
std::filesystem::path scratch(const std::string& name);

// Runs a shell command and returns its stdout (binary-safe); throws if it fails.
std::string run(const std::string& command);

// Every frame of a clip as the ffmpeg CLI decodes it (RGBA, its own scaling
// and autorotation, timestamps passed through): an independent reference.
std::vector<fx::Frame> ffmpegFrames(const std::string& path, int width, int height);

// Mean absolute difference per channel value between two frames of equal size.
double meanAbsDiff(fx::ConstFrameView a, fx::ConstFrameView b);

// A small deterministic generator for test orders (not std::*_distribution,
// whose output differs between standard libraries).
struct TestRng {
    std::uint64_t state;
    std::uint64_t next() {
        state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
};

} // namespace entropic::mediatest
