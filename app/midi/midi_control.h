#pragma once
// What MIDI does in the editor (docs/performance.md): controllers turn the
// knobs they are mapped to (with soft takeover, each run of moves one undo
// step), notes play the pads that learned them (velocity/127 as the hit's
// velocity; the Performance panel listens to padNote), and MIDI learn maps
// the next controller moved to a knob, or the next note played to a pad;
// MIDI clock sets the tempo when the preferences say so (ClockFollower).
// Messages come from MidiInput, or from handle() directly in tests.
#include <map>
#include <optional>
#include <string>

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include "entropic/signal/spec.h"
#include "midi/clock_follower.h"
#include "midi/midi_input.h"
#include "midi/soft_takeover.h"
#include "model/midi_mapping.h"

class QMenu;

namespace entropic::app {

class AutomationRecorder;
class ProjectDocument;

class MidiControl : public QObject {
    Q_OBJECT
  public:
    // QSettings keys of the preferences: "auto" / "alsa" / "jack", and the
    // device ("" all, "none" off, else a name from MidiInput::devices()).
    static constexpr const char* kApiKey = "midi/api";
    static constexpr const char* kDeviceKey = "midi/device";
    // Whether incoming MIDI clock sets the project tempo (false by default).
    static constexpr const char* kFollowClockKey = "midi/followClock";
    // A pause longer than this starts a new undo step for a controller.
    static constexpr int kGesturePauseMs = 1000;

    explicit MidiControl(ProjectDocument& doc, QObject* parent = nullptr);

    MidiInput& input() { return input_; }
    // Starts (or restarts) the input as the preferences say, and reads
    // whether MIDI clock drives the tempo.
    void startFromSettings();
    ClockFollower& clockFollower() { return clockFollower_; }

    void handle(const MidiMessage& message, qint64 steadyNs = 0);
    // While it records (playing, a mode on), controller moves of effect
    // parameters are written into their lanes being recorded instead of
    // their base values; soft takeover then compares with the lane's value.
    void setRecorder(AutomationRecorder* recorder) { recorder_ = recorder; }

    void learnKnob(const MidiTarget& target);
    void learnPad(const QString& laneId);
    void cancelLearn();
    bool learning() const { return learnKnob_.has_value() || !learnPad_.isEmpty(); }
    // The knob menu entries (knob_menu.h).
    void addLearnEntries(QMenu& menu, const MidiTarget& target);
    // The mapping turning `target`, or -1.
    int mappingFor(const MidiTarget& target) const;

  Q_SIGNALS:
    void padNote(int channel, int note, double velocity, qint64 steadyNs);
    void padNoteOff(int channel, int note);
    void notice(const QString& text);
    void learningChanged(bool learning);

  private:
    void controller(const MidiMessage& message);
    void learnController(const MidiMessage& message);
    void learnNote(const MidiMessage& message);
    // The lane a mapping's moves are recorded into now, if any.
    std::optional<sig::ParamTarget> recordedTarget(const MidiTarget& target) const;

    struct Follow {
        SoftTakeover takeover;
        int gesture = 0;
        qint64 lastMoveMs = -1;
    };

    ProjectDocument& doc_;
    AutomationRecorder* recorder_ = nullptr;
    MidiInput input_;
    std::optional<MidiTarget> learnKnob_;
    QString learnPad_;
    std::map<std::string, Follow> follow_; // by mapping (controller, channel, knob)
    QElapsedTimer clock_;
    ClockFollower clockFollower_;
};

} // namespace entropic::app
