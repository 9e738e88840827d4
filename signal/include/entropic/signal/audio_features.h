#pragma once
// Audio features aligned to video frames (docs/signals.md, "Extraction"):
// one value per frame n, from the samples [S(n), S(n+1)) with
// S(n) = Timing::firstSample(n, sampleRate), and from a Hann-windowed FFT
// (libavutil av_tx) of fftSize samples of the mono mix centred on that span.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "entropic/signal/spec.h"
#include "entropic/signal/timing.h"

namespace entropic::sig {

struct AudioBand {
    double lowHz = 0;
    double highHz = 0;
};

struct AudioAnalysisSettings {
    int sampleRate = 48000;
    int channels = 2; // samples are interleaved
    int rateNum = 30; // the video frame rate the values align to
    int rateDen = 1;
    int fftSize = 2048; // a power of two, 256..32768
    std::vector<AudioBand> bands;
};

struct AudioFeatures {
    Series rms;                // all channels' samples of the frame
    Series peak;               // max |sample| of the frame
    Series onset;              // spectral flux of the amplitude spectrum
    std::vector<Series> bands; // RMS of the part of the mono mix inside each band

    std::size_t frames() const { return rms.size(); }
    // The series a source of `kind` reads; audio.band uses `band` (index into
    // the settings' bands). Null for non-audio kinds or a bad band index.
    const Series* get(SourceKind kind, std::size_t band = 0) const;
};

// Consumes audio in chunks of any size and appends one value per frame as soon
// as the samples (and FFT look-ahead) for it have arrived. Results do not
// depend on how the audio is chunked. Throws SignalError on bad settings.
class AudioAnalyzer {
  public:
    explicit AudioAnalyzer(AudioAnalysisSettings settings);
    ~AudioAnalyzer();
    AudioAnalyzer(AudioAnalyzer&&) noexcept;
    AudioAnalyzer& operator=(AudioAnalyzer&&) noexcept;

    const AudioAnalysisSettings& settings() const;
    // Interleaved samples (a whole number of sample frames) in −1..1.
    void push(std::span<const float> interleaved);
    // End of the audio: completes every frame that holds at least one sample
    // (the FFT window reads silence past the end).
    void finish();
    const AudioFeatures& features() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The whole of a buffer in one call.
AudioFeatures analyzeAudio(std::span<const float> interleaved,
                           const AudioAnalysisSettings& settings);

} // namespace entropic::sig
