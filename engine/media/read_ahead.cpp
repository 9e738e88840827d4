#include "media/read_ahead.h"

#include <pthread.h>

#include <utility>

namespace entropic::engine::media {

ReadAhead::ReadAhead(Decode decode, std::int64_t waitGap)
    : decode_(std::move(decode)), waitGap_(waitGap) {}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void ReadAhead::setDepth(int frames) {
    std::unique_lock lock(mutex_);
    if (frames == depth_) return;
    depth_ = frames;
    if (depth_ == 0) {
        // Not playing, or the clip left the screen: what was read, and the
        // buffers for it, go (a 4K frame is 33 MB).
        pauseLocked(lock);
        spare_.clear();
        return;
    }
    if (depth_ > 0 && !thread_.joinable()) {
        thread_ = std::thread([this] { run(); });
        pthread_setname_np(thread_.native_handle(), "entropic-readah");
    }
    // Buffers beyond what the new depth cycles through are memory held for nothing.
    while (spare_.size() > static_cast<std::size_t>(depth_) + 1)
        spare_.pop_back();
    changed_.notify_all();
}

int ReadAhead::depth() const {
    std::lock_guard lock(mutex_);
    return depth_;
}

bool ReadAhead::take(std::int64_t index, ReadFrame& out) {
    std::unique_lock lock(mutex_);
    for (;;) {
        bool dropped = false;
        while (!ready_.empty() && ready_.front().decoded.index < index) {
            spare_.push_back(std::move(ready_.front()));
            ready_.pop_front();
            dropped = true;
        }
        if (dropped) changed_.notify_all(); // room again: the thread reads on
        if (!ready_.empty() && ready_.front().decoded.index == index) {
            std::swap(out, ready_.front());
            spare_.push_back(std::move(ready_.front())); // the caller's previous frame
            ready_.pop_front();
            changed_.notify_all();
            return true;
        }
        // Not read yet: wait if the thread is on its way to it.
        const std::int64_t reading = inFlight_ >= 0 ? inFlight_ : next_;
        const bool coming = ready_.empty() && reading >= 0 && index >= reading &&
                            index - reading <= waitGap_ && (depth_ > 0 || inFlight_ == index);
        if (!coming) break;
        changed_.wait(lock);
    }
    pauseLocked(lock);
    return false;
}

void ReadAhead::resume(std::int64_t next) {
    {
        std::lock_guard lock(mutex_);
        next_ = next;
    }
    changed_.notify_all();
}

void ReadAhead::whileIdle(const std::function<void()>& change) {
    std::unique_lock lock(mutex_);
    held_ = true; // the frame in flight lands as usual; no next one starts
    changed_.wait(lock, [this] { return inFlight_ < 0; });
    change();
    held_ = false;
    changed_.notify_all();
}

void ReadAhead::pauseLocked(std::unique_lock<std::mutex>& lock) {
    next_ = -1;
    changed_.wait(lock, [this] { return inFlight_ < 0; });
    for (auto& frame : ready_)
        spare_.push_back(std::move(frame));
    ready_.clear();
}

void ReadAhead::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] {
            return quit_ ||
                   (!held_ && next_ >= 0 && ready_.size() < static_cast<std::size_t>(depth_));
        });
        if (quit_) return;
        const std::int64_t index = next_;
        ReadFrame frame;
        if (!spare_.empty()) {
            frame = std::move(spare_.back());
            spare_.pop_back();
        }
        inFlight_ = index;
        lock.unlock();
        bool ok = false;
        try {
            ok = decode_(index, frame);
        } catch (...) {
            // The caller meets the same error when it decodes the frame itself.
        }
        lock.lock();
        inFlight_ = -1;
        if (ok && next_ == index) {
            ready_.push_back(std::move(frame));
            next_ = index + 1;
        } else {
            spare_.push_back(std::move(frame));
            if (next_ == index) next_ = -1; // the run ended here: the caller seeks
        }
        changed_.notify_all();
    }
}

} // namespace entropic::engine::media
