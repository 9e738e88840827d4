#pragma once
// Sample-accurate audio as interleaved float PCM at a fixed rate and layout
// (swresample does the conversion), from any position.
#include <cstdint>
#include <memory>
#include <string>

namespace entropic::engine {

class AudioDecoder {
  public:
    // streamOrdinal picks among the file's audio streams (0: the first).
    // Throws EngineError naming the file if it cannot be opened or has no audio.
    AudioDecoder(const std::string& path, int sampleRate = 48000, int channels = 2,
                 int streamOrdinal = 0);
    ~AudioDecoder();
    AudioDecoder(const AudioDecoder&) = delete;
    AudioDecoder& operator=(const AudioDecoder&) = delete;

    int sampleRate() const;
    int channels() const;
    // Length in sample frames at the output rate.
    std::int64_t length() const;

    // Fills out with count sample frames (count * channels floats) starting at
    // sample frame start. Positions before 0 or past the end read as silence.
    // The same position always yields the same samples, however it was reached.
    void read(std::int64_t start, std::int64_t count, float* out);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace entropic::engine
