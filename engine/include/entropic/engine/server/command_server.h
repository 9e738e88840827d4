#pragma once
// entropic-engine's command server: ZeroMQ, JSON requests and replies
// (docs/protocol.md). The socket is a ROUTER so that REQ clients get strict
// request/reply while long work (rendering, export, probing) runs on worker
// threads: the command loop answers ping at once whatever they are doing.
#include <atomic>
#include <memory>
#include <string>

namespace entropic::engine {

inline constexpr int kProtocolVersion = 1;

struct ServerOptions {
    std::string endpoint; // ipc://… (checked by ipc::checkEndpoint) or inproc://
    int ringSlots = 4;
    int renderThreads = 0; // effect threads for previews; 0: one per core
    int parentPid = 0;     // exit when this process is gone (0: don't watch)
};

class CommandServer {
  public:
    // Binds and creates the frame ring. Throws std::runtime_error with the
    // reason (endpoint refused, already in use, …).
    explicit CommandServer(ServerOptions options);
    ~CommandServer();
    CommandServer(const CommandServer&) = delete;
    CommandServer& operator=(const CommandServer&) = delete;

    const std::string& endpoint() const;
    const std::string& ringName() const;

    // Serves until a shutdown command, requestStop() or the parent's death.
    void run();
    // Safe from any thread and from a signal handler.
    void requestStop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace entropic::engine
