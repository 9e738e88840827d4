// proxy_config, proxy_status: the scrub proxies behind a dragged playhead.
#include "engine_session.h"

namespace entropic::engine {

namespace {
constexpr std::int64_t kMaxBudgetMb = 1 << 20; // 1 TB
} // namespace

void handleProxyConfig(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const bool enabled = f.boolean("enabled", true);
    const auto mb = f.integer("budget_mb", 0, kMaxBudgetMb,
                              static_cast<std::int64_t>(ProxyService::kDefaultBudgetBytes >> 20));
    s.proxies.configure(enabled, static_cast<std::uintmax_t>(mb) << 20);
    reply.ok(s.proxies.status());
}

void handleProxyStatus(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    reply.ok(s.proxies.status());
}

} // namespace entropic::engine
