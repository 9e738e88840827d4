#pragma once
// Edit ▸ Preferences: the settings the editor reads from QSettings — how many
// undo steps the history keeps (500 by default, up to 2000) and how often
// unsaved work is written for crash recovery (60 s by default).
#include <QDialog>

class QSpinBox;

namespace entropic::app {

class Autosaver;
class HistoryPolicy;

class PreferencesDialog : public QDialog {
    Q_OBJECT
  public:
    PreferencesDialog(HistoryPolicy& history, Autosaver& autosaver, QWidget* parent = nullptr);
    // Writes the settings and applies them at once.
    void apply();

    QSpinBox* undoSteps() const { return steps_; }
    QSpinBox* autosaveSeconds() const { return autosave_; }

  private:
    HistoryPolicy& history_;
    Autosaver& autosaver_;
    QSpinBox* steps_;
    QSpinBox* autosave_;
};

} // namespace entropic::app
