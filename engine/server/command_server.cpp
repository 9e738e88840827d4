#include "entropic/engine/server/command_server.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <zmq.hpp>

#include "engine_session.h"
#include "entropic/engine/error.h"
#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/frame_ring.h"
#include "entropic/ipc/prompt_wakeups.h"
#include "outbox.h"

namespace entropic::engine {
namespace {

constexpr std::string_view kIpcScheme = "ipc://";

// ZeroMQ silently steals an ipc path that another process is bound to; refuse
// instead, and clear a socket file a dead engine left behind.
void claimSocketPath(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    const bool live =
        fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    if (fd >= 0) ::close(fd);
    if (live) throw std::runtime_error(path + ": another engine is listening there");
    std::filesystem::remove(path, ec);
}

std::string describeCommands() {
    std::string list;
    for (const auto& c : commandTable())
        list += (list.empty() ? "" : ", ") + std::string(c.name);
    return list;
}

} // namespace

struct CommandServer::Impl {
    ServerOptions options;
    std::string socketPath;
    zmq::context_t context{1};
    zmq::socket_t socket{context, zmq::socket_type::router};
    Outbox outbox;
    std::unique_ptr<EngineSession> session;
    std::atomic<bool> stopRequested{false};

    void dispatch(std::vector<zmq::message_t>& parts);
    void flush();
    bool parentGone() const {
        return options.parentPid > 0 && ::kill(options.parentPid, 0) == -1 && errno == ESRCH;
    }
};

CommandServer::CommandServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    const std::string& endpoint = impl_->options.endpoint;
    if (const std::string why = ipc::checkEndpoint(endpoint); !why.empty())
        throw std::runtime_error(endpoint + ": " + why);
    if (endpoint.rfind(kIpcScheme, 0) == 0) {
        impl_->socketPath = endpoint.substr(kIpcScheme.size());
        claimSocketPath(impl_->socketPath);
    }
    impl_->socket.set(zmq::sockopt::linger, 0);
    impl_->socket.bind(endpoint);
    ipc::removeStaleRings();
    ipc::removeStaleEndpoints();
    impl_->session = std::make_unique<EngineSession>(impl_->options);
}

CommandServer::~CommandServer() {
    impl_->session.reset(); // joins workers; removes the ring
    impl_->socket.close();
    if (!impl_->socketPath.empty()) {
        std::error_code ec;
        std::filesystem::remove(impl_->socketPath, ec);
    }
}

const std::string& CommandServer::endpoint() const {
    return impl_->options.endpoint;
}
const std::string& CommandServer::ringName() const {
    return impl_->session->render.ringName();
}

void CommandServer::requestStop() {
    impl_->stopRequested = true;
}

void CommandServer::Impl::flush() {
    for (auto& message : outbox.takeAll()) {
        for (const auto& frame : message.envelope)
            socket.send(zmq::buffer(frame), zmq::send_flags::sndmore);
        socket.send(zmq::buffer(message.payload), zmq::send_flags::none);
    }
}

void CommandServer::Impl::dispatch(std::vector<zmq::message_t>& parts) {
    // ROUTER frames from a REQ peer: identity…, empty delimiter, payload.
    std::vector<std::string> envelope;
    std::size_t i = 0;
    for (; i + 1 < parts.size(); ++i) {
        envelope.push_back(parts[i].to_string());
        if (parts[i].size() == 0) break;
    }
    if (i + 1 >= parts.size() || parts[i].size() != 0)
        return; // not a REQ envelope: nobody to answer
    const std::string payload = parts.back().to_string();

    const nlohmann::json request = nlohmann::json::parse(payload, nullptr, false);
    const nlohmann::json id =
        request.is_object() && request.contains("id") ? request["id"] : nlohmann::json();
    const Responder reply(&outbox, std::move(envelope), id);
    if (request.is_discarded())
        return reply.fail(errc::kBadRequest, "the request is not valid JSON");
    if (!request.is_object())
        return reply.fail(errc::kBadRequest, "the request must be a JSON object");
    if (!request.contains("cmd"))
        return reply.fail(errc::kBadRequest, "the request has no \"cmd\"");
    if (!request["cmd"].is_string())
        return reply.fail(errc::kBadRequest, "\"cmd\" must be a string");
    const std::string cmd = request["cmd"].get<std::string>();
    for (const auto& spec : commandTable()) {
        if (spec.name != cmd) continue;
        const Responder commandReply = reply.forCommand(cmd);
        try {
            spec.handler(*session, request, commandReply);
        } catch (const std::exception& e) {
            commandReply.fail(e);
        }
        return;
    }
    reply.fail(errc::kUnknownCommand,
               "unknown command \"" + cmd + "\" (known: " + describeCommands() + ")");
}

void CommandServer::run() {
    // The command loop sleeps in poll and must answer ping and clock at once,
    // even with both cores decoding. Threads it starts from here on (an
    // export, the analysis pass) go back to the default slice themselves.
    ipc::preferPromptWakeups();
    auto& d = *impl_;
    while (!d.stopRequested && !d.session->stop) {
        zmq::pollitem_t items[] = {{d.socket.handle(), 0, ZMQ_POLLIN, 0},
                                   {nullptr, d.outbox.fd(), ZMQ_POLLIN, 0}};
        try {
            zmq::poll(items, 2, std::chrono::milliseconds(250));
        } catch (const zmq::error_t& e) {
            if (e.num() != EINTR) throw;
        }
        if (items[0].revents & ZMQ_POLLIN) {
            for (;;) {
                std::vector<zmq::message_t> parts;
                zmq::message_t part;
                if (!d.socket.recv(part, zmq::recv_flags::dontwait)) break;
                parts.push_back(std::move(part));
                while (d.socket.get(zmq::sockopt::rcvmore)) {
                    zmq::message_t more;
                    (void)d.socket.recv(more, zmq::recv_flags::none);
                    parts.push_back(std::move(more));
                }
                d.dispatch(parts);
                d.flush();
            }
        }
        d.flush();
        if (d.parentGone()) break;
    }
    d.flush();
}

} // namespace entropic::engine
