#include "transport/transport_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

#include <initializer_list>

namespace entropic::app::transport_icons {

namespace {

// Paths on a 16 × 16 grid, scaled to the pixmap.

// A filled polygon through `points`, closed back to the first.
QPainterPath shape(std::initializer_list<QPointF> points) {
    QPainterPath p;
    p.addPolygon(QPolygonF(QList<QPointF>(points)));
    p.closeSubpath();
    return p;
}

QPainterPath triangle(double left, double right, bool pointsRight) {
    const double tip = pointsRight ? right : left, base = pointsRight ? left : right;
    return shape({{base, 3}, {tip, 8}, {base, 13}});
}

QPainterPath bar(double x, double w = 2) {
    QPainterPath p;
    p.addRect(QRectF(x, 3, w, 10));
    return p;
}

void paint(QPainter& painter, Glyph glyph, const QColor& color) {
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    switch (glyph) {
    case Glyph::Play:
        painter.drawPath(triangle(4, 13, true));
        break;
    case Glyph::Pause:
        painter.drawPath(bar(4, 3));
        painter.drawPath(bar(9, 3));
        break;
    case Glyph::Stop:
        painter.drawRect(QRectF(4, 4, 8, 8));
        break;
    case Glyph::PreviousFrame:
        painter.drawPath(bar(3));
        painter.drawPath(triangle(6, 13, false));
        break;
    case Glyph::NextFrame:
        painter.drawPath(triangle(3, 10, true));
        painter.drawPath(bar(11));
        break;
    case Glyph::ToStart:
        painter.drawPath(bar(2));
        painter.drawPath(triangle(4, 9, false));
        painter.drawPath(triangle(9, 14, false));
        break;
    case Glyph::ToEnd:
        painter.drawPath(triangle(2, 7, true));
        painter.drawPath(triangle(7, 12, true));
        painter.drawPath(bar(12));
        break;
    case Glyph::Loop: {
        // Two arcs chasing each other, arrow heads on their ends.
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(color, 1.6, Qt::SolidLine, Qt::FlatCap));
        const QRectF ring(3, 4, 10, 8);
        painter.drawArc(ring, 20 * 16, 140 * 16);
        painter.drawArc(ring, 200 * 16, 140 * 16);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPath(shape({{10.5, 2.2}, {13.8, 5.2}, {9.6, 6.4}}));
        painter.drawPath(shape({{5.5, 13.8}, {2.2, 10.8}, {6.4, 9.6}}));
        break;
    }
    case Glyph::Follow: {
        // The playhead (a line with its cap) and an arrow pulling the view along.
        painter.drawPath(shape({{3, 2}, {9, 2}, {6, 5.5}}));
        painter.drawRect(QRectF(5.3, 5, 1.4, 9));
        painter.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(8.5, 9.5), QPointF(13, 9.5));
        painter.setPen(Qt::NoPen);
        painter.drawPath(shape({{15, 9.5}, {12, 7}, {12, 12}}));
        break;
    }
    }
}

QPixmap pixmap(Glyph glyph, const QColor& color, int size) {
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter painter(&pm);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 16.0, size / 16.0);
    paint(painter, glyph, color);
    return pm;
}

} // namespace

QIcon icon(Glyph glyph, const QColor& color) {
    QIcon result;
    QColor dim = color;
    dim.setAlphaF(0.35);
    for (int size : {16, 20, 24, 32, 48}) {
        result.addPixmap(pixmap(glyph, color, size), QIcon::Normal);
        result.addPixmap(pixmap(glyph, dim, size), QIcon::Disabled);
    }
    return result;
}

} // namespace entropic::app::transport_icons
