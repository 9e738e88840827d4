#include "transport/automation_mode_box.h"

#include <QSignalBlocker>

#include "performance/automation_recorder.h"

namespace entropic::app {

AutomationModeBox::AutomationModeBox(AutomationRecorder& recorder, QWidget* parent)
    : QComboBox(parent) {
    setObjectName(QStringLiteral("automationMode"));
    // In AutomationMode order: the index is the mode.
    addItem(tr("Auto: Off"));
    addItem(tr("Auto: Latch"));
    addItem(tr("Auto: Touch"));
    setToolTip(tr("Record knob moves into automation while playing. Latch: a parameter is "
                  "written from its first move until stop. Touch: only while its knob is held "
                  "or moving. At stop the take is one undo step"));
    setFocusPolicy(Qt::NoFocus); // the transport's keys stay the transport's
    setCurrentIndex(static_cast<int>(recorder.mode()));
    connect(this, &QComboBox::currentIndexChanged, &recorder,
            [&recorder](int index) { recorder.setMode(static_cast<AutomationMode>(index)); });
    connect(&recorder, &AutomationRecorder::modeChanged, this, [this](AutomationMode mode) {
        const QSignalBlocker block(this);
        setCurrentIndex(static_cast<int>(mode));
    });
}

} // namespace entropic::app
