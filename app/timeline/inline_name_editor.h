#pragma once
// A line edit laid over the timeline to rename a track or a marker in place:
// Enter or leaving it commits, Escape cancels. One at a time.
#include <functional>

#include <QLineEdit>

namespace entropic::app {

class InlineNameEditor : public QLineEdit {
    Q_OBJECT
  public:
    explicit InlineNameEditor(QWidget* parent);
    // Shows the editor over rect with text selected; commit gets the new text
    // (only if it changed and is not empty).
    void edit(const QRect& rect, const QString& text, std::function<void(const QString&)> commit);

  protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

  private:
    void finish(bool accept);
    QString original_;
    std::function<void(const QString&)> commit_;
};

} // namespace entropic::app
