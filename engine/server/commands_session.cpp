// hello, ping, list_effects, shutdown: the engine itself.
#include <unistd.h>

#include "engine_session.h"
#include "entropic/effects/registry.h"
#include "entropic/engine/project/param_codec.h"

namespace entropic::engine {

void handleHello(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    nlohmann::json commands = nlohmann::json::array();
    for (const auto& c : commandTable())
        commands.push_back(c.name);
    reply.ok({{"protocol", kProtocolVersion},
              {"engine", "entropic-engine 0.1.0"},
              {"pid", ::getpid()},
              {"ring", s.render.ringName()},
              {"ring_slots", s.render.ringSlots()},
              {"commands", std::move(commands)}});
}

void handlePing(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    const double uptime =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - s.started).count();
    const bool busy = s.render.busy() || s.exporter.running();
    reply.ok({{"status", busy ? "busy" : "alive"},
              {"uptime_s", uptime},
              {"last_frame_ms", s.render.lastFrameMs()}});
}

void handleListEffects(EngineSession&, const nlohmann::json&, const Responder& reply) {
    nlohmann::json effects = nlohmann::json::array();
    for (const auto* d : fx::EffectRegistry::builtin().all())
        effects.push_back(descriptorToJson(*d));
    reply.ok({{"effects", std::move(effects)}});
}

void handleShutdown(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    s.exporter.cancel();
    s.stop = true;
    reply.ok();
}

} // namespace entropic::engine
