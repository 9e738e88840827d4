#include "midi/clock_follower.h"

#include "commands/edits.h"
#include "model/project_document.h"

namespace entropic::app {

void ClockFollower::setEnabled(bool on) {
    if (on && !enabled_) gestureRun_ = -1; // switching on starts a fresh undo step
    enabled_ = on;
}

void ClockFollower::handle(const MidiMessage& message, qint64 steadyNs) {
    switch (message.type) {
    case MidiMessage::Type::Start:
        clock_.start();
        return;
    case MidiMessage::Type::Clock:
        break;
    default:
        // Stop leaves the estimate as it is: senders keep the clock running
        // while stopped, and the tempo did not change by stopping.
        return;
    }
    const auto bpm = clock_.tick(steadyNs);
    if (!enabled_ || !bpm) return;
    const auto next = followedTempo(*bpm, doc_.project().tempoBpm);
    if (!next) return;
    if (gestureRun_ != clock_.run()) {
        gesture_ = edits::newGestureId();
        gestureRun_ = clock_.run();
    }
    // In range by construction (followedTempo clamps to it), so never refused.
    edits::setTempo(doc_, *next, nullptr, gesture_);
}

} // namespace entropic::app
