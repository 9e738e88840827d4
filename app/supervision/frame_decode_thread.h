#pragma once
// Turns a rendered frame in the ring into a QImage, off the UI thread
// ("frame-decode"). JPEG decoding is most of the cost of showing a frame
// (docs/architecture.md), so it never runs on the UI thread, the ring is mapped
// once per engine (a new ring name means a new engine), and a view smaller
// than the frame gets libjpeg-turbo's scaled decode.
//
// Two modes. Newest (the paused viewer): coalesced like the renders, a job
// that has not started yet is replaced by a newer one, so a slow decode never
// builds a queue of stale frames. InOrder (playback): every job is decoded in
// the order posted — the presenter posts only frames still ahead of the clock.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <QImage>
#include <QSize>

#include "supervision/worker_thread.h"

namespace entropic::app {

struct DecodeJob {
    std::string ring;
    std::uint32_t slot = 0;
    std::uint64_t sequence = 0;
    int scaleDenom = 1; // 1, 2, 4 or 8
    // Carried back untouched, for the caller.
    qint64 frame = 0;
    QSize viewSize;
    QString hash;
    double renderMs = 0;
    bool retried = false;
    std::uint32_t session = 0; // playback session (InOrder mode)
};

struct DecodeResult {
    enum class Status {
        Decoded,
        Overwritten, // the slot was rewritten before it could be read
        Failed,      // no ring, or a corrupt JPEG (error says which)
    };
    Status status = Status::Failed;
    DecodeJob job;
    QImage image; // Format_RGBX8888 (the engine's frames are opaque)
    QString error;
};

class FrameDecodeThread {
  public:
    // Called on the decode thread.
    using Deliver = std::function<void(DecodeResult result)>;

    enum class Mode { Newest, InOrder };

    explicit FrameDecodeThread(Deliver deliver, Mode mode = Mode::Newest);
    ~FrameDecodeThread(); // waits for the decode in progress (bounded: no engine involved)
    FrameDecodeThread(const FrameDecodeThread&) = delete;
    FrameDecodeThread& operator=(const FrameDecodeThread&) = delete;

    void post(DecodeJob job);
    // Drops the jobs not started yet.
    void clear();

  private:
    struct Shared;
    std::shared_ptr<Shared> shared_;
    std::unique_ptr<WorkerThread> thread_;
};

} // namespace entropic::app
