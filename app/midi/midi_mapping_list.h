#pragma once
// The MIDI section of the Performance panel: which devices are open (or why
// there are none), whether MIDI learn is waiting, and every mapping of the
// project — controller, knob, the range it sweeps, invert, delete. Every
// change is one undo step (commands/midi_edits.h).
#include <vector>

#include <QStringList>
#include <QWidget>

#include "model/midi_mapping.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace entropic::app {

class MidiControl;
class ProjectDocument;

class MidiMappingList : public QWidget {
    Q_OBJECT
  public:
    enum Column { kController, kKnob, kMin, kMax, kInvert, kRemove, kColumns };
    MidiMappingList(ProjectDocument& doc, MidiControl& midi, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QLabel* status() const { return status_; }

  private:
    void refresh();
    void refreshStatus();
    void edit(int row, int column, double value);

    ProjectDocument& doc_;
    MidiControl& midi_;
    QLabel* status_ = nullptr;
    QPushButton* cancelLearn_ = nullptr;
    QTableWidget* table_ = nullptr;
    bool updating_ = false;
    // What the table shows: rebuilt only when these change (every knob move
    // changes the project, and rebuilding under the mouse would lose the edit).
    std::vector<MidiMapping> shown_;
    QStringList shownNames_;
};

} // namespace entropic::app
