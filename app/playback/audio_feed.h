#pragma once
// Fills the sound device from the timeline. A feeder thread ("entropic-feed")
// mixes ahead of the device (150 ms by default) with the engine's AudioMixer —
// the very class the export uses, so what is heard is what is exported — into
// a lock-free single-producer/single-consumer ring; the device's Pull (fill())
// copies from it. Audio never waits: if the ring runs dry, the device plays
// zeros and the shortfall is counted (underflowFrames()).
//
// What to play comes from the clock's PlayMapping (play_mapping.h): the ring
// holds frames by device frame number, and the frame numbered d carries
// timeline sample timelineSampleAt(mapping, d) — the same function the clock
// reports the position with. So after an underflow the sound resumes in step
// with the clock (the missed part is skipped, not played late), and a loop
// wraps at exactly the sample the clock wraps at.
//
// Rates: at rate 1 the mixed sound; at any other rate (2×, 4×, reverse — the
// J/K/L shuttle) silence, while the frames are still consumed and the clock
// still moves. Pitch-shifted or reversed sound is not attempted.
//
// Threads: fill() on the device's thread — real-time safe: no lock, no
// allocation, only atomics and a copy. Everything else from the controlling
// thread. The mixer lives on the feeder thread only.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "entropic/engine/project/project.h"
#include "playback/audio_output.h"
#include "playback/play_mapping.h"

namespace entropic::engine {
class AudioMixer;
}

namespace entropic::app {

class AudioFeed {
  public:
    static constexpr int kChannels = 2; // AudioMixer::kChannels: the mixer is stereo

    struct Options {
        std::chrono::milliseconds ahead{150}; // how far the feeder mixes ahead of the device
        int blockFrames = 1024;               // frames mixed at a time
    };

    // Plays project's sound at its sample rate (which the device must run at).
    explicit AudioFeed(engine::ProjectSnapshot project);
    AudioFeed(engine::ProjectSnapshot project, Options options);
    ~AudioFeed();
    AudioFeed(const AudioFeed&) = delete;
    AudioFeed& operator=(const AudioFeed&) = delete;

    int sampleRate() const { return sampleRate_; }
    // The Pull to open the output with: calls fill().
    AudioOutput::Pull pull();
    // The device's side: frames numbered firstFrame.. from the ring, zeros
    // where the ring has nothing (yet). Real-time safe.
    void fill(float* out, int frames, std::int64_t firstFrame);

    // A new project. If its sound differs (tracks, clips, gains, mute, solo,
    // sources), frames mixed from now on use it; the ~ahead already buffered
    // still plays the old sound — no flush, so editing while playing never
    // drops out. Edits that change only pictures cost nothing here. The
    // sample rate is fixed for the feed's life (a new rate needs a new feed).
    void setProject(engine::ProjectSnapshot project);

    // While the output runs: play mapping from now. Buffered frames are
    // dropped; the device gets zeros (not counted as underflow) until the
    // feeder has mixed from the new mapping, typically one device buffer.
    void follow(const PlayMapping& mapping);
    // While the output is stopped (no fill() can run): play mapping, the next
    // fill() starting at device frame nextFrame (AudioOutput::playedFrames()
    // after a stop). The feeder starts mixing at once, so a start can wait
    // for waitBuffered() and begin with sound.
    void restart(const PlayMapping& mapping, std::int64_t nextFrame);

    // Frames mixed for the current mapping and not yet taken by the device.
    std::int64_t bufferedFrames() const;
    // Waits until at least `frames` are buffered (capped at the ahead size),
    // up to timeout. False on timeout.
    bool waitBuffered(std::int64_t frames, std::chrono::milliseconds timeout) const;

    // Frames the device had to play as zeros because the ring was dry, and
    // how many times that happened, since construction.
    std::int64_t underflowFrames() const {
        return underflowFrames_.load(std::memory_order_relaxed);
    }
    std::int64_t underflows() const { return underflows_.load(std::memory_order_relaxed); }
    // The last mixing failure (e.g. a source file gone), empty if none. The
    // failing block plays as silence; playback goes on.
    std::string error() const;

    // Stops (true) or resumes the feeder, as if the mixer stalled: for tests
    // and benchmarks of underflow handling.
    void setStalled(bool stalled);

  private:
    void run();
    // Feeder side: adopt a pending epoch once the device side has let go of the old one.
    bool adoptEpoch(std::uint64_t epoch);
    // Feeder side: mixes one block if there is room; false if there was none.
    bool produceBlock();
    void render(std::int64_t firstFrame, int frames, float* out);
    void adoptProject(engine::ProjectSnapshot project);
    void recordError(const std::string& message);

    int sampleRate_;
    Options options_;
    std::int64_t aheadFrames_;
    std::int64_t capacity_; // ring size in frames, a power of two
    std::vector<float> ring_;

    // Shared between the control thread and the feeder, under lock_.
    mutable std::mutex lock_;
    std::condition_variable wake_;
    bool quit_ = false;
    bool stalled_ = false;
    engine::ProjectSnapshot pendingProject_; // null: none pending
    PlayMapping requestedMapping_;
    std::string error_;

    // Epochs: every follow()/restart() is a new epoch (from 1; 0 means
    // nothing to play yet); data in the ring
    // belongs to dataEpoch_. The device side acknowledges a requested epoch
    // at the top of fill() and from then on reads nothing of the old one; the
    // feeder reuses the ring only after that acknowledgement.
    std::atomic<std::uint64_t> requestedEpoch_{0}; // control → device
    std::atomic<std::uint64_t> ackEpoch_{0};       // device → feeder
    std::atomic<std::uint64_t> dataEpoch_{0};      // feeder → device
    std::atomic<std::int64_t> dataStart_{0};       // first device frame of dataEpoch_'s data
    std::atomic<std::int64_t> writeEnd_{0};        // feeder: one past the last frame written
    std::atomic<std::int64_t> readEnd_{0};         // device: one past the last frame taken
    std::atomic<std::int64_t> underflowFrames_{0};
    std::atomic<std::int64_t> underflows_{0};

    // Feeder thread only.
    std::unique_ptr<engine::AudioMixer> mixer_;
    engine::ProjectSnapshot mixedProject_; // what mixer_ was made from
    PlayMapping mapping_;
    std::uint64_t producingEpoch_ = 0; // 0: nothing to play yet
    std::vector<float> scratch_;

    std::thread thread_;
};

} // namespace entropic::app
