#include "modulation/signal_plot.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPath>

#include "modulation/signal_values.h"
#include "timeline/timeline_palette.h"
#include "transport/transport.h"

namespace entropic::app {

SignalPlot::SignalPlot(SignalValues& values, std::string nodeId, QWidget* parent)
    : QWidget(parent), values_(values), nodeId_(std::move(nodeId)) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(56);
    connect(&values_, &SignalValues::updated, this, qOverload<>(&QWidget::update));
}

void SignalPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.fillRect(rect(), palette::kAutomationLane);
    p.setPen(palette::kLaneSeparator);
    p.drawRect(box);

    const qint64 first = values_.visibleFirst();
    const qint64 end = std::max(first + 1, values_.visibleEnd());
    const double span = static_cast<double>(end - first);
    // Scaled to what the signal reaches in view (from 0, or below it): a
    // quiet band's kicks are as readable as an LFO's full swing.
    double lo = 0, hi = 0.05;
    const int w = std::max(1, width());
    for (int x = 0; x < w; ++x)
        if (auto v = values_.signal(nodeId_, first + static_cast<qint64>(x * span / w))) {
            lo = std::min(lo, *v);
            hi = std::max(hi, *v);
        }
    const auto yOf = [&](double v) {
        return box.bottom() - 3 - (v - lo) / (hi - lo) * (box.height() - 6);
    };

    p.setPen(QPen(palette::kLaneOdd, 1, Qt::DashLine));
    p.drawLine(QPointF(box.left(), yOf(0.5 * (lo + hi))),
               QPointF(box.right(), yOf(0.5 * (lo + hi))));

    // One point per pixel column (the frame under it), so a long view stays cheap.
    QPainterPath path;
    bool open = false;
    for (int x = 0; x < w; ++x) {
        const auto v = values_.signal(nodeId_, first + static_cast<qint64>(x * span / w));
        if (!v) {
            open = false;
            continue;
        }
        const QPointF pt(x, yOf(*v));
        if (open)
            path.lineTo(pt);
        else
            path.moveTo(pt);
        open = true;
    }
    p.setPen(QPen(palette::kModulation, 1.4));
    p.drawPath(path);

    const qint64 playhead = values_.transport().frame();
    if (playhead >= first && playhead < end) {
        const double x = (playhead - first) * w / span;
        p.setPen(palette::kPlayhead);
        p.drawLine(QPointF(x, box.top()), QPointF(x, box.bottom()));
    }
    p.setPen(palette::kDimText);
    const auto now = values_.signal(nodeId_, playhead);
    const QString label =
        now ? QString::number(*now, 'f', 3)
            : (values_.error().isEmpty() ? QStringLiteral("…") : QStringLiteral("!"));
    p.drawText(box.adjusted(4, 2, -4, -2), Qt::AlignTop | Qt::AlignRight, label);
}

} // namespace entropic::app
