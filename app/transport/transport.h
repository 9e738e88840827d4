#pragma once
// Where the editor is in time: the playhead every view follows. The timeline
// moves it (scrub, clicks, keys), the viewer shows its frame. Real-time
// playback (the playback issue) drives it from the audio clock through the
// same setFrame(), so nothing that listens has to change.
#include <QObject>

namespace entropic::app {

class Transport : public QObject {
    Q_OBJECT
  public:
    explicit Transport(QObject* parent = nullptr);

    qint64 frame() const { return frame_; }
    // The last frame the playhead may reach (the project's length, at least 0).
    qint64 lastFrame() const { return lastFrame_; }
    void setLastFrame(qint64 last);

  public Q_SLOTS:
    // Clamped to [0, lastFrame()]; emits frameChanged only on a change.
    void setFrame(qint64 frame);
    void step(qint64 frames) { setFrame(frame_ + frames); }
    void toStart() { setFrame(0); }
    void toEnd() { setFrame(lastFrame_); }

  Q_SIGNALS:
    void frameChanged(qint64 frame);

  private:
    qint64 frame_ = 0;
    qint64 lastFrame_ = 0;
};

} // namespace entropic::app
