#include "history/history_panel.h"

#include <QLabel>
#include <QUndoView>
#include <QVBoxLayout>

#include "model/history_policy.h"
#include "model/project_document.h"

namespace entropic::app {

HistoryPanel::HistoryPanel(ProjectDocument& doc, QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* view = new QUndoView(doc.undoStack(), this);
    view->setEmptyLabel(doc.origin());
    connect(&doc, &ProjectDocument::fileStateChanged, view,
            [view, &doc] { view->setEmptyLabel(doc.origin()); });
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: #8a8a94;"));
    note_->hide();
    layout->addWidget(view, 1);
    layout->addWidget(note_);
    connect(&doc.history(), &HistoryPolicy::spilledToDisk, this, [this](int entries, qint64 bytes) {
        note_->setText(
            tr("%1 older steps (%2 MB) were moved to disk to keep memory low; they still undo.")
                .arg(entries)
                .arg(bytes / (1024.0 * 1024.0), 0, 'f', 1));
        note_->show();
    });
}

} // namespace entropic::app
