#include "performance/pad_keys.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWindow>

namespace entropic::app {

namespace {

bool isTextInput(const QWidget* w) {
    if (!w) return false;
    if (qobject_cast<const QLineEdit*>(w) || qobject_cast<const QTextEdit*>(w) ||
        qobject_cast<const QPlainTextEdit*>(w) || qobject_cast<const QAbstractSpinBox*>(w))
        return true;
    const auto* combo = qobject_cast<const QComboBox*>(w);
    return combo && combo->isEditable();
}

} // namespace

PadKeys::PadKeys(QWidget* serves, std::function<int(const QString&)> padForKey, QObject* parent)
    : QObject(parent), serves_(serves), padForKey_(std::move(padForKey)) {}

QString PadKeys::keyText(const QKeyEvent& event) {
    const int key = event.key();
    if (key == 0 || key == Qt::Key_unknown || key >= Qt::Key_Shift) return {};
    return QKeySequence(key).toString(QKeySequence::PortableText);
}

// The widget a key event is for: itself, or for a window (key events and
// shortcut overrides reach the QWindow first when no widget has focus) the
// top-level widget it shows.
static const QWidget* widgetOf(QObject* watched) {
    if (const auto* widget = qobject_cast<QWidget*>(watched)) return widget;
    if (!watched || !watched->isWindowType()) return nullptr;
    for (const QWidget* top : QApplication::topLevelWidgets())
        if (static_cast<QObject*>(top->windowHandle()) == watched) return top;
    return nullptr;
}

bool PadKeys::takes(QObject* watched, const QKeyEvent& event) const {
    const auto* widget = widgetOf(watched);
    if (!widget || !serves_) return false;
    if (event.modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    const QWidget* top = widget->window();
    if (top != serves_->window() && !qobject_cast<const QMainWindow*>(top)) return false;
    return !isTextInput(QApplication::focusWidget()) && !isTextInput(widget);
}

bool PadKeys::eventFilter(QObject* watched, QEvent* event) {
    const auto type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease && type != QEvent::ShortcutOverride)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (type == QEvent::KeyRelease) {
        // A release ends a hit whatever has focus now.
        if (!widgetOf(watched)) return false;
        const int pad = padForKey_(keyText(*key));
        if (pad < 0 || !held_.count(pad)) return false;
        if (!key->isAutoRepeat()) {
            held_.erase(pad);
            Q_EMIT padReleased(pad);
        }
        return true;
    }
    if (!takes(watched, *key)) return false;
    const int pad = padForKey_(keyText(*key));
    if (pad < 0) return false;
    if (type == QEvent::ShortcutOverride) {
        // Accepting the override keeps a shortcut on the same key from firing,
        // so the key press comes here.
        if (!keysWinShortcuts_) return false;
        key->accept();
        return true;
    }
    if (!key->isAutoRepeat() && held_.insert(pad).second) Q_EMIT padPressed(pad);
    return true;
}

} // namespace entropic::app
