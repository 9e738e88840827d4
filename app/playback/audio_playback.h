#pragma once
// The sound side of the player in one object: opens the output (PortAudio,
// or silence when there is no device), feeds it from the timeline
// (audio_feed.h) and keeps the master clock (playback_clock.h) in step with
// what the feed plays. The video side asks position() and shows that frame.
//
// The output is opened at the first play and reopened at a later play when
// the audio settings (Preferences) changed — settings apply on the next play.
// When the device cannot open or start, playback goes on silently and
// notice() holds the one line to show in the status bar.
//
// Plain C++, used from one thread (the UI thread).
#include <functional>
#include <memory>
#include <optional>

#include <QString>

#include "entropic/engine/project/project.h"
#include "playback/audio_feed.h"
#include "playback/audio_output.h"
#include "playback/playback_clock.h"

namespace entropic::app {

class AudioPlayback {
  public:
    // How the output is made and where the settings come from; the defaults
    // are the real ones (openAudioOutput, QSettings). Tests pass a ManualOutput.
    using OutputFactory = std::function<std::unique_ptr<AudioOutput>(
        const AudioSettings&, int rate, int channels, AudioOutput::Pull, QString* notice)>;
    using SettingsSource = std::function<AudioSettings()>;

    explicit AudioPlayback(OutputFactory open = &openAudioOutput,
                           SettingsSource settings = &AudioSettings::load);
    ~AudioPlayback();
    AudioPlayback(const AudioPlayback&) = delete;
    AudioPlayback& operator=(const AudioPlayback&) = delete;

    // The project to hear. Sound edits reach the speakers within the feed's
    // lead (~150 ms) without a dropout; a new sample rate reopens the output.
    void setProject(engine::ProjectSnapshot project);

    // Plays from timeline sample `sample` at `rate` (1 forward; 2, 4, −1, ...
    // shuttle silently). While playing, changes place or rate at once.
    // Starting from stopped waits (≤ 100 ms) for the first mixed block so the
    // sound starts with the clock. False only without a project.
    bool play(std::int64_t sample, double rate = 1.0);
    // Freezes sound and clock where the listener is.
    void pause();
    void seek(std::int64_t sample);
    void setLoop(std::optional<LoopRange> loop);

    bool playing() const { return clock_ && clock_->playing(); }
    // The timeline sample being heard (the master clock).
    std::int64_t position() const;
    std::int64_t frame(engine::Rational frameRate) const;
    int sampleRate() const { return project_ ? project_->sampleRate : 48000; }

    // One line for the status bar about the output ("No audio device — playing
    // silently (...)"), empty while a device plays.
    QString notice() const { return notice_; }
    // Null until the first play.
    const AudioOutput* output() const { return output_.get(); }
    const AudioFeed* feed() const { return feed_.get(); }
    const PlaybackClock* clock() const { return clock_.get(); }

  private:
    // Opens output, feed and clock if missing or if the settings or sample
    // rate changed (only while stopped), keeping the position and loop.
    void ensureOpen();
    void closeOutput();
    // The device failed to start: the same feed on a silent output.
    void fallBackToSilence(const QString& why);
    void startOutput(std::int64_t sample, double rate);

    OutputFactory open_;
    SettingsSource settings_;
    engine::ProjectSnapshot project_;
    AudioSettings openedWith_;
    std::optional<LoopRange> loop_;
    std::int64_t parked_ = 0; // the position while no clock exists
    QString notice_;
    // Destroyed in reverse order: the clock reads the output, the output pulls from the feed.
    std::unique_ptr<AudioFeed> feed_;
    std::unique_ptr<AudioOutput> output_;
    std::unique_ptr<PlaybackClock> clock_;
};

} // namespace entropic::app
