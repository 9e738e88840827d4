#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {
// Separates effect seeds from any other use of the same hashes ("EntrSeed").
constexpr std::uint64_t kSeedDomain = 0x456e747253656564ULL;
} // namespace

std::uint64_t fnv1a64(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t deriveSeed(std::string_view projectId, std::string_view instanceId,
                         std::int64_t frameIndex, std::uint64_t userSeed) {
    std::uint64_t s = mix64(kSeedDomain ^ fnv1a64(projectId));
    s = mix64(s ^ fnv1a64(instanceId));
    s = mix64(s ^ static_cast<std::uint64_t>(frameIndex)); // two's complement for negatives
    return mix64(s ^ userSeed);
}

} // namespace entropic::fx
