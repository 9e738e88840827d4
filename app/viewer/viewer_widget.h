#pragma once
// Shows the engine's frames: fit to the window or at 100 %, with the timecode,
// frame number and what the engine is doing in the corners. It displays what
// it is given and asks for nothing itself; the window connects it to a FrameFeed.
#include <QImage>
#include <QWidget>

#include "entropic/engine/media/rational.h"

namespace entropic::app {

class ViewerWidget : public QWidget {
    Q_OBJECT
  public:
    enum class Zoom { Fit, Actual };

    explicit ViewerWidget(QWidget* parent = nullptr);

    void setFrameRate(engine::Rational rate);
    void setProjectSize(QSize size);
    // The rendered image of `frame` and what it cost the engine.
    void showFrame(const QImage& image, qint64 frame, double renderMs);
    // A frame presented while playing, rendered at `scale` of the project size
    // (dynamic resolution): drawn to fill the picture, its tier in a corner.
    void showPlaybackFrame(const QImage& image, qint64 frame, double scale);
    double shownScale() const { return scale_; }
    // The frame the playhead is on, shown in the timecode even before its image arrives.
    void setCurrentFrame(qint64 frame);
    // Shown over the picture (e.g. a render error); empty clears it.
    void setMessage(const QString& message);
    // Guidance shown quietly over the picture when there is nothing to see
    // yet (an empty project says how to begin); empty clears it.
    void setHint(const QString& hint);
    QString hint() const { return hint_; }

    Zoom zoom() const { return zoom_; }
    void setZoom(Zoom zoom);
    // The size frames are worth decoding at for the current view.
    QSize displaySize() const;
    qint64 shownFrame() const { return shownFrame_; }
    const QImage& image() const { return image_; }

  Q_SIGNALS:
    void displaySizeChanged(QSize size);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

  private:
    QRect pictureRect() const;

    QImage image_;
    qint64 shownFrame_ = -1;
    qint64 currentFrame_ = 0;
    double renderMs_ = 0;
    double scale_ = 1.0;
    bool playing_ = false;
    QString message_;
    QString hint_;
    engine::Rational rate_{30, 1};
    QSize projectSize_{1920, 1080};
    Zoom zoom_ = Zoom::Fit;
};

} // namespace entropic::app
