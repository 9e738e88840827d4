#pragma once
// Toasts: short notices over the bottom of the main window for what the user
// must know (engine restarting, an import refused, an export finished), each
// with an optional action button. They stack and fade on their own.
#include <QWidget>

#include <functional>

namespace entropic::app {

class ToastOverlay : public QWidget {
    Q_OBJECT
  public:
    explicit ToastOverlay(QWidget* parent);

    // timeoutMs 0: stays until closed or replaced by the same key.
    void show(const QString& text, int timeoutMs = 6000, const QString& actionText = {},
              std::function<void()> action = {}, const QString& key = {});
    void dismiss(const QString& key);
    QStringList visibleTexts() const;

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void relayout();
};

} // namespace entropic::app
