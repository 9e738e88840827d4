#include "transport/tempo_control.h"

#include <algorithm>
#include <cmath>

#include <QAction>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QToolButton>

#include "commands/edits.h"
#include "model/project_document.h"

namespace entropic::app {

namespace {

// The box shows one decimal; a tapped tempo is stored as shown, so what the
// user reads is exactly what the project holds.
double roundedTempo(double bpm) {
    return std::clamp(std::round(bpm * 10.0) / 10.0, edits::kMinTempoBpm, edits::kMaxTempoBpm);
}

} // namespace

TempoControl::TempoControl(ProjectDocument& doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("tempoControl"));
    clock_.start();

    box_ = new QDoubleSpinBox(this);
    box_->setObjectName(QStringLiteral("tempo"));
    box_->setRange(edits::kMinTempoBpm, edits::kMaxTempoBpm);
    box_->setDecimals(1);
    box_->setSuffix(tr(" BPM"));
    box_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Only Enter, leaving the box or an arrow step is a change: typing "128"
    // is one edit, not three.
    box_->setKeyboardTracking(false);
    box_->setToolTip(tr("Project tempo in beats a minute: the beat grid of quantize, one-shot "
                        "lengths in beats and beat-synced modulation. Type it, or tap it."));
    connect(box_, &QDoubleSpinBox::valueChanged, this, [this](double bpm) {
        QString error;
        if (!edits::setTempo(doc_, bpm, &error)) {
            Q_EMIT notice(error);
            showTempo();
        }
    });
    // Enter gives the keys back to the window (Space plays again, as after
    // the timecode), and the box shows the project's value, which another
    // source (MIDI clock, an undo) may have changed while it held the focus.
    connect(box_, &QDoubleSpinBox::editingFinished, this, [this] {
        if (box_->hasFocus()) box_->clearFocus();
        showTempo();
    });

    tapButton_ = new QToolButton(this);
    tapButton_->setObjectName(QStringLiteral("tapTempo"));
    tapButton_->setText(tr("Tap"));
    tapButton_->setFocusPolicy(Qt::NoFocus); // a tap never takes the keys away
    connect(tapButton_, &QToolButton::pressed, this, &TempoControl::tap);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    row->addWidget(box_);
    row->addWidget(tapButton_);

    connect(&doc_, &ProjectDocument::changed, this, [this] {
        if (!box_->hasFocus()) showTempo();
    });
    showTempo();
    updateTapTip();
}

void TempoControl::tap() {
    tapAt(clock_.nsecsElapsed());
}

void TempoControl::tapAt(qint64 steadyNs) {
    const TempoTap::Result result = taps_.tap(steadyNs);
    if (result.newRun) tapGesture_ = edits::newGestureId();
    if (!result.bpm) return;
    QString error;
    if (!edits::setTempo(doc_, roundedTempo(*result.bpm), &error, tapGesture_))
        Q_EMIT notice(error);
}

void TempoControl::setTapAction(QAction* action) {
    tapAction_ = action;
    if (action)
        connect(action, &QAction::changed, this, &TempoControl::updateTapTip, Qt::UniqueConnection);
    updateTapTip();
}

void TempoControl::showTempo() {
    const QSignalBlocker block(box_);
    box_->setValue(doc_.project().tempoBpm);
}

void TempoControl::updateTapTip() {
    QString tip = tr("Tap tempo: tap on the beat; from the second tap the tempo follows the "
                     "average of the recent taps. A two-second pause starts over.");
    if (tapAction_ && !tapAction_->shortcut().isEmpty())
        tip +=
            QStringLiteral(" (%1)").arg(tapAction_->shortcut().toString(QKeySequence::NativeText));
    tapButton_->setToolTip(tip);
}

} // namespace entropic::app
