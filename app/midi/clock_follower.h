#pragma once
// MIDI clock driving the project tempo, when the preference says so
// (MidiControl::kFollowClockKey, "Follow MIDI clock" in Edit ▸ Preferences ▸
// MIDI). MidiControl hands it Clock, Start and Stop; it estimates the tempo
// (midi/midi_clock.h) all the time, and while following sets the project
// tempo to the estimate rounded to 0.1 BPM whenever it moves by 0.1 or
// more. Each run of the clock (from Start, or after a gap) is one gesture,
// so a whole run of tempo changes is one undo step, not one per change.
#include <QtGlobal>

#include "midi/midi_clock.h"
#include "midi/midi_message.h"

namespace entropic::app {

class ProjectDocument;

class ClockFollower {
  public:
    explicit ClockFollower(ProjectDocument& doc) : doc_(doc) {}

    void setEnabled(bool on);
    bool enabled() const { return enabled_; }
    // Clock, Start and Stop; other messages are ignored.
    void handle(const MidiMessage& message, qint64 steadyNs);
    const MidiClock& clock() const { return clock_; }

  private:
    ProjectDocument& doc_;
    MidiClock clock_;
    bool enabled_ = false;
    int gesture_ = 0;
    int gestureRun_ = -1; // the clock run gesture_ belongs to
};

} // namespace entropic::app
