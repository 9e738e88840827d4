#pragma once
// The timeline's sound: every unmuted track's clips (audio clips and the sound
// of video clips), with clip gain and track volume, summed at the project's
// sample rate in stereo float. The export uses it; so will playback, so what
// is heard is what is exported.
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
    // Mixes count sample frames from sample frame start into out (interleaved stereo).
    void mix(std::int64_t start, std::int64_t count, float* out);

  private:
    AudioDecoder* decoderFor(const Clip& clip);

    ProjectSnapshot project_;
    std::map<std::string, std::unique_ptr<AudioDecoder>> decoders_; // by clip id; null: no sound
    std::vector<float> scratch_;
};

} // namespace entropic::engine
