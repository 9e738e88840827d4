#include "window/shortcut_list.h"

#include <map>

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>

namespace entropic::app {
namespace {

QString plainText(const QAction* action) {
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (text.endsWith(QChar(0x2026))) text.chop(1); // "Open…" reads "Open" in a list
    return text;
}

void collect(const QMenu* menu, const QString& path, std::vector<ShortcutEntry>& out) {
    for (QAction* action : menu->actions()) {
        if (action->menu()) {
            collect(action->menu(), path + QStringLiteral(" ▸ ") + plainText(action), out);
            continue;
        }
        if (action->isSeparator() || action->shortcuts().isEmpty()) continue;
        out.push_back({path, plainText(action), action->shortcuts(), action});
    }
}

} // namespace

std::vector<ShortcutEntry> menuShortcuts(const QMenuBar* bar) {
    std::vector<ShortcutEntry> out;
    for (QAction* top : bar->actions())
        if (top->menu()) collect(top->menu(), plainText(top), out);
    return out;
}

QStringList shortcutClashes(const std::vector<ShortcutEntry>& entries) {
    std::map<QString, QStringList> users;
    for (const auto& entry : entries)
        for (const auto& key : entry.keys)
            users[key.toString(QKeySequence::PortableText)]
                << entry.menu + QStringLiteral(" ▸ ") + entry.action;
    QStringList clashes;
    for (const auto& [key, names] : users)
        if (names.size() > 1)
            clashes << QStringLiteral("%1: %2").arg(key, names.join(QStringLiteral(", ")));
    return clashes;
}

QString keysText(const QList<QKeySequence>& keys) {
    QStringList parts;
    for (const auto& key : keys)
        parts << key.toString(QKeySequence::PortableText);
    return parts.join(QStringLiteral(" or "));
}

QString shortcutTable(const std::vector<ShortcutEntry>& entries) {
    QString table = QStringLiteral("| menu | action | keys |\n|---|---|---|\n");
    for (const auto& entry : entries) {
        QString keys = keysText(entry.keys);
        keys.replace(QLatin1Char('|'), QStringLiteral("\\|"));
        table += QStringLiteral("| %1 | %2 | %3 |\n").arg(entry.menu, entry.action, keys);
    }
    return table;
}

} // namespace entropic::app
