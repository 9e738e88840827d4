#pragma once
// The history (docs/architecture.md): every entry of the undo stack; clicking one
// jumps there, and a new edit after a jump cuts the redo branch (QUndoStack's
// rule). Shows when old entries were moved to disk.
#include <QWidget>

class QLabel;

namespace entropic::app {

class ProjectDocument;

class HistoryPanel : public QWidget {
    Q_OBJECT
  public:
    explicit HistoryPanel(ProjectDocument& doc, QWidget* parent = nullptr);

  private:
    QLabel* note_;
};

} // namespace entropic::app
