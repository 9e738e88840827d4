#include "entropic/effects/seed.h"
#include "entropic/signal/operator.h"

namespace entropic::sig {

namespace {
// "EntrSign": keeps operator seeds apart from effect seeds (deriveSeed uses "EntrSeed").
constexpr std::uint64_t kSignalSeedDomain = 0x456e74725369676eULL;
} // namespace

std::uint64_t operatorSeed(std::string_view projectId, std::string_view nodeId,
                           std::uint64_t userSeed) {
    std::uint64_t s = fx::mix64(kSignalSeedDomain ^ fx::fnv1a64(projectId));
    s = fx::mix64(s ^ fx::fnv1a64(nodeId));
    return fx::mix64(s ^ userSeed);
}

} // namespace entropic::sig
