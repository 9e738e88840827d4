#include "viewer/viewer_widget.h"

#include <QPainter>
#include <QResizeEvent>

#include "viewer/timecode.h"

namespace entropic::app {

ViewerWidget::ViewerWidget(QWidget* parent) : QWidget(parent) {
    setMinimumSize(160, 90);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Double-click: fit to window / 100 %"));
    // A click on the picture takes the keys from a search or name box, so
    // pad keys and shortcuts play again without hunting for a neutral spot.
    setFocusPolicy(Qt::ClickFocus);
}

void ViewerWidget::setFrameRate(engine::Rational rate) {
    rate_ = rate;
    update();
}

void ViewerWidget::setProjectSize(QSize size) {
    if (size == projectSize_) return;
    projectSize_ = size;
    Q_EMIT displaySizeChanged(displaySize());
    update();
}

void ViewerWidget::showFrame(const QImage& image, qint64 frame, double renderMs) {
    image_ = image;
    shownFrame_ = frame;
    renderMs_ = renderMs;
    scale_ = 1.0; // a paused frame is always full resolution
    playing_ = false;
    update();
}

void ViewerWidget::showPlaybackFrame(const QImage& image, qint64 frame, double scale) {
    image_ = image;
    shownFrame_ = frame;
    currentFrame_ = frame;
    scale_ = scale;
    playing_ = true;
    update();
}

void ViewerWidget::setCurrentFrame(qint64 frame) {
    currentFrame_ = frame;
    update();
}

void ViewerWidget::setMessage(const QString& message) {
    message_ = message;
    update();
}

void ViewerWidget::setZoom(Zoom zoom) {
    zoom_ = zoom;
    Q_EMIT displaySizeChanged(displaySize());
    update();
}

QSize ViewerWidget::displaySize() const {
    if (zoom_ == Zoom::Actual) return projectSize_;
    return projectSize_.scaled(size(), Qt::KeepAspectRatio).boundedTo(projectSize_);
}

QRect ViewerWidget::pictureRect() const {
    const QSize shown =
        zoom_ == Zoom::Actual ? projectSize_ : projectSize_.scaled(size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
}

void ViewerWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(12, 12, 14));
    const QRect target = pictureRect();
    if (!image_.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, target.size() != image_.size());
        p.drawImage(target, image_);
    } else {
        p.fillRect(target, Qt::black);
    }

    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    mono.setPointSizeF(9.5);
    p.setFont(mono);
    const QString timecode = QStringLiteral("%1   frame %2")
                                 .arg(formatTimecode(currentFrame_, rate_))
                                 .arg(currentFrame_);
    const QRect band(0, 0, width(), p.fontMetrics().height() + 8);
    p.fillRect(band, QColor(0, 0, 0, 150));
    p.setPen(QColor(225, 225, 230));
    p.drawText(band.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, timecode);
    QString right = zoom_ == Zoom::Fit ? tr("Fit") : QStringLiteral("100 %");
    if (playing_)
        right = tr("playing  ·  %1").arg(right);
    else if (shownFrame_ >= 0)
        right = tr("%1 ms  ·  %2").arg(renderMs_, 0, 'f', 1).arg(right);
    p.drawText(band.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignRight, right);

    if (playing_ && scale_ < 0.999) {
        // Dynamic resolution: say so, or the artist blames the effect for the blur.
        const QString tier = tr("%1 %").arg(qRound(scale_ * 100));
        const QRect badge(8, height() - p.fontMetrics().height() - 16,
                          p.fontMetrics().horizontalAdvance(tier) + 16,
                          p.fontMetrics().height() + 8);
        p.fillRect(badge, QColor(150, 90, 0, 210));
        p.setPen(QColor(255, 240, 210));
        p.drawText(badge, Qt::AlignCenter, tier);
    }

    if (!hint_.isEmpty() && message_.isEmpty()) {
        QFont font = this->font();
        font.setPointSizeF(font.pointSizeF() * 1.15);
        p.setFont(font);
        p.setPen(QColor(170, 170, 182));
        p.drawText(target.adjusted(32, 32, -32, -32), Qt::AlignCenter | Qt::TextWordWrap, hint_);
    }

    if (!message_.isEmpty()) {
        QRect box = rect().adjusted(24, 0, -24, 0);
        box.setTop(height() / 2 - 40);
        box.setHeight(80);
        p.fillRect(box, QColor(60, 10, 16, 220));
        p.setPen(QColor(255, 220, 220));
        p.drawText(box.adjusted(12, 6, -12, -6), Qt::AlignCenter | Qt::TextWordWrap, message_);
    }
}

void ViewerWidget::setHint(const QString& hint) {
    if (hint == hint_) return;
    hint_ = hint;
    update();
}

void ViewerWidget::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    Q_EMIT displaySizeChanged(displaySize());
}

void ViewerWidget::mouseDoubleClickEvent(QMouseEvent*) {
    setZoom(zoom_ == Zoom::Fit ? Zoom::Actual : Zoom::Fit);
}

} // namespace entropic::app
