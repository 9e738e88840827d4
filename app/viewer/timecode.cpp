#include "viewer/timecode.h"

#include <cmath>

#include <QRegularExpression>
#include <QStringList>

namespace entropic::app {

namespace {

qint64 roundedFps(engine::Rational rate) {
    return std::max<qint64>(1, std::llround(rate.toDouble()));
}

} // namespace

QString formatTimecode(qint64 frame, engine::Rational rate) {
    const qint64 fps = roundedFps(rate);
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

std::optional<qint64> parseTimecode(const QString& text, engine::Rational rate) {
    const QString t = text.trimmed();
    if (t.isEmpty()) return std::nullopt;
    const qint64 fps = roundedFps(rate);

    static const QRegularExpression frames(QStringLiteral("^\\d{1,12}$"));
    if (frames.match(t).hasMatch()) return t.toLongLong();

    // Seconds on the real grid: frame = round(seconds · num / den).
    static const QRegularExpression seconds(QStringLiteral("^(\\d{0,9}(?:\\.\\d*)?)\\s*s?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (const auto m = seconds.match(t);
        m.hasMatch() && m.captured(1) != QStringLiteral(".") && !m.captured(1).isEmpty()) {
        bool ok = false;
        const double s = m.captured(1).toDouble(&ok);
        if (!ok || rate.den <= 0) return std::nullopt;
        return std::llround(s * static_cast<double>(rate.num) / static_cast<double>(rate.den));
    }

    static const QRegularExpression timecode(QStringLiteral("^\\d{1,4}([:;]\\d{1,2}){1,3}$"));
    if (!timecode.match(t).hasMatch()) return std::nullopt;
    const QStringList parts = t.split(QRegularExpression(QStringLiteral("[:;]")));
    // From the right: frames, seconds, minutes, hours.
    const qint64 limits[] = {fps, 60, 60};
    const qint64 scale[] = {1, fps, 60 * fps, 3600 * fps};
    qint64 frame = 0;
    for (int i = 0; i < parts.size(); ++i) {
        const qint64 v = parts[parts.size() - 1 - i].toLongLong();
        if (i < 3 && i < parts.size() - 1 && v >= limits[i]) return std::nullopt;
        if (i == 0 && v >= fps) return std::nullopt;
        frame += v * scale[i];
    }
    return frame;
}

} // namespace entropic::app
