#pragma once
// Turning an opened stream and its packet index into the public descriptions
// (shared by probeMedia and the decoders, so they always agree).
#include "entropic/engine/media/media_info.h"
#include "media/packet_index.h"

namespace entropic::engine::media {

VideoStreamInfo describeVideo(const AVStream* stream, const VideoIndex& index);
AudioStreamInfo describeAudio(const AVStream* stream, const AudioTotals& totals);

// Samples (at the stream's own rate) the decoder will deliver for a stream,
// from its packet durations less priming and padding; 0 if unknown.
std::int64_t audioSourceSamples(const AVStream* stream, const AudioTotals& totals);

} // namespace entropic::engine::media
