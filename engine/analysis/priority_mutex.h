#pragma once
// The lock of one analysis: renderers asking for frames (on demand) go before
// the background pass. The pass holds the lock for one chunk of frames at a
// time, ends the chunk early when an on-demand caller starts waiting, and
// before taking the lock again waits until none is waiting: a renderer waits
// for a frame or so of the chunk in hand (at most the chunk), never for the
// rest of the file.
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace entropic::engine {

class PriorityMutex {
  public:
    // std::lock_guard<PriorityMutex::OnDemand> / <Background> over these.
    class OnDemand {
      public:
        explicit OnDemand(PriorityMutex& m) : m_(m) {}
        void lock() {
            m_.waiting_.fetch_add(1);
            m_.mutex_.lock();
        }
        void unlock() {
            // Decremented under the lock, so a background holder that checks
            // the count under it cannot miss the wake-up below.
            m_.waiting_.fetch_sub(1);
            m_.mutex_.unlock();
            m_.idle_.notify_all();
        }

      private:
        PriorityMutex& m_;
    };

    class Background {
      public:
        explicit Background(PriorityMutex& m) : m_(m) {}
        void lock() {
            std::unique_lock lock(m_.mutex_);
            m_.idle_.wait(lock, [this] { return m_.waiting_.load() == 0; });
            lock.release(); // stays locked until unlock()
        }
        void unlock() { m_.mutex_.unlock(); }

      private:
        PriorityMutex& m_;
    };

    OnDemand onDemand() { return OnDemand(*this); }
    Background background() { return Background(*this); }
    // For a background holder: someone is waiting to read, so cut the chunk
    // short and let go.
    bool onDemandWaiting() const { return waiting_.load() > 0; }

  private:
    std::mutex mutex_;
    std::condition_variable idle_;
    std::atomic<int> waiting_{0}; // on-demand callers waiting for or holding the lock
};

} // namespace entropic::engine
