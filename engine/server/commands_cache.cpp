// cache_status, cache_config: the frame cache behind the green bar.
#include "engine_session.h"

namespace entropic::engine {
namespace {

constexpr std::int64_t kMaxBudgetMb = 65536; // 64 GB
constexpr std::size_t kMb = std::size_t{1} << 20;

nlohmann::json cacheStatus(const FrameCache& cache) {
    // The version first: should a frame arrive between the reads, the ranges
    // are newer than the version the poller remembers, never older, so it
    // asks again next time rather than keep a stale bar.
    const std::uint64_t version = cache.version();
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& r : cache.ranges())
        ranges.push_back({r.first, r.end});
    return {{"budget_mb", cache.budget() / kMb},
            {"used_mb", static_cast<double>(cache.usedBytes()) / kMb},
            {"frames", cache.frameCount()},
            {"version", version},
            {"ranges", std::move(ranges)}};
}

} // namespace

void handleCacheStatus(EngineSession& s, const nlohmann::json&, const Responder& reply) {
    reply.ok(cacheStatus(s.cache));
}

void handleCacheConfig(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto mb = requestFields(request).integer("budget_mb", 0, kMaxBudgetMb);
    s.cache.setBudget(static_cast<std::size_t>(mb) * kMb);
    reply.ok(cacheStatus(s.cache));
}

} // namespace entropic::engine
