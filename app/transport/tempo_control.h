#pragma once
// The project tempo on the transport bar: a box to type it in (each change
// one undo step) and a Tap button. Tapping — the button, or Playback ▸ Tap
// Tempo (Shift+T) — sets the tempo from the average interval of the recent
// taps (transport/tempo_tap.h) from the second tap on, rounded to 0.1 BPM as
// the box shows it; a whole run of taps is one undo step, and a pause of more
// than two seconds starts the next run.
//
// The box follows the project (an undo, a MIDI clock, a loaded file) except
// while it has the focus, so what the user is typing is never overwritten.
#include <QElapsedTimer>
#include <QWidget>

#include "transport/tempo_tap.h"

class QAction;
class QDoubleSpinBox;
class QToolButton;

namespace entropic::app {

class ProjectDocument;

class TempoControl : public QWidget {
    Q_OBJECT
  public:
    explicit TempoControl(ProjectDocument& doc, QWidget* parent = nullptr);

    // A tap now (steady clock).
    void tap();
    // A tap at a steady time, for tests: what tap() does with its clock.
    void tapAt(qint64 steadyNs);
    // The window's Tap Tempo action: the button's tooltip names its shortcut.
    void setTapAction(QAction* action);

    QDoubleSpinBox* box() const { return box_; }
    QToolButton* tapButton() const { return tapButton_; }

  Q_SIGNALS:
    // An edit was refused (worded for the user).
    void notice(const QString& text);

  private:
    void showTempo();
    void updateTapTip();

    ProjectDocument& doc_;
    QDoubleSpinBox* box_ = nullptr;
    QToolButton* tapButton_ = nullptr;
    QAction* tapAction_ = nullptr;
    TempoTap taps_;
    int tapGesture_ = 0;
    QElapsedTimer clock_;
};

} // namespace entropic::app
