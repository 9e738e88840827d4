#pragma once
// The one function that turns a device frame into a timeline sample. The clock
// (playback_clock.h) applies it to the frames the listener has heard; the feed
// (audio_feed.h) applies it to the frames it hands to the device. Because both
// use this function and the same mapping, the sound and the reported position
// can never disagree, looping and shuttling included.
//
// "Device frames" count sample frames in the AudioOutput's own numbering
// (AudioOutput::playedFrames(), the firstFrame of a Pull). "Timeline samples"
// count sample frames from the start of the project at its sample rate.
#include <cstdint>
#include <optional>

namespace entropic::app {

// A loop over the timeline samples [in, out); valid when out > in.
struct LoopRange {
    std::int64_t in = 0;
    std::int64_t out = 0;

    std::int64_t length() const { return out - in; }
    bool contains(std::int64_t sample) const { return sample >= in && sample < out; }
    friend bool operator==(const LoopRange&, const LoopRange&) = default;
};

struct PlayMapping {
    std::int64_t anchorFrame = 0; // the device frame at which startSample is heard
    std::int64_t startSample = 0; // timeline sample at anchorFrame (inside loop, if any)
    double rate = 1.0;            // timeline samples per device frame: 1, 2, 4, -1, ...
    std::optional<LoopRange> loop;

    friend bool operator==(const PlayMapping&, const PlayMapping&) = default;
};

// The timeline sample heard at deviceFrame:
//   startSample + floor(rate × (deviceFrame − anchorFrame)), wrapped into the loop.
// Exact (integer arithmetic) at rate 1; exact for any integer rate while
// |rate × frames| stays below 2^53, i.e. for about 5000 years at 48 kHz.
std::int64_t timelineSampleAt(const PlayMapping& mapping, std::int64_t deviceFrame);

// A sample folded into [in, out) by whole loop lengths (either direction).
// Without a loop (or an empty one) the sample is returned unchanged.
std::int64_t wrapIntoLoop(std::int64_t sample, const std::optional<LoopRange>& loop);

// Where playback starting at `sample` really starts: inside the loop as is;
// outside it, at the loop's first sample (its last one when playing backwards).
std::int64_t placeInLoop(std::int64_t sample, double rate, const std::optional<LoopRange>& loop);

} // namespace entropic::app
