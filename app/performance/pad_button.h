#pragma once
// One pad of the grid: its colour, name and key, lit while its gate is on.
// A slot without a pad shows "+" and the key a pad made there gets. Mouse
// press and release play the pad like its key.
#include <QWidget>

namespace entropic::app {

class PadButton : public QWidget {
    Q_OBJECT
  public:
    explicit PadButton(int slot, QWidget* parent = nullptr);

    int slot() const { return slot_; }
    // empty name: an empty slot.
    void setPad(const QString& name, const QColor& colour, const QString& key, const QString& mode);
    void setEmpty(const QString& defaultKey);
    void setLit(bool lit);
    bool isLit() const { return lit_; }
    bool isEmptySlot() const { return name_.isEmpty(); }
    QString name() const { return name_; }
    QString key() const { return key_; }
    QString mode() const { return mode_; }

    QSize sizeHint() const override { return {72, 56}; }
    QSize minimumSizeHint() const override { return {40, 32}; }

  Q_SIGNALS:
    void pressed(int slot);
    void released(int slot);
    void menuRequested(int slot, const QPoint& globalPos);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

  private:
    int slot_;
    QString name_, key_, mode_;
    QColor colour_;
    bool lit_ = false;
    bool held_ = false;
};

} // namespace entropic::app
