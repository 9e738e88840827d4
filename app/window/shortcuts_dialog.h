#pragma once
// Help ▸ Keyboard Shortcuts: every shortcut of the menus, searchable by action,
// key or menu. Built from the actions when opened, so it is always true.
#include <vector>

#include <QDialog>

#include "window/shortcut_list.h"

class QLineEdit;
class QTreeWidget;

namespace entropic::app {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
  public:
    ShortcutsDialog(std::vector<ShortcutEntry> entries, QWidget* parent = nullptr);

    // Shows only the rows whose action, keys or menu contain `text`.
    void setFilter(const QString& text);
    QTreeWidget* list() const { return list_; }

  private:
    QLineEdit* search_;
    QTreeWidget* list_;
};

} // namespace entropic::app
