#include "window/dark_theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace entropic::app {

void applyDarkTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(37, 37, 42), base(26, 26, 30), text(214, 214, 220), accent(232, 62, 110);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(33, 33, 38));
    p.setColor(QPalette::ToolTipBase, QColor(50, 50, 56));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(48, 48, 54));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(90, 200, 250));
    p.setColor(QPalette::PlaceholderText, QColor(120, 120, 128));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(110, 110, 116));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(110, 110, 116));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(110, 110, 116));
    app.setPalette(p);
    app.setStyleSheet(QStringLiteral(
        "QDockWidget::title { background: #2c2c32; padding: 4px 8px; }"
        "QFrame#effectCard { background: #2b2b31; border: 1px solid #3a3a42; border-radius: 4px; }"
        "QFrame#effectCard[bypassed=\"true\"] { background: #25252a; border-color: #333; }"
        "QToolTip { border: 1px solid #4a4a52; }"));
}

} // namespace entropic::app
