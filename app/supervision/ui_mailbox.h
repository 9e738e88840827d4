#pragma once
// How a worker thread hands a result to a QObject on the UI thread, and why
// that is safe while the object is being torn down: the owner closes the
// mailbox (under its lock) before it is destroyed, so after close() returns no
// worker can post to it any more; what was already posted is discarded by Qt
// together with the object.
#include <functional>
#include <mutex>

#include <QObject>

namespace entropic::app {

class UiMailbox {
  public:
    explicit UiMailbox(QObject* receiver) : receiver_(receiver) {}

    // Runs fn on the receiver's thread (queued), unless the mailbox is closed.
    void post(std::function<void()> fn) {
        const std::lock_guard lock(mutex_);
        if (receiver_) QMetaObject::invokeMethod(receiver_, std::move(fn), Qt::QueuedConnection);
    }
    void close() {
        const std::lock_guard lock(mutex_);
        receiver_ = nullptr;
    }

  private:
    std::mutex mutex_;
    QObject* receiver_;
};

} // namespace entropic::app
