#include "window/shortcuts_dialog.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace entropic::app {

ShortcutsDialog::ShortcutsDialog(std::vector<ShortcutEntry> entries, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 620);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search actions, keys or menus"));
    search_->setClearButtonEnabled(true);
    list_ = new QTreeWidget(this);
    list_->setRootIsDecorated(false);
    list_->setHeaderLabels({tr("Action"), tr("Keys"), tr("Menu")});
    list_->setAlternatingRowColors(true);
    for (const auto& entry : entries)
        new QTreeWidgetItem(list_, {entry.action, keysText(entry.keys), entry.menu});
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list_->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(search_);
    layout->addWidget(list_);
    connect(search_, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);
}

void ShortcutsDialog::setFilter(const QString& text) {
    for (int i = 0; i < list_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = list_->topLevelItem(i);
        bool match = text.isEmpty();
        for (int column = 0; column < 3 && !match; ++column)
            match = item->text(column).contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

} // namespace entropic::app
