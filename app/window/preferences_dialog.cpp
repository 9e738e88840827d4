#include "window/preferences_dialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include "midi/midi_control.h"
#include "model/autosaver.h"
#include "model/history_policy.h"
#include "playback/audio_settings.h"
#include "playback/cache_monitor.h"
#include "playback/portaudio_output.h"
#include "supervision/frame_feed.h"
#include "timeline/timeline_widget.h"

namespace entropic::app {

PreferencesDialog::PreferencesDialog(HistoryPolicy& history, Autosaver& autosaver,
                                     CacheMonitor* cache, QWidget* parent, MidiControl* midi,
                                     FrameFeed* feed)
    : QDialog(parent), history_(history), autosaver_(autosaver), cache_(cache), midi_(midi),
      feed_(feed) {
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(this);
    steps_ = new QSpinBox(this);
    steps_->setRange(1, HistoryPolicy::kMaxStepLimit);
    steps_->setValue(history.stepLimit());
    steps_->setSuffix(tr(" steps"));
    steps_->setToolTip(tr(
        "How many edits can be undone. Deleting a track or clearing the timeline is always kept."));
    form->addRow(tr("Undo history"), steps_);
    autosave_ = new QSpinBox(this);
    autosave_->setRange(10, 3600);
    autosave_->setValue(static_cast<int>(autosaver.interval().count() / 1000));
    autosave_->setSuffix(tr(" s"));
    autosave_->setToolTip(tr("How often unsaved work is written to a recovery file"));
    form->addRow(tr("Autosave every"), autosave_);
    form->addRow(new QLabel(tr("<b>Timeline</b>"), this));
    linkSound_ = new QCheckBox(tr("Put a dropped video's sound on an audio track, linked"), this);
    linkSound_->setChecked(TimelineWidget::linkSoundOnDrop());
    linkSound_->setToolTip(
        tr("On: the sound becomes its own clip on an audio track below, moved, trimmed, "
           "split and deleted with the video (Unlink on the clip's menu parts them). "
           "Off: the sound stays inside the video clip."));
    form->addRow(tr("Video with sound"), linkSound_);
    addAudioSection(form);
    form->addRow(new QLabel(tr("<b>Playback</b>"), this));
    cacheMb_ = new QSpinBox(this);
    cacheMb_->setRange(0, CacheMonitor::kMaxBudgetMb);
    cacheMb_->setSingleStep(256);
    cacheMb_->setValue(CacheMonitor::budgetMb());
    cacheMb_->setSuffix(tr(" MB"));
    cacheMb_->setSpecialValueText(tr("Off"));
    cacheMb_->setToolTip(
        tr("RAM for rendered frames (the green bar on the timeline): a cached range "
           "plays smoothly however heavy its effects. Applies at once."));
    form->addRow(tr("Frame cache"), cacheMb_);
    scrubProxies_ = new QCheckBox(tr("Show scrub proxies while the playhead moves"), this);
    scrubProxies_->setChecked(FrameFeed::scrubProxiesSetting());
    scrubProxies_->setToolTip(
        tr("The engine makes a small all-intra copy of each video on idle cores; a dragged "
           "playhead shows it at once, and the exact frame as soon as the playhead rests. "
           "Export never uses it. Applies at once."));
    form->addRow(tr("Scrubbing"), scrubProxies_);
    addMidiSection(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PreferencesDialog::addAudioSection(QFormLayout* form) {
    auto* heading = new QLabel(tr("<b>Audio</b>"), this);
    form->addRow(heading);
    const AudioSettings current = AudioSettings::load();
    const QString appliesLater = tr("Applies the next time playback starts.");

    audioDevice_ = new QComboBox(this);
    audioDevice_->addItem(tr("Default"), QString());
    // Listed without opening a stream, so a busy device still shows.
    QString error;
    for (const QString& name : PortAudioOutput::outputDevices(&error))
        audioDevice_->addItem(name, name);
    if (!current.device.isEmpty() && audioDevice_->findData(current.device) < 0)
        audioDevice_->addItem(tr("%1 (not connected)").arg(current.device), current.device);
    audioDevice_->setCurrentIndex(std::max(0, audioDevice_->findData(current.device)));
    audioDevice_->setToolTip(
        (error.isEmpty() ? tr("Where playback is heard. Without a device, playback runs silently.")
                         : error) +
        QLatin1Char('\n') + appliesLater);
    form->addRow(tr("Output device"), audioDevice_);

    audioBuffer_ = new QComboBox(this);
    for (const int frames : AudioSettings::kBufferChoices)
        audioBuffer_->addItem(tr("%1 frames").arg(frames), frames);
    audioBuffer_->setCurrentIndex(std::max(0, audioBuffer_->findData(current.bufferFrames)));
    audioBuffer_->setToolTip(tr("Smaller answers sooner; larger plays without crackles on a busy "
                                "machine.") +
                             QLatin1Char('\n') + appliesLater);
    form->addRow(tr("Buffer size"), audioBuffer_);
}

void PreferencesDialog::addMidiSection(QFormLayout* form) {
    form->addRow(new QLabel(tr("<b>MIDI</b>"), this));
    const QSettings settings;
    midiApi_ = new QComboBox(this);
    midiApi_->addItem(tr("ALSA and JACK"), QStringLiteral("auto"));
    midiApi_->addItem(tr("ALSA sequencer"), QStringLiteral("alsa"));
    midiApi_->addItem(tr("JACK"), QStringLiteral("jack"));
    midiApi_->setCurrentIndex(std::max(
        0, midiApi_->findData(settings.value(QLatin1String(MidiControl::kApiKey)).toString())));
    form->addRow(tr("MIDI system"), midiApi_);
    midiDevice_ = new QComboBox(this);
    midiDevice_->addItem(tr("All devices"), QString());
    midiDevice_->addItem(tr("None (MIDI off)"), QStringLiteral("none"));
    const QString current = settings.value(QLatin1String(MidiControl::kDeviceKey)).toString();
    QStringList devices = midi_ ? midi_->input().devices() : QStringList{};
    if (!current.isEmpty() && current != QLatin1String("none") && !devices.contains(current))
        devices << current; // chosen before, not connected now: kept, not lost
    for (const QString& d : devices)
        midiDevice_->addItem(d, d);
    midiDevice_->setCurrentIndex(std::max(0, midiDevice_->findData(current)));
    midiDevice_->setToolTip(tr("Where pads' notes and mapped controllers come from. Devices "
                               "plugged in later are picked up within a second."));
    form->addRow(tr("MIDI input"), midiDevice_);
    followClock_ = new QCheckBox(tr("Follow MIDI clock"), this);
    followClock_->setObjectName(QStringLiteral("followMidiClock"));
    followClock_->setChecked(settings.value(QLatin1String(MidiControl::kFollowClockKey)).toBool());
    followClock_->setToolTip(
        tr("On: a MIDI clock from the input (24 ticks a beat, from a sequencer or drum machine) "
           "sets the project tempo, to 0.1 BPM; each run of the clock is one undo step."));
    form->addRow(tr("Tempo"), followClock_);
}

void PreferencesDialog::apply() {
    HistoryPolicy::saveStepLimitSetting(steps_->value());
    history_.loadSettings();
    QSettings().setValue(QString::fromLatin1(Autosaver::kIntervalKey), autosave_->value());
    autosaver_.loadSettings();
    QSettings().setValue(QLatin1String(TimelineWidget::kLinkSoundKey), linkSound_->isChecked());
    AudioSettings audio;
    audio.device = audioDevice_->currentData().toString();
    audio.bufferFrames = audioBuffer_->currentData().toInt();
    audio.save();
    if (cache_)
        cache_->setBudgetMb(cacheMb_->value());
    else
        QSettings().setValue(QLatin1String(CacheMonitor::kBudgetKey), cacheMb_->value());
    QSettings().setValue(QLatin1String(FrameFeed::kScrubProxiesKey), scrubProxies_->isChecked());
    if (feed_) feed_->setScrubProxies(scrubProxies_->isChecked());
    QSettings midi;
    const bool midiChanged =
        midi.value(QLatin1String(MidiControl::kApiKey)).toString() != midiApi_->currentData() ||
        midi.value(QLatin1String(MidiControl::kDeviceKey)).toString() != midiDevice_->currentData();
    midi.setValue(QLatin1String(MidiControl::kApiKey), midiApi_->currentData().toString());
    midi.setValue(QLatin1String(MidiControl::kDeviceKey), midiDevice_->currentData().toString());
    midi.setValue(QLatin1String(MidiControl::kFollowClockKey), followClock_->isChecked());
    if (midi_ && midiChanged) midi_->startFromSettings();
    if (midi_) midi_->clockFollower().setEnabled(followClock_->isChecked());
}

} // namespace entropic::app
