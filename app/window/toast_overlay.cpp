#include "window/toast_overlay.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace entropic::app {
namespace {

class Toast : public QFrame {
  public:
    Toast(const QString& text, const QString& key, QWidget* parent) : QFrame(parent), key_(key) {
        setObjectName(QStringLiteral("toast"));
        setStyleSheet(QStringLiteral(
            "QFrame#toast { background: rgba(20, 20, 24, 235); border: 1px solid #e83e6e;"
            " border-radius: 6px; } QLabel { color: #eee; }"));
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(12, 8, 8, 8);
        label_ = new QLabel(text, this);
        label_->setWordWrap(true);
        layout->addWidget(label_, 1);
        auto* close = new QPushButton(QStringLiteral("✕"), this);
        close->setFlat(true);
        close->setFixedWidth(24);
        close->setToolTip(QObject::tr("Close this notice"));
        layout->addWidget(close);
        connect(close, &QPushButton::clicked, this, &QObject::deleteLater);
    }
    QString key_;
    QLabel* label_;
};

} // namespace

ToastOverlay::ToastOverlay(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_TransparentForMouseEvents, false);
    parent->installEventFilter(this);
    relayout();
}

void ToastOverlay::show(const QString& text, int timeoutMs, const QString& actionText,
                        std::function<void()> action, const QString& key) {
    if (!key.isEmpty()) dismiss(key);
    auto* toast = new Toast(text, key, this);
    if (!actionText.isEmpty() && action) {
        auto* button = new QPushButton(actionText, toast);
        static_cast<QHBoxLayout*>(toast->layout())->insertWidget(1, button);
        connect(button, &QPushButton::clicked, toast, [toast, action] {
            action();
            toast->deleteLater();
        });
    }
    connect(toast, &QObject::destroyed, this,
            [this] { QTimer::singleShot(0, this, [this] { relayout(); }); });
    if (timeoutMs > 0) QTimer::singleShot(timeoutMs, toast, &QObject::deleteLater);
    toast->show();
    QWidget::show();
    raise();
    relayout();
}

void ToastOverlay::dismiss(const QString& key) {
    for (auto* toast : findChildren<Toast*>(QString(), Qt::FindDirectChildrenOnly))
        if (toast->key_ == key) toast->deleteLater();
}

QStringList ToastOverlay::visibleTexts() const {
    QStringList texts;
    for (auto* toast : findChildren<Toast*>(QString(), Qt::FindDirectChildrenOnly))
        texts << toast->label_->text();
    return texts;
}

bool ToastOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parent() && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        relayout();
    return QWidget::eventFilter(watched, event);
}

void ToastOverlay::relayout() {
    // The overlay covers only its toasts, so the window under it stays clickable.
    auto* host = parentWidget();
    const int width = std::max(200, std::min(460, host->width() - 32));
    const auto toasts = findChildren<Toast*>(QString(), Qt::FindDirectChildrenOnly);
    int height = 0;
    for (Toast* toast : toasts) {
        toast->setFixedWidth(width);
        toast->adjustSize();
        toast->move(0, height);
        height += toast->height() + 8;
    }
    setGeometry((host->width() - width) / 2, std::max(0, host->height() - 40 - height), width,
                height);
    if (toasts.isEmpty()) hide();
}

} // namespace entropic::app
