#pragma once
// The client side of the engine protocol (docs/protocol.md): JSON requests over
// a ZeroMQ REQ socket with timeouts. A request that times out resets the socket
// (a REQ socket that lost a reply is otherwise stuck), so the next request
// works as soon as the engine answers again.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace entropic::ipc {

class ClientTimeout : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class EngineClient {
  public:
    explicit EngineClient(std::string endpoint, int timeoutMs = 2000);
    ~EngineClient();
    EngineClient(const EngineClient&) = delete;
    EngineClient& operator=(const EngineClient&) = delete;

    const std::string& endpoint() const { return endpoint_; }

    // Sends request (an object with "cmd"), adds an "id", waits for the reply.
    // Returns the reply object whatever its "ok". Throws ClientTimeout when no
    // reply came within timeoutMs (< 0: the client's default); the socket is
    // reset before the throw. Throws std::runtime_error on a reply that is not JSON.
    nlohmann::json request(nlohmann::json request, int timeoutMs = -1);

    // Sends raw bytes (for tests of malformed input) and returns the raw reply.
    std::string requestRaw(const std::string& bytes, int timeoutMs = -1);

  private:
    void resetSocket();
    std::string endpoint_;
    int timeoutMs_;
    std::uint64_t nextId_ = 1;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace entropic::ipc
