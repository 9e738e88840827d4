#pragma once
// The thread ("entropic-render") that renders frames for render_frame and
// publishes them, JPEG-compressed, in the frame ring.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "entropic/ipc/frame_ring.h"
#include "project_slot.h"
#include "responder.h"

namespace entropic::engine {

class TimelineRenderer;

struct RenderJob {
    std::int64_t frame = 0;
    double scale = 1.0;
    Responder responder;
};

class RenderWorker {
  public:
    RenderWorker(const ProjectSlot& project, int ringSlots, int threads);
    ~RenderWorker();

    const std::string& ringName() const { return ring_.name(); }
    int ringSlots() const { return ring_.slotCount(); }
    void submit(RenderJob job);
    bool busy() const { return busy_.load(); }
    double lastFrameMs() const { return lastFrameMs_.load(); }

  private:
    void loop();

    const ProjectSlot& project_;
    int threads_;
    ipc::FrameRingWriter ring_;
    std::unique_ptr<TimelineRenderer> renderer_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<RenderJob> queue_;
    bool stop_ = false;
    std::atomic<bool> busy_{false};
    std::atomic<double> lastFrameMs_{0};
    std::thread thread_;
};

} // namespace entropic::engine
