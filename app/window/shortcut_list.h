#pragma once
// The editor's keyboard shortcuts, read from the actions themselves: the menus
// are the one source. The Help ▸ Keyboard Shortcuts list, `entropic
// --list-shortcuts` and docs/editor.md's table (checked by a test) all come
// from here, so none of them can drift from what the keys really do.
#include <vector>

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>

class QAction;
class QMenuBar;

namespace entropic::app {

struct ShortcutEntry {
    QString menu;   // "Edit", "Playback"
    QString action; // the menu text without its mnemonic: "Redo"
    QList<QKeySequence> keys;
    QAction* source = nullptr;
};

// Every action with a shortcut reachable from `bar` (submenus included), in
// menu order.
std::vector<ShortcutEntry> menuShortcuts(const QMenuBar* bar);

// One line per key sequence bound to more than one action ("Ctrl+Shift+Z:
// Redo, Redo"): empty when every key does one thing.
QStringList shortcutClashes(const std::vector<ShortcutEntry>& entries);

// Keys as docs and tooltips spell them: "Ctrl+Shift+Z or Ctrl+Y".
QString keysText(const QList<QKeySequence>& keys);

// The markdown table of docs/editor.md's Shortcuts section.
QString shortcutTable(const std::vector<ShortcutEntry>& entries);

} // namespace entropic::app
