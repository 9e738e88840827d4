#pragma once
// One pass over every packet of a file: the timestamps of every video frame in
// presentation order, where the keyframes are, and how long each audio stream
// runs. Frame counts and frame-accurate seeking rest on it.
#include <cstdint>
#include <map>
#include <vector>

#include "media/ffmpeg_util.h"

namespace entropic::engine::media {

struct Keyframe {
    std::int64_t pts = 0;    // presentation timestamp (stream time base)
    std::int64_t seekTs = 0; // what to hand av_seek_frame to land on it (min of pts and dts)
    std::int64_t index = 0;  // presentation index of the frame
};

struct VideoIndex {
    int streamIndex = -1;
    // Every frame's pts in presentation order (stream time base). When
    // timestampsUsable is false (missing or repeated pts), the entries are
    // synthetic (frame number × frame duration) and frames are located by
    // counting from the start of the file instead.
    std::vector<std::int64_t> pts;
    std::vector<Keyframe> keyframes; // sorted by pts
    bool timestampsUsable = true;
    bool reordered = false;  // decode order differs from presentation order (B-frames)
    std::int64_t endPts = 0; // pts just after the last frame (last pts + its duration)
    bool truncated = false;  // reading stopped at an error before the end of the file

    std::int64_t frameCount() const { return static_cast<std::int64_t>(pts.size()); }
    // Presentation index of the frame with this pts: the last frame whose pts
    // is <= ts, or -1 if ts precedes every frame.
    std::int64_t indexAtOrBefore(std::int64_t ts) const;
    // The latest keyframe whose pts is <= the pts of frame index, as a
    // position in keyframes (or -1 when no keyframe precedes it).
    int keyframeFor(std::int64_t index) const;
};

struct AudioTotals {
    std::int64_t firstPts = AV_NOPTS_VALUE;
    std::int64_t durationTs = 0; // sum of packet durations (stream time base)
    std::int64_t skipStart = 0;  // samples the decoder drops at the start (encoder priming)
    std::int64_t skipEnd = 0;    // … and at the end (padding)
    std::int64_t packets = 0;
};

struct PacketIndex {
    VideoIndex video;                 // streamIndex -1 when not asked for
    std::map<int, AudioTotals> audio; // by stream index
};

// Reads the whole file once. videoStream -1 skips the video index; every audio
// stream listed gets totals. Stops with EngineError (media_corrupt) when the
// file yields no video packet for a requested video stream, and caps the scan
// (time and packet count) so an absurd input cannot hang the caller.
PacketIndex scanPackets(InputFile& input, int videoStream, const std::vector<int>& audioStreams);

} // namespace entropic::engine::media
