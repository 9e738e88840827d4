#pragma once
// A fake sound card for tests and benchmarks: nothing plays until the test
// says how many frames the "device" consumes (consume()), which pulls them on
// the caller's thread in blocks and counts them as heard. An optional latency
// keeps the last frames pulled "in the device" (pulled, not yet heard), as a
// real card's buffer does. Everything is deterministic: no threads, no time.
#include <atomic>
#include <vector>

#include "playback/audio_output.h"

namespace entropic::app {

class ManualOutput final : public AudioOutput {
  public:
    explicit ManualOutput(int blockFrames = 256, int latencyFrames = 0);

    bool open(int sampleRate, int channels, Pull pull, QString* error) override;
    bool start(QString* error = nullptr) override;
    void stop() override;
    void close() override;
    std::int64_t playedFrames() const override { return heard_.load(); }
    bool running() const override { return running_.load(); }
    bool silent() const override { return true; }
    QString deviceName() const override { return QStringLiteral("Manual test output"); }
    double latencySeconds() const override;
    int sampleRate() const override { return sampleRate_; }
    int channels() const override { return channels_; }

    // The device consumes `frames` more frames (only while started): they
    // are pulled in blocks of at most blockFrames and, `latencyFrames` later,
    // heard. Appends what was pulled to *pulled if given. Returns the frames pulled.
    std::int64_t consume(std::int64_t frames, std::vector<float>* pulled = nullptr);
    // Frames pulled so far (the next Pull's firstFrame).
    std::int64_t pulledFrames() const { return pulledCount_.load(); }

  private:
    int blockFrames_;
    int latencyFrames_;
    int sampleRate_ = 0;
    int channels_ = 0;
    Pull pull_;
    std::vector<float> block_;
    // Atomic so the getters keep AudioOutput's any-thread promise.
    std::atomic<bool> running_{false};
    std::atomic<std::int64_t> pulledCount_{0};
    std::atomic<std::int64_t> heard_{0};
};

} // namespace entropic::app
