#include "performance/pad_button.h"

#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QPainter>

namespace entropic::app {

PadButton::PadButton(int slot, QWidget* parent) : QWidget(parent), slot_(slot) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PadButton::setPad(const QString& name, const QColor& colour, const QString& key,
                       const QString& mode) {
    name_ = name;
    colour_ = colour;
    key_ = key;
    mode_ = mode;
    setToolTip(tr("%1 — key %2, %3. Right-click for its settings.")
                   .arg(name, key.isEmpty() ? tr("none") : key, mode));
    update();
}

void PadButton::setEmpty(const QString& defaultKey) {
    name_.clear();
    key_ = defaultKey;
    mode_.clear();
    lit_ = false;
    setToolTip(tr("Click to make a pad here"));
    update();
}

void PadButton::setLit(bool lit) {
    if (lit == lit_) return;
    lit_ = lit;
    update();
}

void PadButton::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().window());
    const QRectF box = QRectF(rect()).adjusted(2, 2, -2, -2);
    if (isEmptySlot()) {
        p.setPen(QPen(palette().mid().color(), 1, Qt::DashLine));
        p.drawRoundedRect(box, 6, 6);
        p.setPen(palette().mid().color());
        p.drawText(box, Qt::AlignCenter, QStringLiteral("+"));
        p.drawText(box.adjusted(5, 3, -5, -3), Qt::AlignRight | Qt::AlignBottom, key_);
        return;
    }
    // Off: the colour dimmed; on: the colour itself with a bright rim.
    const QColor fill = lit_ ? colour_ : colour_.darker(320);
    p.setPen(lit_ ? QPen(colour_.lighter(170), 2) : QPen(colour_.darker(160), 1));
    p.setBrush(fill);
    p.drawRoundedRect(box, 6, 6);
    const QColor text =
        lit_ && colour_.lightness() > 140 ? QColor(20, 20, 20) : QColor(235, 235, 235);
    p.setPen(text);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(box.adjusted(5, 3, -5, -3), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, name_);
    p.setFont(font());
    p.drawText(box.adjusted(5, 3, -5, -3), Qt::AlignRight | Qt::AlignBottom, key_);
    p.drawText(box.adjusted(5, 3, -5, -3), Qt::AlignLeft | Qt::AlignBottom, mode_);
}

void PadButton::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    held_ = true;
    Q_EMIT pressed(slot_);
}

void PadButton::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !held_) return QWidget::mouseReleaseEvent(event);
    held_ = false;
    Q_EMIT released(slot_);
}

void PadButton::contextMenuEvent(QContextMenuEvent* event) {
    Q_EMIT menuRequested(slot_, event->globalPos());
}

} // namespace entropic::app
