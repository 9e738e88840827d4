#include "timeline/inline_name_editor.h"

#include <QKeyEvent>

namespace entropic::app {

InlineNameEditor::InlineNameEditor(QWidget* parent) : QLineEdit(parent) {
    hide();
    setStyleSheet(QStringLiteral(
        "QLineEdit { background: #15161a; color: #f0f0f0; border: 1px solid #ffb238; }"));
}

void InlineNameEditor::edit(const QRect& rect, const QString& text,
                            std::function<void(const QString&)> commit) {
    if (isVisible()) finish(true);
    original_ = text;
    commit_ = std::move(commit);
    setGeometry(rect);
    setText(text);
    selectAll();
    show();
    raise();
    setFocus(Qt::OtherFocusReason);
}

void InlineNameEditor::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) return finish(true);
    if (event->key() == Qt::Key_Escape) return finish(false);
    QLineEdit::keyPressEvent(event);
}

void InlineNameEditor::focusOutEvent(QFocusEvent* event) {
    QLineEdit::focusOutEvent(event);
    if (isVisible()) finish(true);
}

void InlineNameEditor::finish(bool accept) {
    auto commit = std::move(commit_);
    commit_ = nullptr;
    const QString name = text().trimmed();
    hide(); // before committing: the commit repaints and may start another edit
    if (parentWidget()) parentWidget()->setFocus(Qt::OtherFocusReason);
    if (accept && commit && !name.isEmpty() && name != original_) commit(name);
}

} // namespace entropic::app
