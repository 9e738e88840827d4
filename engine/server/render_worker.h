#pragma once
// The thread ("entropic-render") that renders frames and publishes them,
// JPEG-compressed, in the frame ring: one frame at a time for render_frame,
// or a stream of them while the editor plays (play / clock / stop).
//
// A render_frame always goes first; playback carries on between them. While
// playing, a PlaybackPlan picks the frame the clock will need next and a
// ResolutionTiers drops the render size when frames cost more than the time
// between them; stopping ends the stream (a paused viewer asks render_frame
// for its full-resolution frame).
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/engine/render/frame_cache.h"
#include "entropic/engine/render/playback_plan.h"
#include "entropic/engine/render/resolution_tiers.h"
#include "entropic/ipc/frame_ring.h"
#include "entropic/ipc/jpeg_codec.h"
#include "frame_publisher.h"
#include "project_slot.h"
#include "responder.h"

namespace entropic::engine {

class TimelineRenderer;
class ScrubProxy;

struct RenderJob {
    std::int64_t frame = 0;
    double scale = 1.0;
    Responder responder;
    // The editor is dragging the playhead: a frame of the scrub proxies will
    // do (unless the exact one is cached). The reply says which it got.
    bool proxy = false;
};

// What one playback did, for the editor's status and the play benchmark.
struct PlayStats {
    std::uint32_t session = 0;
    bool playing = false;
    std::int64_t produced = 0;   // frames put in the ring
    std::int64_t skipped = 0;    // frames jumped over because they would have been late
    std::int64_t failed = 0;     // frames that could not be rendered (render_frame tells why)
    std::int64_t lastFrame = -1; // the last frame put in the ring
    std::int64_t fromCache = 0;  // of the produced, copied from the frame cache
    int tier = 0;                // index into ResolutionTiers::kScales
    double scale = 1.0;
    double meanCostMs = 0; // per produced frame: render + JPEG + ring
    std::vector<std::pair<std::int64_t, int>> tierChanges; // (produced count, new tier)

    nlohmann::json toJson() const;
};

class RenderWorker {
  public:
    // Idle this long before rendering ahead into the cache: an artist turning
    // a knob must not find the engine busy with frames nobody asked for.
    static constexpr std::chrono::milliseconds kIdleBeforeAhead{400};
    // Frames each decoder reads ahead while frames go in order (playing
    // forward, rendering ahead): decoding N+1 beside the effects of N.
    static constexpr int kReadAhead = 2;

    RenderWorker(const ProjectSlot& project, FrameCache& cache, int ringSlots, int threads);
    ~RenderWorker();

    const std::string& ringName() const { return ring_.name(); }
    int ringSlots() const { return ring_.slotCount(); }
    void submit(RenderJob job);
    bool busy() const { return busy_.load(); }
    double lastFrameMs() const { return lastFrameMs_.load(); }

    // Rendering ahead waits while this says no (an export has the CPU).
    void setAheadGate(std::function<bool()> allowed);
    // Where render_frame finds scrub proxies (ProxyService::ready).
    void setProxyLookup(std::function<std::shared_ptr<ScrubProxy>(const std::string&)> lookup);

    // Starts streaming frames for `start` (replacing any playback).
    void play(const PlayStart& start);
    // The editor's clock; false if `session` is not the one playing.
    bool updateClock(std::uint32_t session, double position);
    // Ends the playback (if `session` is it, or any with session 0); its stats.
    PlayStats stop(std::uint32_t session);
    PlayStats playStats() const;

  private:
    void loop();
    void renderJob(RenderJob& job);
    void playStep(std::unique_lock<std::mutex>& lock);
    // One frame rendered ahead into the cache; false if there is nothing to do.
    bool renderAhead(std::unique_lock<std::mutex>& lock);

    struct ProduceRequest {
        std::int64_t frame = 0;
        double scale = 1.0;         // of the project size; only full size is cached
        std::uint32_t session = 0;  // tags the ring slot: the playback's, 0 for render_frame
        bool toRing = true;         // false: into the cache only (rendering ahead)
        std::int64_t playhead = 0;  // the cache keeps frames near it, in
        int direction = 1;          // the direction of play
        bool ahead = false;         // on the render-ahead decoders
        int readAhead = 0;          // frames the decoders read ahead (in order only)
        bool publishBehind = false; // JPEG and ring write on the publisher, beside the next frame
    };
    struct Produced {
        ipc::RingFrameInfo info; // where it went in the ring (when it went)
        double renderMs = 0;
        bool fromCache = false;
    };
    // A frame of the scrub proxies into the ring, at their size; false when a
    // visible clip has no proxy (the caller renders the exact frame).
    bool produceProxy(const RenderJob& job, Produced& out);
    // Puts the frame in the ring and/or the cache: from the cache if it is
    // there, else rendered (and cached when full size).
    Produced produce(const ProduceRequest& request);
    // The playback renderer (or the one rendering ahead), on this snapshot.
    TimelineRenderer& rendererFor(bool ahead, const ProjectSnapshot& snapshot);

    const ProjectSlot& project_;
    FrameCache& cache_;
    int threads_;
    ipc::FrameRingWriter ring_;
    FramePublisher publisher_{ring_};
    ipc::JpegEncoder encoder_{95};
    std::vector<std::uint8_t> jpeg_;
    std::unique_ptr<TimelineRenderer> renderer_;
    // Rendering ahead has decoders of its own: moving the interactive ones
    // away from the playhead would make the next knob turn seek back a GOP.
    std::unique_ptr<TimelineRenderer> aheadRenderer_;
    // Scrub proxy frames have decoders and temporal state of their own.
    std::unique_ptr<TimelineRenderer> proxyRenderer_;

    mutable std::mutex mutex_; // guards everything below
    std::condition_variable wake_;
    std::deque<RenderJob> queue_;
    bool stop_ = false;
    bool playing_ = false;
    PlaybackPlan plan_;
    ResolutionTiers tiers_;
    PlayStats stats_;
    std::int64_t aheadFrom_ = 0;     // the playhead: where rendering ahead starts
    std::int64_t aheadNext_ = 0;     // the next frame to consider
    std::uint64_t aheadVersion_ = 0; // the cache version when render-ahead last gave up
    std::chrono::steady_clock::time_point lastRequest_{};
    std::function<bool()> aheadAllowed_;
    std::function<std::shared_ptr<ScrubProxy>(const std::string&)> proxyLookup_;
    std::int64_t lostSeen_ = 0; // publisher_.lost() already counted as failed

    std::atomic<bool> busy_{false};
    std::atomic<double> lastFrameMs_{0};
    std::thread thread_;
};

} // namespace entropic::engine
