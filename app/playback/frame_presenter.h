#pragma once
// Puts the engine's playback frames on screen at the audio clock's pace. On
// every tick of the player it looks at the ring's slot headers (no copy) for
// frames of the current session that are still ahead of the clock, decodes
// them in order off the UI thread, and presents the one due now — so a frame
// is usually decoded before its time comes and shown on time. Late frames are
// dropped by the PresentSchedule; the last picture stays up.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include "playback/present_schedule.h"

namespace entropic::ipc {
class FrameRingReader;
}

namespace entropic::app {

class FrameDecodeThread;
class UiMailbox;
struct DecodeResult;

class FramePresenter : public QObject {
    Q_OBJECT
  public:
    struct Session {
        QString ring;
        std::uint32_t id = 0;
        int direction = 1;
        std::optional<engine::PlayLoop> loop;
        int lookahead = 2;       // frames ahead of the clock worth decoding
        int projectWidth = 1920; // to tell the resolution tier of a frame
        QSize viewSize;          // decode smaller for a small view
    };
    using Position = std::function<double()>; // the clock, in timeline frames

    explicit FramePresenter(Position position, QObject* parent = nullptr);
    ~FramePresenter() override;

    void begin(const Session& session);
    void end();
    bool active() const { return active_; }
    // Looks at the ring and the clock; shows the due frame if it is ready.
    void tick();

    const PresentSchedule::Stats& stats() const { return schedule_.stats(); }
    // Decoded frames waiting for their time (and the one on screen, if kept).
    int readyFrames() const { return static_cast<int>(ready_.size()); }

  Q_SIGNALS:
    // scale: the frame's size relative to the project (1, 0.75, 0.5, 0.25).
    void present(const QImage& image, qint64 frame, double scale);

  private:
    void scan(double position);
    void onDecoded(const DecodeResult& result);
    void showDue(double position);

    Position position_;
    std::shared_ptr<UiMailbox> mailbox_;
    std::unique_ptr<FrameDecodeThread> decoder_;
    std::unique_ptr<ipc::FrameRingReader> ring_;
    QString ringName_;
    Session session_;
    PresentSchedule schedule_;
    std::set<std::uint64_t> posted_;                          // ring sequences sent to the decoder
    std::map<std::int64_t, std::pair<QImage, double>> ready_; // decoded, by frame: image, scale
    bool active_ = false;
};

} // namespace entropic::app
