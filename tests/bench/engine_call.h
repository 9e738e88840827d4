#pragma once
// A request to the editor's engine from a benchmark, waited for the way the
// editor waits (asleep in the event loop; event_wait.h): the reply, or an
// empty object after the timeout.
#include <nlohmann/json.hpp>

#include "event_wait.h"
#include "supervision/engine_supervisor.h"

namespace entropic::bench {

inline nlohmann::json callEngine(app::EngineSupervisor& engine, nlohmann::json request,
                                 int timeoutMs = 10000) {
    nlohmann::json out;
    bool done = false;
    engine.request(
        std::move(request),
        [&](const nlohmann::json& reply) {
            out = reply;
            done = true;
        },
        timeoutMs);
    waitFor([&] { return done; }, timeoutMs + 1000);
    return out;
}

} // namespace entropic::bench
