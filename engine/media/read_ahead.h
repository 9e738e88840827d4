#pragma once
// Decodes the frames after the one last asked for on a thread of its own
// ("entropic-readah"), so that a player's next frame is decoded and
// converted while the render thread runs effects on this one (docs/media.md,
// "Reading ahead"). It owns no decoder: `decode` continues the decoder's
// current run to a frame and never seeks, so a jump elsewhere costs what it
// did before, and the pixels are the decoder's own.
//
// Ownership of the decoder passes between the caller and the thread: the
// thread decodes only between resume() and the next take() miss or pause();
// in between, the caller may use the decoder as if the thread did not exist.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "entropic/engine/media/video_decoder.h"
#include "media/ffmpeg_util.h"

namespace entropic::engine::media {

// A frame read ahead: converted as the decoder was set when it was read, and
// the decoder's picture, so that a size change meanwhile (a resolution tier
// step) converts it again instead of seeking back to decode it again.
struct ReadFrame {
    DecodedFrame decoded;
    FramePtr source = makeFrame();
};

class ReadAhead {
  public:
    // Continues the run to frame `index` into `out`; false if the run cannot
    // deliver it without a seek, or the stream ended, or decoding failed.
    using Decode = std::function<bool(std::int64_t index, ReadFrame& out)>;

    // A frame at most this far past where the thread is reading is waited
    // for rather than decoded afresh (the decoder's own "continue" gap).
    explicit ReadAhead(Decode decode, std::int64_t waitGap);
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // Frames to keep ready ahead. 0 stops reading ahead and frees what was
    // read; reading starts again after the caller's next decode (resume).
    // The thread starts with the first depth > 0.
    void setDepth(int frames);
    int depth() const;

    // Frame `index` into `out` (swapped in, no copy) if it was read ahead or
    // is being read next; frames before it are dropped. false: it is not
    // coming, and the thread is paused until resume(): the caller owns the
    // decoder.
    bool take(std::int64_t index, ReadFrame& out);
    // The caller's decode ended on frame `next - 1`: read on from `next`.
    void resume(std::int64_t next);
    // Runs `change` (of how the decoder converts) while the thread is idle,
    // then reads on where it was; frames already read are kept.
    void whileIdle(const std::function<void()>& change);

  private:
    void run();
    // Under mutex_: stops the thread's reading and waits until it is idle.
    void pauseLocked(std::unique_lock<std::mutex>& lock);

    Decode decode_;
    std::int64_t waitGap_;

    mutable std::mutex mutex_; // guards everything below
    std::condition_variable changed_;
    int depth_ = 0;
    std::deque<ReadFrame> ready_;  // consecutive frames, oldest first
    std::vector<ReadFrame> spare_; // buffers to decode into again
    std::int64_t next_ = -1;       // the frame to read next; -1: paused
    std::int64_t inFlight_ = -1;   // the frame being decoded, -1 if none
    bool held_ = false;            // whileIdle() is changing the decoder
    bool quit_ = false;
    std::thread thread_;
};

} // namespace entropic::engine::media
