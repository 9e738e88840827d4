#include "transport/transport.h"

#include <algorithm>

namespace entropic::app {

Transport::Transport(QObject* parent) : QObject(parent) {}

void Transport::setLastFrame(qint64 last) {
    lastFrame_ = std::max<qint64>(0, last);
    if (frame_ > lastFrame_) setFrame(lastFrame_);
}

void Transport::setFrame(qint64 frame) {
    frame = std::clamp<qint64>(frame, 0, lastFrame_);
    if (frame == frame_) return;
    frame_ = frame;
    Q_EMIT frameChanged(frame_);
}

} // namespace entropic::app
