#pragma once
// THE master clock of playback (docs/architecture.md): the timeline sample the
// listener is hearing, derived only from what the audio output has played —
// never from a timer, so video follows the sound and cannot drift from it.
//
//   position = wrap(startSample + rate × (playedFrames − playedAtStart))
//
// computed by timelineSampleAt (play_mapping.h), the same function the audio
// feed uses to choose what to play, so what is heard is where the clock says.
// Paused, the position is frozen exactly where it stopped.
//
// The clock does not start or stop the device: the owner (audio_playback.h)
// does, and tells the clock. Not synchronized: drive and read it from one
// thread (the UI thread). Another thread can follow the same clock with a
// copy of mapping() and AudioOutput::playedFrames(), which are thread-safe.
#include <cstdint>
#include <optional>

#include "entropic/engine/media/rational.h"
#include "playback/play_mapping.h"

namespace entropic::app {

class AudioOutput;

class PlaybackClock {
  public:
    // sampleRate: of the timeline samples (the project's), which is also the
    // output's frame rate.
    PlaybackClock(const AudioOutput& output, int sampleRate);

    // Plays from timelineSample at rate (1 forward, 2 and 4 fast, negative
    // backwards; 0 holds still) from the frame the output is playing now.
    // With a loop set, a start outside it moves to the loop's start (its end
    // when playing backwards).
    void start(std::int64_t timelineSample, double rate = 1.0);
    // Freezes the position where it is now.
    void pause();
    // Jumps: playing, the mapping restarts at sample from now; paused, the
    // frozen position moves there.
    void seek(std::int64_t sample);
    // Loops playback over [in, out) (nullopt or an empty range: no loop).
    // Playing, restarts the mapping at the current position (moved into the
    // loop if it is outside); paused, moves the frozen position likewise.
    void setLoop(std::optional<LoopRange> loop);

    bool playing() const { return playing_; }
    double rate() const { return mapping_.rate; }
    std::optional<LoopRange> loop() const { return mapping_.loop; }
    int sampleRate() const { return sampleRate_; }
    // What the feed must play: device frame → timeline sample. Meaningful
    // while playing; paused, the anchor is where playing would resume.
    const PlayMapping& mapping() const { return mapping_; }

    // The timeline sample being heard (may run before 0 or past the project's
    // end; stopping there is the player's call).
    std::int64_t position() const;
    double positionSeconds() const { return static_cast<double>(position()) / sampleRate_; }
    // The timeline frame being heard at frameRate: the frame whose samples,
    // as the mixer divides them (frameToSample), contain position().
    std::int64_t frame(engine::Rational frameRate) const {
        return sampleToFrame(position(), sampleRate_, frameRate);
    }

    // First sample of a frame, rounded down: AudioMixer::sampleAtFrame's rule.
    static std::int64_t frameToSample(std::int64_t frame, int sampleRate,
                                      engine::Rational frameRate);
    // The frame containing a sample under that rule (exact inverse at frame starts).
    static std::int64_t sampleToFrame(std::int64_t sample, int sampleRate,
                                      engine::Rational frameRate);

  private:
    void anchorAt(std::int64_t sample, double rate);

    const AudioOutput& output_;
    int sampleRate_;
    PlayMapping mapping_;
    bool playing_ = false;
    std::int64_t frozen_ = 0; // the position while paused
};

} // namespace entropic::app
