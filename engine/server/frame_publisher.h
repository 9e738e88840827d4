#pragma once
// Compresses playback frames and puts them in the frame ring on a thread of
// its own ("entropic-jpeg"): the JPEG of frame N is made while frame N+1
// renders, the third stage of the playback pipeline (decode ahead, effects,
// publish; docs/benchmarks.md, "Playback").
//
// One frame is in flight at a time: publish() waits for the previous one, so
// the render thread feels the JPEG only when it is the slower stage. Anyone
// else writing the ring (render_frame, frames from the cache) drains first,
// so the ring keeps one writer at a time.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/ipc/frame_ring.h"
#include "entropic/ipc/jpeg_codec.h"

namespace entropic::engine {

class FramePublisher {
  public:
    explicit FramePublisher(ipc::FrameRingWriter& ring);
    ~FramePublisher();
    FramePublisher(const FramePublisher&) = delete;
    FramePublisher& operator=(const FramePublisher&) = delete;

    struct Publication {
        std::int64_t frameIndex = 0;
        float renderMs = 0;
        std::uint32_t session = 0;
        // If set: the frame's hash goes in the ring too, and this is called
        // (on the publishing thread) with the JPEG and the hash, to cache them.
        std::function<void(const std::vector<std::uint8_t>& jpeg, std::uint64_t hash)> keep;
    };

    // Copies `frame` and returns once the previous frame is in the ring.
    void publish(fx::ConstFrameView frame, Publication publication);
    // Returns when nothing is in flight.
    void drain();
    // Wall time of the last publishing (JPEG, hash, ring write), ms.
    double lastMs() const;
    // Frames that could not be published (out of memory); they show as dropped.
    std::int64_t lost() const;

  private:
    void run();

    ipc::FrameRingWriter& ring_;
    ipc::JpegEncoder encoder_{95};
    std::vector<std::uint8_t> jpeg_;

    mutable std::mutex mutex_; // guards everything below
    std::condition_variable changed_;
    fx::Frame pending_; // the frame in flight
    Publication publication_;
    bool busy_ = false;
    bool quit_ = false;
    double lastMs_ = 0;
    std::int64_t lost_ = 0;
    std::thread thread_;
};

} // namespace entropic::engine
