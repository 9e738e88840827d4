// JSON requests to the engine over a ZeroMQ REQ socket (docs/architecture.md).
//
// A REQ socket must receive a reply before it may send again, so a lost reply
// would wedge it for good. On a timeout we therefore throw the socket away
// and connect a fresh one ("lazy pirate"); REQ_RELAXED and REQ_CORRELATE are
// set as well so that even the old socket could not be confused by a late
// reply. Waiting uses zmq::poll: cppzmq's poller_t needs libzmq's draft API,
// which Debian does not build.
//
// Threading: an EngineClient is used by one thread at a time (ZeroMQ sockets
// are not thread-safe); the editor's command thread owns it.
#include "entropic/ipc/engine_client.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <optional>
#include <string>

#include <zmq.hpp>

namespace entropic::ipc {

namespace {

using Clock = std::chrono::steady_clock;

std::string preview(const std::string& bytes) {
    constexpr std::size_t kMax = 80;
    return bytes.size() <= kMax ? bytes : bytes.substr(0, kMax) + "...";
}

} // namespace

struct EngineClient::Impl {
    zmq::context_t context{1};
    std::optional<zmq::socket_t> socket;

    void connect(const std::string& endpoint) {
        socket.emplace(context, zmq::socket_type::req);
        socket->set(zmq::sockopt::linger, 0); // closing never waits for the engine
        socket->set(zmq::sockopt::req_relaxed, 1);
        socket->set(zmq::sockopt::req_correlate, 1);
        socket->connect(endpoint);
    }

    // Waits until the socket is ready for `events` or the deadline passes.
    bool waitFor(short events, Clock::time_point deadline) {
        for (;;) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            zmq::pollitem_t item{socket->handle(), 0, events, 0};
            try {
                zmq::poll(&item, 1, std::max(left, std::chrono::milliseconds(0)));
            } catch (const zmq::error_t& e) {
                if (e.num() == EINTR) continue; // a signal is not a timeout
                throw;
            }
            if (item.revents & events) return true;
            if (Clock::now() >= deadline) return false;
        }
    }

    // One request, one reply; nullopt on timeout (the caller resets).
    std::optional<std::string> exchange(const std::string& bytes, int timeoutMs) {
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
        zmq::message_t message(bytes.data(), bytes.size());
        while (!socket->send(message, zmq::send_flags::dontwait))
            if (!waitFor(ZMQ_POLLOUT, deadline)) return std::nullopt;

        zmq::message_t reply;
        while (!socket->recv(reply, zmq::recv_flags::dontwait))
            if (!waitFor(ZMQ_POLLIN, deadline)) return std::nullopt;
        std::string text = reply.to_string();
        // The protocol has one frame per reply; drop any extra frames so the
        // socket is ready for the next request.
        while (reply.more())
            (void)socket->recv(reply, zmq::recv_flags::none);
        return text;
    }
};

EngineClient::EngineClient(std::string endpoint, int timeoutMs)
    : endpoint_(std::move(endpoint)), timeoutMs_(timeoutMs), impl_(std::make_unique<Impl>()) {
    impl_->connect(endpoint_);
}

EngineClient::~EngineClient() = default; // socket (linger 0) closes, then the context

void EngineClient::resetSocket() {
    impl_->socket.reset();
    impl_->connect(endpoint_);
}

std::string EngineClient::requestRaw(const std::string& bytes, int timeoutMs) {
    const int timeout = timeoutMs < 0 ? timeoutMs_ : timeoutMs;
    std::optional<std::string> reply;
    try {
        reply = impl_->exchange(bytes, timeout);
    } catch (const zmq::error_t& e) {
        resetSocket();
        throw std::runtime_error("engine at " + endpoint_ + ": " + e.what());
    }
    if (!reply) {
        resetSocket();
        throw ClientTimeout("engine at " + endpoint_ + " did not answer " + preview(bytes) +
                            " within " + std::to_string(timeout) + " ms (socket reset)");
    }
    return *reply;
}

nlohmann::json EngineClient::request(nlohmann::json request, int timeoutMs) {
    if (!request.is_object())
        throw std::invalid_argument("engine request must be a JSON object with a \"cmd\"");
    const auto cmdField = request.find("cmd");
    const std::string cmd = cmdField != request.end() && cmdField->is_string()
                                ? cmdField->get<std::string>()
                                : std::string("?");
    const std::uint64_t id = nextId_++;
    request["id"] = id;

    const int timeout = timeoutMs < 0 ? timeoutMs_ : timeoutMs;
    std::string text;
    try {
        text = requestRaw(request.dump(), timeout);
    } catch (const ClientTimeout&) {
        throw ClientTimeout("engine at " + endpoint_ + " did not answer '" + cmd + "' within " +
                            std::to_string(timeout) + " ms (socket reset)");
    }

    nlohmann::json reply = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (reply.is_discarded())
        throw std::runtime_error("engine at " + endpoint_ + " answered '" + cmd +
                                 "' with invalid JSON: " + preview(text));
    if (!reply.is_object())
        throw std::runtime_error("engine at " + endpoint_ + " answered '" + cmd +
                                 "' with JSON that is not an object: " + preview(text));
    // REQ_CORRELATE already drops stale replies; this catches a server that
    // echoes the wrong id, which would mean replies are being mixed up.
    const auto echoed = reply.find("id");
    if (echoed != reply.end() && *echoed != nlohmann::json(id))
        throw std::runtime_error("engine at " + endpoint_ + " answered '" + cmd + "' (id " +
                                 std::to_string(id) + ") with id " + echoed->dump());
    return reply;
}

} // namespace entropic::ipc
