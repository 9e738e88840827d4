#pragma once
// The automation-record mode on the transport bar (docs/performance.md,
// "Recording knob moves"): Off, Latch or Touch, following the recorder both
// ways, so the box and the Playback menu always show the same mode.
#include <QComboBox>

namespace entropic::app {

class AutomationRecorder;

class AutomationModeBox : public QComboBox {
    Q_OBJECT
  public:
    explicit AutomationModeBox(AutomationRecorder& recorder, QWidget* parent = nullptr);
};

} // namespace entropic::app
