#pragma once
// A real sound card through PortAudio (callback mode). What has been heard is
// computed the way mpv does it: each callback records the device frame number
// of its buffer and the stream time at which that buffer reaches the DAC
// (timeInfo->outputBufferDacTime); playedFrames() is that frame number plus
// the stream time elapsed since (Pa_GetStreamTime), never more than has been
// handed over. So the clock follows the sound card's own crystal and already
// accounts for the output latency.
#include <atomic>
#include <memory>

#include <QStringList>

#include "playback/audio_output.h"

typedef void PaStream; // as portaudio.h spells it; that header stays out of ours

namespace entropic::app {

class PortAudioLibrary;

class PortAudioOutput final : public AudioOutput {
  public:
    // device: a name from outputDevices(); empty: the host's default output.
    // bufferFrames: frames a callback (AudioSettings::kBufferChoices).
    explicit PortAudioOutput(QString device = {},
                             int bufferFrames = AudioSettings::kDefaultBufferFrames);
    ~PortAudioOutput() override;
    PortAudioOutput(const PortAudioOutput&) = delete;
    PortAudioOutput& operator=(const PortAudioOutput&) = delete;

    bool open(int sampleRate, int channels, Pull pull, QString* error) override;
    bool start(QString* error = nullptr) override;
    void stop() override;
    void close() override;
    std::int64_t playedFrames() const override;
    bool running() const override { return running_.load(std::memory_order_acquire); }
    bool silent() const override { return false; }
    QString deviceName() const override { return deviceName_; }
    double latencySeconds() const override { return latency_; }
    int sampleRate() const override { return sampleRate_; }
    int channels() const override { return channels_; }

    // Names of the output devices, for the preferences dialog; queried
    // without opening a stream. Empty (with *error set) if PortAudio cannot
    // start; empty without error on a machine with no sound card.
    static QStringList outputDevices(QString* error = nullptr);

  private:
    struct Callback; // PortAudio's callback trampoline (portaudio_output.cpp)
    friend struct Callback;
    void onCallback(float* out, unsigned long frames, double dacTime);
    // Frames heard at stream time now, from the last callback's record.
    std::int64_t estimate() const;

    QString requested_;
    int bufferFrames_;
    std::unique_ptr<PortAudioLibrary> library_;
    PaStream* stream_ = nullptr;
    Pull pull_;
    int sampleRate_ = 0;
    int channels_ = 0;
    QString deviceName_;
    double latency_ = 0;

    std::atomic<bool> running_{false};
    // Written by the callback, read by any thread:
    std::atomic<std::int64_t> written_{0}; // device frames handed over (next firstFrame)
    // The last callback's record, published under a sequence lock (odd while
    // being written) so a reader never pairs one buffer's frame with another's time.
    std::atomic<std::uint32_t> recordSeq_{0};
    std::atomic<std::int64_t> recordFrame_{0}; // first frame of that buffer
    std::atomic<std::int64_t> recordEnd_{0};   // one past its last frame
    std::atomic<double> recordDacTime_{0};     // stream time its first frame is heard
    std::atomic<bool> recordValid_{false};     // a callback ran since start()
    // Floor of every answer: keeps playedFrames() monotonic across threads
    // and frozen while stopped.
    mutable std::atomic<std::int64_t> heard_{0};
};

} // namespace entropic::app
