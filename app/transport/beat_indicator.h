#pragma once
// The beat light on the transport bar: a round lamp that flashes on each
// beat while playing (its level from beatFlash, transport/beat_phase.h) and
// stays dim while stopped, so a performer sees the grid pads quantize to.
#include <QWidget>

namespace entropic::app {

class BeatIndicator : public QWidget {
    Q_OBJECT
  public:
    explicit BeatIndicator(QWidget* parent = nullptr);

    // 0 (dark) .. 1 (the beat itself); only shown while active.
    void setLevel(double level);
    // Inactive (stopped): dim whatever the level.
    void setActive(bool active);
    double level() const { return active_ ? level_ : 0; }
    bool active() const { return active_; }

    QSize sizeHint() const override { return {18, 18}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    double level_ = 0;
    bool active_ = false;
};

} // namespace entropic::app
