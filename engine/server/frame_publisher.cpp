#include "frame_publisher.h"

#include <pthread.h>

#include <exception>
#include <utility>

namespace entropic::engine {

FramePublisher::FramePublisher(ipc::FrameRingWriter& ring) : ring_(ring) {
    thread_ = std::thread([this] { run(); });
    pthread_setname_np(thread_.native_handle(), "entropic-jpeg");
}

FramePublisher::~FramePublisher() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void FramePublisher::publish(fx::ConstFrameView frame, Publication publication) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !busy_; });
    pending_.resize(frame.width, frame.height);
    fx::copyPixels(frame, pending_.view());
    publication_ = std::move(publication);
    busy_ = true;
    lock.unlock();
    changed_.notify_all();
}

void FramePublisher::drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !busy_; });
}

double FramePublisher::lastMs() const {
    std::lock_guard lock(mutex_);
    return lastMs_;
}

std::int64_t FramePublisher::lost() const {
    std::lock_guard lock(mutex_);
    return lost_;
}

void FramePublisher::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return quit_ || busy_; });
        if (quit_) return;
        // The render thread waits while busy_: pending_ and the fields are
        // this thread's until it is cleared.
        lock.unlock();
        const auto started = std::chrono::steady_clock::now();
        bool published = true;
        try {
            const Publication& p = publication_;
            encoder_.encode(pending_.view(), jpeg_);
            const std::uint64_t hash = p.keep ? fx::frameHash(pending_.view()) : 0;
            ring_.write(p.frameIndex, pending_.width(), pending_.height(), hash, p.renderMs,
                        jpeg_.data(), jpeg_.size(), p.session);
            if (p.keep) p.keep(jpeg_, hash);
        } catch (const std::exception&) {
            // Out of memory: the frame shows as dropped; the paused viewer's
            // render_frame reports what went wrong.
            published = false;
        }
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        lock.lock();
        lastMs_ = ms;
        if (!published) ++lost_;
        publication_.keep = nullptr;
        busy_ = false;
        changed_.notify_all();
    }
}

} // namespace entropic::engine
