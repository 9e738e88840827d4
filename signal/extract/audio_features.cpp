// Audio features per video frame. Levels come from the frame's own samples;
// the spectrum from a Hann window of fftSize samples of the mono mix centred
// on the frame, transformed by libavutil's av_tx (double-precision real DFT).
#include "entropic/signal/audio_features.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numbers>
#include <string>

extern "C" {
#include <libavutil/mem.h>
#include <libavutil/tx.h>
}

#include "entropic/signal/error.h"

namespace entropic::sig {
namespace {

void checkSettings(const AudioAnalysisSettings& s) {
    auto fail = [](const std::string& m) {
        throw SignalError(errc::kOutOfRange, "audio analysis: " + m);
    };
    if (s.sampleRate < 1000 || s.sampleRate > 768000)
        fail("sample rate " + std::to_string(s.sampleRate) + " outside 1000..768000");
    if (s.channels < 1 || s.channels > 64)
        fail("channel count " + std::to_string(s.channels) + " outside 1..64");
    if (s.rateNum <= 0 || s.rateDen <= 0) fail("the frame rate must be positive");
    if (s.fftSize < 256 || s.fftSize > 32768 || (s.fftSize & (s.fftSize - 1)) != 0)
        fail("FFT size " + std::to_string(s.fftSize) + " is not a power of two in 256..32768");
    for (std::size_t i = 0; i < s.bands.size(); ++i) {
        const auto& b = s.bands[i];
        if (!(b.lowHz >= 0) || !(b.highHz >= b.lowHz) || !std::isfinite(b.highHz))
            fail("band " + std::to_string(i) + " must have 0 <= low <= high");
    }
}

struct TxDeleter {
    void operator()(AVTXContext* c) const { av_tx_uninit(&c); }
};
struct AvFree {
    void operator()(void* p) const { av_free(p); }
};

} // namespace

struct AudioAnalyzer::Impl {
    AudioAnalysisSettings s;
    Timing timing;
    int n = 0; // FFT size
    std::unique_ptr<AVTXContext, TxDeleter> tx;
    av_tx_fn transform = nullptr;
    std::unique_ptr<double, AvFree> in;
    std::unique_ptr<AVComplexDouble, AvFree> out;
    std::vector<double> window;
    double powerNorm = 0;                      // 1 / (N · Σw²): power spectrum → mean square
    double amplitudeNorm = 0;                  // 2 / Σw: |X_k| → sine amplitude
    std::vector<std::pair<int, int>> bandBins; // inclusive bin ranges (empty when first > last)
    std::vector<double> previousAmplitude;

    std::int64_t total = 0;   // sample frames received
    std::vector<double> mono; // the mono mix from sample monoBase on
    std::int64_t monoBase = 0;

    // Levels of the frame being filled, and of frames complete but not emitted.
    std::int64_t levelFrame = 0;
    std::int64_t levelEnd = 0;
    double sumSquares = 0, peak = 0;
    std::int64_t levelSamples = 0;
    std::deque<std::pair<double, double>> levels;
    bool finished = false;

    AudioFeatures features;

    std::int64_t start(std::int64_t frame) const { return timing.firstSample(frame, s.sampleRate); }
    std::int64_t centre(std::int64_t frame) const { return (start(frame) + start(frame + 1)) / 2; }

    void closeLevel() {
        const double count = static_cast<double>(levelSamples) * s.channels;
        levels.emplace_back(levelSamples > 0 ? std::sqrt(sumSquares / count) : 0.0, peak);
        sumSquares = peak = 0;
        levelSamples = 0;
        ++levelFrame;
        levelEnd = start(levelFrame + 1);
    }

    double monoAt(std::int64_t i) const {
        if (i < monoBase || i >= total) return 0.0;
        return mono[static_cast<std::size_t>(i - monoBase)];
    }

    void spectrum(std::int64_t frame) {
        const std::int64_t first = centre(frame) - n / 2;
        double* x = in.get();
        for (int j = 0; j < n; ++j)
            x[j] = monoAt(first + j) * window[static_cast<std::size_t>(j)];
        transform(tx.get(), out.get(), x, sizeof(double));
        const int half = n / 2;
        // av_tx's real DFT leaves the Nyquist bin's imaginary part unwritten
        // (it is 0 for real input): without this, whatever the allocation
        // held leaked into that bin's amplitude, and so into the first
        // frame's onset — different from run to run.
        out.get()[half].im = 0.0;
        const AVComplexDouble* X = out.get();
        for (std::size_t b = 0; b < bandBins.size(); ++b) {
            double sum = 0;
            for (int k = bandBins[b].first; k <= bandBins[b].second; ++k) {
                const double p = X[k].re * X[k].re + X[k].im * X[k].im;
                sum += (k == 0 || k == half) ? p : 2 * p; // the mirrored half of the spectrum
            }
            features.bands[b].push_back(std::sqrt(sum * powerNorm));
        }
        double flux = 0;
        for (int k = 0; k <= half; ++k) {
            const double a = std::sqrt(X[k].re * X[k].re + X[k].im * X[k].im) * amplitudeNorm;
            const double rise = a - previousAmplitude[static_cast<std::size_t>(k)];
            if (rise > 0) flux += rise;
            previousAmplitude[static_cast<std::size_t>(k)] = a;
        }
        features.onset.push_back(flux);
    }

    bool ready(std::int64_t frame) const {
        if (levels.empty()) return false;
        return finished ? start(frame) < total : total >= centre(frame) + n / 2;
    }

    void emit() {
        for (;;) {
            const auto frame = static_cast<std::int64_t>(features.frames());
            if (!ready(frame)) break;
            features.rms.push_back(levels.front().first);
            features.peak.push_back(levels.front().second);
            levels.pop_front();
            spectrum(frame);
        }
        // Samples before the next window are never read again.
        const std::int64_t keepFrom = centre(static_cast<std::int64_t>(features.frames())) - n / 2;
        const std::int64_t drop = std::min(keepFrom, total) - monoBase;
        if (drop > 1 << 16) {
            mono.erase(mono.begin(), mono.begin() + static_cast<std::ptrdiff_t>(drop));
            monoBase += drop;
        }
    }
};

AudioAnalyzer::AudioAnalyzer(AudioAnalysisSettings settings) : impl_(std::make_unique<Impl>()) {
    checkSettings(settings);
    Impl& m = *impl_;
    m.s = std::move(settings);
    m.timing.rateNum = m.s.rateNum;
    m.timing.rateDen = m.s.rateDen;
    m.n = m.s.fftSize;
    AVTXContext* ctx = nullptr;
    const double scale = 1.0;
    if (av_tx_init(&ctx, &m.transform, AV_TX_DOUBLE_RDFT, 0, m.n, &scale, 0) < 0 || !ctx)
        throw SignalError(errc::kInvalid, "audio analysis: av_tx_init failed for a " +
                                              std::to_string(m.n) + "-point real DFT");
    m.tx.reset(ctx);
    m.in.reset(static_cast<double*>(av_malloc(sizeof(double) * static_cast<std::size_t>(m.n + 2))));
    m.out.reset(static_cast<AVComplexDouble*>(
        av_malloc(sizeof(AVComplexDouble) * static_cast<std::size_t>(m.n / 2 + 1))));
    if (!m.in || !m.out) throw std::bad_alloc();
    m.window.resize(static_cast<std::size_t>(m.n));
    double sum = 0, sumSq = 0;
    for (int j = 0; j < m.n; ++j) {
        // Periodic Hann: overlapping copies sum to a constant.
        const double w = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * j / m.n);
        m.window[static_cast<std::size_t>(j)] = w;
        sum += w;
        sumSq += w * w;
    }
    m.powerNorm = 1.0 / (m.n * sumSq);
    m.amplitudeNorm = 2.0 / sum;
    const double binHz = static_cast<double>(m.s.sampleRate) / m.n;
    for (const auto& b : m.s.bands) {
        const int lo = static_cast<int>(std::clamp(std::ceil(b.lowHz / binHz), 0.0, m.n / 2.0));
        const int hi = static_cast<int>(std::clamp(std::floor(b.highHz / binHz), -1.0, m.n / 2.0));
        m.bandBins.emplace_back(lo, hi);
    }
    m.features.bands.resize(m.s.bands.size());
    m.previousAmplitude.assign(static_cast<std::size_t>(m.n / 2 + 1), 0.0);
    m.levelEnd = m.start(1);
}

AudioAnalyzer::~AudioAnalyzer() = default;
AudioAnalyzer::AudioAnalyzer(AudioAnalyzer&&) noexcept = default;
AudioAnalyzer& AudioAnalyzer::operator=(AudioAnalyzer&&) noexcept = default;

const AudioAnalysisSettings& AudioAnalyzer::settings() const {
    return impl_->s;
}
const AudioFeatures& AudioAnalyzer::features() const {
    return impl_->features;
}

void AudioAnalyzer::push(std::span<const float> interleaved) {
    Impl& m = *impl_;
    if (m.finished) throw std::logic_error("AudioAnalyzer::push after finish");
    const auto channels = static_cast<std::size_t>(m.s.channels);
    if (interleaved.size() % channels != 0)
        throw std::logic_error("AudioAnalyzer::push: not a whole number of sample frames");
    const std::size_t count = interleaved.size() / channels;
    m.mono.reserve(m.mono.size() + count);
    for (std::size_t i = 0; i < count; ++i) {
        while (m.total >= m.levelEnd)
            m.closeLevel();
        const float* frame = interleaved.data() + i * channels;
        double mix = 0;
        for (std::size_t c = 0; c < channels; ++c) {
            const double v = frame[c];
            m.sumSquares += v * v;
            m.peak = std::max(m.peak, std::abs(v));
            mix += v;
        }
        m.mono.push_back(mix / static_cast<double>(channels));
        ++m.levelSamples;
        ++m.total;
    }
    // A frame whose last sample just arrived is complete now, not at the next push.
    while (m.total >= m.levelEnd)
        m.closeLevel();
    m.emit();
}

void AudioAnalyzer::finish() {
    Impl& m = *impl_;
    if (m.finished) return;
    while (m.total >= m.levelEnd)
        m.closeLevel();
    if (m.levelSamples > 0) m.closeLevel(); // the last, partial frame
    m.finished = true;
    m.emit();
}

const Series* AudioFeatures::get(SourceKind kind, std::size_t band) const {
    switch (kind) {
    case SourceKind::AudioRms:
        return &rms;
    case SourceKind::AudioPeak:
        return &peak;
    case SourceKind::AudioOnset:
        return &onset;
    case SourceKind::AudioBand:
        return band < bands.size() ? &bands[band] : nullptr;
    default:
        return nullptr;
    }
}

AudioFeatures analyzeAudio(std::span<const float> interleaved,
                           const AudioAnalysisSettings& settings) {
    AudioAnalyzer analyzer(settings);
    analyzer.push(interleaved);
    analyzer.finish();
    return analyzer.features();
}

} // namespace entropic::sig
