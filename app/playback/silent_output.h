#pragma once
// The output when there is no sound card (CI, a headless box, a device that
// failed to open): nothing is audible, and a steady clock decides how many
// frames have been "heard" — elapsed running time × sample rate, exactly.
// It still pulls those frames, in blocks from its own thread
// ("entropic-silent"), keeping one block ahead of the clock as a device
// keeps its buffer full, so the feed and its counters behave as with a card.
//
// The time source is injectable so a test can step time by hand; by default
// it is std::chrono::steady_clock.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "playback/audio_output.h"

namespace entropic::app {

class SilentOutput final : public AudioOutput {
  public:
    using Now = std::function<std::chrono::nanoseconds()>; // monotonic
    static std::chrono::nanoseconds steadyNow();

    // reason: why there is no sound, shown in deviceName() ("No audio device (reason)").
    explicit SilentOutput(QString reason = {},
                          int blockFrames = AudioSettings::kDefaultBufferFrames,
                          Now now = &SilentOutput::steadyNow);
    ~SilentOutput() override;
    SilentOutput(const SilentOutput&) = delete;
    SilentOutput& operator=(const SilentOutput&) = delete;

    bool open(int sampleRate, int channels, Pull pull, QString* error) override;
    bool start(QString* error = nullptr) override;
    void stop() override;
    void close() override;
    std::int64_t playedFrames() const override;
    bool running() const override;
    bool silent() const override { return true; }
    QString deviceName() const override;
    // One block: what is pulled ahead of the clock.
    double latencySeconds() const override;
    int sampleRate() const override { return sampleRate_; }
    int channels() const override { return channels_; }

    // Frames pulled so far (the next Pull's firstFrame), for tests.
    std::int64_t pulledFrames() const;

  private:
    void run();
    std::int64_t playedLocked() const; // with lock_ held

    QString reason_;
    int blockFrames_;
    Now now_;
    int sampleRate_ = 0;
    int channels_ = 0;
    Pull pull_;
    std::vector<float> block_;

    mutable std::mutex lock_; // guards everything below; never held during a Pull
    std::condition_variable wake_;
    bool running_ = false;
    bool quit_ = false;
    std::int64_t heardBase_ = 0; // frames heard before the current run
    std::chrono::nanoseconds startedAt_{0};
    std::int64_t pulled_ = 0;
    std::thread thread_;
};

} // namespace entropic::app
