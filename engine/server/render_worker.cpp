#include "render_worker.h"

#include <pthread.h>

#include <chrono>
#include <future>

#include "entropic/effects/frame.h"
#include "entropic/engine/error.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "entropic/ipc/jpeg_codec.h"

namespace entropic::engine {

RenderWorker::RenderWorker(const ProjectSlot& project, int ringSlots, int threads)
    : project_(project), threads_(threads), ring_(ringSlots) {
    thread_ = std::thread([this] { loop(); });
    pthread_setname_np(thread_.native_handle(), "entropic-render");
}

RenderWorker::~RenderWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    for (const auto& job : queue_) job.responder.fail(errc::kFailed, "the engine is shutting down");
}

void RenderWorker::submit(RenderJob job) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(job));
        busy_ = true;
    }
    wake_.notify_one();
}

void RenderWorker::loop() {
    ipc::JpegEncoder encoder(95);
    std::vector<std::uint8_t> jpeg;
    for (;;) {
        std::optional<RenderJob> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            job.emplace(std::move(queue_.front()));
            queue_.pop_front();
        }
        try {
            const auto started = std::chrono::steady_clock::now();
            // Adopt the newest snapshot once per frame.
            const ProjectSnapshot snapshot = project_.current();
            if (!renderer_) renderer_ = std::make_unique<TimelineRenderer>(snapshot, threads_);
            else if (renderer_->project() != snapshot) renderer_->setProject(snapshot);

            const std::int64_t count = std::max<std::int64_t>(1, snapshot->frameCount());
            if (job->frame >= count)
                throw EngineError(errc::kOutOfRange, "frame " + std::to_string(job->frame) +
                                                         " is past the project's last frame " +
                                                         std::to_string(count - 1));
            const fx::Frame& frame = renderer_->render(job->frame, job->scale);
            const double renderMs = renderer_->stats().ms;
            // The hash and the JPEG both read the whole frame: do them side by side.
            auto hashing = std::async(std::launch::async, [&frame] { return fx::frameHash(frame.view()); });
            encoder.encode(frame.view(), jpeg);
            const std::uint64_t hash = hashing.get();
            const auto info = ring_.write(job->frame, frame.width(), frame.height(), hash,
                                          static_cast<float>(renderMs), jpeg.data(), jpeg.size());
            const double totalMs =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                    .count();
            lastFrameMs_ = totalMs;
            job->responder.ok({{"frame", job->frame},
                               {"slot", info.slot},
                               {"sequence", info.sequence},
                               {"width", frame.width()},
                               {"height", frame.height()},
                               {"hash", fx::hashToHex(hash)},
                               {"jpeg_bytes", info.jpegBytes},
                               {"render_ms", renderMs},
                               {"total_ms", totalMs},
                               {"replayed_frames", renderer_->stats().replayedFrames},
                               {"ring", ring_.name()}});
        } catch (const EngineError& e) {
            job->responder.fail(e.code(), e.what());
        } catch (const std::exception& e) {
            job->responder.fail(errc::kFailed, std::string("render failed: ") + e.what());
        }
        std::lock_guard lock(mutex_);
        busy_ = !queue_.empty();
    }
}

} // namespace entropic::engine
