#pragma once
// Seed derivation for deterministic effects (docs/architecture.md, docs/determinism.md).
//
// seed = mix(mix(mix(mix(kSeedDomain ^ fnv1a64(project_id)) ^ fnv1a64(instance_id))
//                ^ frame_index) ^ user_seed)
// where mix is the SplitMix64 finaliser. Stable across compilers, standard
// libraries and machines; never std::hash.
#include <cstdint>
#include <string_view>

namespace entropic::fx {

// FNV-1a, 64-bit: the documented string hash.
std::uint64_t fnv1a64(std::string_view text);

// SplitMix64 finaliser: a bijective 64-bit mix. It adds the golden gamma
// first, so mix64(seed + i·γ) is the i-th SplitMix64 output. Inline because
// effects call it per pixel.
inline std::uint64_t mix64(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t deriveSeed(std::string_view projectId, std::string_view instanceId,
                         std::int64_t frameIndex, std::uint64_t userSeed);

} // namespace entropic::fx
