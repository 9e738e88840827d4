#pragma once
// Encodes RGBA frames and float PCM into a movie file, or a numbered series
// of PNG images, in one of the formats of export_formats.h. Where the codec
// needs even sizes (4:2:0, 4:2:2) the writer pads odd dimensions by
// repeating the last row/column.
#include <cstdint>
#include <memory>
#include <string>

#include "entropic/effects/frame.h"
#include "entropic/engine/media/rational.h"

namespace entropic::engine {

struct MovieSettings {
    std::string path; // written as given: callers write to a temporary name and rename;
                      // png_sequence: a pattern such as "dir/name_%05d.png" (numbered from 0)
    std::string format = "h264"; // an id of exportFormats()
    int width = 0;
    int height = 0;
    Rational frameRate{30, 1};
    int crf = 18;                    // formats with usesCrf: 0..crfMax
    std::string preset = "veryfast"; // formats with usesPreset (x264/x265 names)
    bool audio = true;               // ignored by formats without audio
    int sampleRate = 48000;          // of the PCM given to writeAudio
    int channels = 2;
    int threads = 0; // encoder threads, 0: automatic
};

class MovieWriter {
  public:
    // Throws EngineError (encode_failed / io_error) naming the path.
    explicit MovieWriter(const MovieSettings& settings);
    ~MovieWriter(); // without finish(), the file is left incomplete: callers delete it
    MovieWriter(const MovieWriter&) = delete;
    MovieWriter& operator=(const MovieWriter&) = delete;

    // Frames must have the settings' size; the n-th call is frame n.
    void writeVideo(fx::ConstFrameView rgba);
    // Interleaved samples, any count per call; ignored when settings.audio is
    // false. Hand audio in step with video: the muxer interleaves by time.
    void writeAudio(const float* interleaved, std::int64_t frames);
    // Flushes encoders and writes the trailer.
    void finish();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace entropic::engine
