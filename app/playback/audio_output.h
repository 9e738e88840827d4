#pragma once
// The sound device behind one interface (docs/architecture.md): PortAudio on a
// real card (portaudio_output.h), a silent output paced by a steady clock when
// there is none (silent_output.h), and a fake the tests drive by hand
// (manual_output.h). Whatever plays, its count of frames heard is the master
// clock of playback (playback_clock.h).
//
// Frames are counted in the output's own numbering: "device frames", starting
// at 0 when the output opens. Every frame handed to the output has a number
// (the firstFrame of a Pull); playedFrames() says how far the listener has
// heard in that same numbering.
//
// Threads: open/start/stop/close from one controlling thread (the UI thread);
// playedFrames() and the other getters from any thread; Pull runs on the
// device's thread.
#include <cstdint>
#include <functional>
#include <memory>

#include <QString>

#include "playback/audio_settings.h"

namespace entropic::app {

class AudioOutput {
  public:
    // Fills `frames` sample frames of interleaved float (channels() values a
    // frame, nominally in [-1, 1]) that will be heard as device frames
    // firstFrame, firstFrame + 1, ... Called on the device's thread: it must be
    // real-time safe (no blocking lock, no allocation, no I/O) and must fill
    // every value; the output plays whatever it leaves.
    using Pull = std::function<void(float* interleaved, int frames, std::int64_t firstFrame)>;

    virtual ~AudioOutput() = default;

    // Prepares the device at sampleRate with channels; does not start it.
    // False, with a one-line reason in *error, if the device cannot be used.
    virtual bool open(int sampleRate, int channels, Pull pull, QString* error) = 0;
    // Starts (or resumes) pulling and playing. The first Pull after a start
    // gets firstFrame == playedFrames(). False, with a reason, on failure.
    virtual bool start(QString* error = nullptr) = 0;
    // Pauses at once. Frames handed over but not yet heard are dropped:
    // playedFrames() freezes at what was heard, and the next start() continues
    // numbering from there. No Pull runs once stop() returns.
    virtual void stop() = 0;
    // Stops and releases the device; open() may be called again.
    virtual void close() = 0;

    // Device frames the listener has heard since open(): frames handed to the
    // device minus those still in its latency. Never decreases; frozen while
    // stopped. Safe from any thread.
    virtual std::int64_t playedFrames() const = 0;

    virtual bool running() const = 0;
    // True when nothing is audible (no device: the clock is a steady clock).
    virtual bool silent() const = 0;
    // The device in words, e.g. "HDA Intel PCH: ALC892 Analog (hw:0,0)" or
    // "No audio device".
    virtual QString deviceName() const = 0;
    // From a frame's Pull to its being heard, as the device reports it.
    virtual double latencySeconds() const = 0;
    virtual int sampleRate() const = 0;
    virtual int channels() const = 0;
};

// False, with the reason in *error, unless both are positive: what every
// output's open() checks first.
bool checkAudioFormat(int sampleRate, int channels, QString* error);

// The output playback uses: PortAudio on settings.device (empty: the
// default), with settings.bufferFrames a callback, opened at rate and
// channels. If that fails (no device, CI, headless, a device gone), a
// SilentOutput takes its place and *notice gets one line for the status bar,
// e.g. "No audio device — playing silently (Invalid device)"; with a device,
// *notice is cleared. Never throws, never shows a dialog; the result is
// always open (not started).
std::unique_ptr<AudioOutput> openAudioOutput(const AudioSettings& settings, int rate, int channels,
                                             AudioOutput::Pull pull, QString* notice);

} // namespace entropic::app
