#pragma once
// Replies on their way back to the command loop. Workers post from any
// thread; the loop owns the socket and is woken through an eventfd it polls
// beside the ZeroMQ socket (ZeroMQ sockets must stay on one thread).
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace entropic::engine {

struct OutgoingMessage {
    std::vector<std::string> envelope; // ROUTER routing frames, including the empty delimiter
    std::string payload;
};

class Outbox {
  public:
    Outbox();
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    int fd() const { return fd_; }
    void post(OutgoingMessage message);
    // Everything posted so far; clears the wake-up signal.
    std::deque<OutgoingMessage> takeAll();

  private:
    int fd_ = -1;
    std::mutex mutex_;
    std::deque<OutgoingMessage> queue_;
};

} // namespace entropic::engine
