#pragma once
// A small live plot of one signal over the timeline's visible range (values
// from SignalValues, 0..1 unless the signal leaves it), with the playhead and
// the current value. Read-only: clicking it moves nothing.
#include <string>

#include <QWidget>

namespace entropic::app {

class SignalValues;

class SignalPlot : public QWidget {
    Q_OBJECT
  public:
    SignalPlot(SignalValues& values, std::string nodeId, QWidget* parent = nullptr);
    QSize sizeHint() const override { return {260, 56}; }
    QSize minimumSizeHint() const override { return {80, 40}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    SignalValues& values_;
    std::string nodeId_;
};

} // namespace entropic::app
