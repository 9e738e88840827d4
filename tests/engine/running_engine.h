#pragma once
// An engine command server on a thread of this test process, with a client:
// the protocol end to end without a child process to manage.
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "entropic/engine/server/command_server.h"
#include "entropic/ipc/endpoint.h"
#include "entropic/ipc/engine_client.h"

namespace entropic::test {

struct RunningEngine {
    std::unique_ptr<engine::CommandServer> server;
    std::thread thread;
    std::unique_ptr<ipc::EngineClient> client;

    RunningEngine() {
        engine::ServerOptions options;
        options.endpoint = ipc::newEngineEndpoint();
        options.renderThreads = 2;
        server = std::make_unique<engine::CommandServer>(options);
        thread = std::thread([this] { server->run(); });
        client = std::make_unique<ipc::EngineClient>(options.endpoint, 20000);
    }
    ~RunningEngine() {
        server->requestStop();
        thread.join();
    }
    RunningEngine(const RunningEngine&) = delete;
    RunningEngine& operator=(const RunningEngine&) = delete;

    nlohmann::json call(nlohmann::json request) { return client->request(std::move(request)); }
};

} // namespace entropic::test
