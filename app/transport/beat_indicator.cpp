#include "transport/beat_indicator.h"

#include <algorithm>

#include <QPainter>

namespace entropic::app {

namespace {

// The bar's colours (transport_bar.cpp): the accent on the beat, a lamp
// that is visibly there but off between beats, darker still when stopped.
const QColor kLit(0xe8, 0x3e, 0x6e);
const QColor kOff(0x3a, 0x3a, 0x44);
const QColor kStopped(0x2a, 0x2a, 0x30);

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

BeatIndicator::BeatIndicator(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("beatIndicator"));
    setFixedSize(sizeHint());
    setToolTip(tr("Beat: flashes on each beat of the project tempo while playing"));
}

void BeatIndicator::setLevel(double level) {
    level = std::clamp(level, 0.0, 1.0);
    if (level == level_) return;
    level_ = level;
    if (active_) update();
}

void BeatIndicator::setActive(bool active) {
    if (active == active_) return;
    active_ = active;
    update();
}

void BeatIndicator::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor fill = active_ ? mix(kOff, kLit, level_) : kStopped;
    p.setPen(QPen(active_ ? kOff.lighter(130) : kOff, 1));
    p.setBrush(fill);
    const qreal d = std::min(width(), height()) - 6;
    p.drawEllipse(QRectF((width() - d) / 2.0, (height() - d) / 2.0, d, d));
}

} // namespace entropic::app
