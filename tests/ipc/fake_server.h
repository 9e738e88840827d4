#pragma once
// A stand-in for the engine's command socket: a ROUTER (like the engine's)
// in its own thread, answering each request with whatever the test's handler
// returns, or not at all.
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>
#include <zmq.hpp>

namespace entropic::test {

class FakeServer {
  public:
    // Given the request body and its 0-based number, returns the reply body,
    // or nullopt to never answer it.
    using Handler = std::function<std::optional<std::string>(const std::string&, int)>;

    FakeServer(const std::string& endpoint, Handler handler)
        : endpoint_(endpoint), socket_(context_, zmq::socket_type::router),
          handler_(std::move(handler)) {
        socket_.set(zmq::sockopt::linger, 0);
        socket_.bind(endpoint);
        thread_ = std::thread([this] { serve(); });
    }
    ~FakeServer() {
        stop_.store(true);
        thread_.join();
        socket_.close();
        // libzmq leaves the socket file behind; tidy up like the engine must.
        if (endpoint_.rfind("ipc://", 0) == 0) ::unlink(endpoint_.c_str() + 6);
    }
    int requests() const { return count_.load(); }

  private:
    void serve() {
        int index = 0;
        while (!stop_.load()) {
            zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
            zmq::poll(&item, 1, std::chrono::milliseconds(20));
            if (!(item.revents & ZMQ_POLLIN)) continue;
            // [routing id][request id (REQ_CORRELATE)][empty][body]: echo all
            // but the body, which is what a ROUTER must do to reach the REQ.
            std::vector<zmq::message_t> frames;
            do {
                frames.emplace_back();
                (void)socket_.recv(frames.back(), zmq::recv_flags::none);
            } while (frames.back().more());
            const std::string body = frames.back().to_string();
            frames.pop_back();
            count_.fetch_add(1);
            const std::optional<std::string> reply = handler_(body, index++);
            if (!reply) continue;
            for (auto& frame : frames)
                socket_.send(frame, zmq::send_flags::sndmore);
            socket_.send(zmq::buffer(*reply), zmq::send_flags::none);
        }
    }

    std::string endpoint_;
    zmq::context_t context_{1};
    zmq::socket_t socket_;
    Handler handler_;
    std::atomic<bool> stop_{false};
    std::atomic<int> count_{0};
    std::thread thread_;
};

} // namespace entropic::test
