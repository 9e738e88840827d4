#include "viewer/timecode.h"

#include <cmath>

namespace entropic::app {

QString formatTimecode(qint64 frame, engine::Rational rate) {
    const qint64 fps = std::max<qint64>(1, std::llround(rate.toDouble()));
    const bool negative = frame < 0;
    frame = std::abs(frame);
    const qint64 ff = frame % fps;
    const qint64 totalSeconds = frame / fps;
    return QStringLiteral("%1%2:%3:%4:%5")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(totalSeconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((totalSeconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(totalSeconds % 60, 2, 10, QLatin1Char('0'))
        .arg(ff, 2, 10, QLatin1Char('0'));
}

} // namespace entropic::app
