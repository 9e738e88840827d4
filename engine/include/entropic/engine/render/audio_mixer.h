#pragma once
// The timeline's sound: every audible track's clips (audio clips and the sound
// of video clips), with clip gain and track volume, summed at the project's
// sample rate in stereo float. A disabled clip is silent, and so is a clip
// whose own sound is muted (a video clip whose sound went to a linked audio
// clip: heard once, from that clip). A track is audible unless muted, and, while any
// track is soloed, only if it is soloed itself (mute wins over solo). The
// export and real-time playback (app/playback/audio_feed.h) both use it, so
// what is heard is what is exported.
//
// Not thread-safe: one mixer belongs to one thread (it owns decoders).
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "entropic/engine/project/project.h"

namespace entropic::engine {

class AudioDecoder;

class AudioMixer {
  public:
    static constexpr int kChannels = 2;

    explicit AudioMixer(ProjectSnapshot project);
    ~AudioMixer();

    // True if any clip's source has sound.
    bool hasSound();
    // First sample frame of timeline frame `frame` (rounded down).
    std::int64_t sampleAtFrame(std::int64_t frame) const;
    // Mixes count sample frames from sample frame start into out (interleaved
    // stereo). The same range always yields the same samples, however it was
    // reached (in one call or in blocks, after any seek).
    void mix(std::int64_t start, std::int64_t count, float* out);
    // Whether track is heard under the project's mute and solo flags.
    bool audible(const Track& track) const;
    // Whether the clip's own sound is heard (enabled, sound not muted).
    static bool heard(const Clip& clip);

  private:
    AudioDecoder* decoderFor(const Clip& clip);

    ProjectSnapshot project_;
    bool anySolo_ = false;
    std::map<std::string, std::unique_ptr<AudioDecoder>> decoders_; // by clip id; null: no sound
    std::vector<float> scratch_;
};

} // namespace entropic::engine
