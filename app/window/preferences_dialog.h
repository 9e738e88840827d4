#pragma once
// Edit ▸ Preferences: the settings the editor reads from QSettings — how many
// undo steps the history keeps (500 by default, up to 2000), how often
// unsaved work is written for crash recovery (60 s by default), and the audio
// output: device and buffer size (playback/audio_settings.h; they apply on
// the next play), and the RAM the engine keeps rendered frames in (the green
// bar; applies at once), whether a dropped video's sound goes onto an
// audio track as a linked clip (TimelineWidget::kLinkSoundKey), and the MIDI
// input: API and device, and whether MIDI clock drives the project tempo
// (MidiControl's keys; applies at once), and whether a dragged playhead
// shows scrub proxies first (FrameFeed::kScrubProxiesKey; applies at once).
#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QSpinBox;

namespace entropic::app {

class Autosaver;
class CacheMonitor;
class FrameFeed;
class HistoryPolicy;
class MidiControl;

class PreferencesDialog : public QDialog {
    Q_OBJECT
  public:
    // cache: the engine's frame cache, told its new budget on apply (null: only
    // saved); midi: restarted with the chosen input on apply (null: only saved).
    // feed: the viewer's, told to use scrub proxies or not on apply (null: only saved).
    PreferencesDialog(HistoryPolicy& history, Autosaver& autosaver, CacheMonitor* cache = nullptr,
                      QWidget* parent = nullptr, MidiControl* midi = nullptr,
                      FrameFeed* feed = nullptr);
    // Writes the settings and applies them at once.
    void apply();

    QSpinBox* undoSteps() const { return steps_; }
    QSpinBox* autosaveSeconds() const { return autosave_; }
    // Item data: the device name ("" for the default) and the frames a buffer.
    QComboBox* audioDevice() const { return audioDevice_; }
    QComboBox* audioBufferFrames() const { return audioBuffer_; }
    QSpinBox* cacheMb() const { return cacheMb_; }
    QCheckBox* linkSound() const { return linkSound_; }
    // Item data: "auto" / "alsa" / "jack"; and "" (all), "none" or a device name.
    QComboBox* midiApi() const { return midiApi_; }
    QComboBox* midiDevice() const { return midiDevice_; }
    QCheckBox* followMidiClock() const { return followClock_; }
    QCheckBox* scrubProxies() const { return scrubProxies_; }

  private:
    void addAudioSection(QFormLayout* form);
    void addMidiSection(QFormLayout* form);

    HistoryPolicy& history_;
    Autosaver& autosaver_;
    CacheMonitor* cache_;
    MidiControl* midi_;
    FrameFeed* feed_;
    QCheckBox* scrubProxies_ = nullptr;
    QComboBox* midiApi_ = nullptr;
    QComboBox* midiDevice_ = nullptr;
    QCheckBox* followClock_ = nullptr;
    QSpinBox* cacheMb_ = nullptr;
    QSpinBox* steps_;
    QSpinBox* autosave_;
    QComboBox* audioDevice_ = nullptr;
    QComboBox* audioBuffer_ = nullptr;
    QCheckBox* linkSound_ = nullptr;
};

} // namespace entropic::app
