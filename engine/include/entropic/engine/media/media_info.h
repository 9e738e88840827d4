#pragma once
// What a media file holds, as probed (engine/media/media_probe.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entropic/engine/media/rational.h"

namespace entropic::engine {

struct VideoStreamInfo {
    int streamIndex = -1;
    std::string codec;       // "h264", "prores", …
    std::string pixelFormat; // "yuv420p", …
    int codedWidth = 0;      // as stored
    int codedHeight = 0;
    int rotation = 0; // clockwise degrees to display: 0, 90, 180 or 270
    int width = 0;    // as displayed (after rotation)
    int height = 0;
    Rational frameRate; // average rate
    bool variableFrameRate = false;
    std::int64_t frameCount = 0; // exact, from the packet index
    bool hasBFrames = false;
    double durationSeconds = 0;
};

struct AudioStreamInfo {
    int streamIndex = -1;
    std::string codec;
    int sampleRate = 0;
    int channels = 0;
    double durationSeconds = 0;
};

struct MediaInfo {
    std::string path;
    std::string container; // "mov,mp4,m4a,3gp,3g2,mj2", …
    double durationSeconds = 0;
    std::optional<VideoStreamInfo> video;
    std::vector<AudioStreamInfo> audio;
};

// Opens, indexes and describes a file. Throws EngineError (media_open_failed,
// media_unsupported, media_corrupt) with a message naming the file; never
// crashes or hangs on corrupt, truncated, empty or non-media input.
MediaInfo probeMedia(const std::string& path);

} // namespace entropic::engine
