#pragma once
// The byte layout of a frame-ring segment, shared by writer and reader
// (docs/frame-ring.md). Everything is fixed-size and naturally aligned so the
// same struct reads the same in any process of the same ABI; the header's
// sizes let a reader refuse a segment laid out differently.
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "entropic/ipc/frame_ring.h"

namespace entropic::ipc::ring {

// The sequence counters are shared between processes. A lock-free 64-bit
// atomic is a plain memory word operated on with atomic instructions, so it
// works at any address any process maps (address-free); a lock-based one
// would not.
static_assert(std::atomic_ref<std::uint64_t>::is_always_lock_free,
              "the frame ring needs address-free 64-bit atomics");

inline constexpr char kRingMagic[8] = {'E', 'N', 'T', 'R', 'I', 'N', 'G', '\0'};
inline constexpr std::size_t kCacheLine = 64;
inline constexpr std::uint32_t kMaxSlots = 1024;
inline constexpr const char* kNamePrefix = "entropic-ring-";

struct RingHeader {
    char magic[8];                 // kRingMagic
    std::uint32_t version;         // kRingVersion
    std::uint32_t headerBytes;     // sizeof(RingHeader): where slot 0 starts
    std::uint32_t slotHeaderBytes; // sizeof(SlotHeader)
    std::uint32_t slotCount;
    std::uint64_t slotBytes;  // JPEG capacity of a slot
    std::uint64_t slotStride; // bytes from one slot to the next
    std::int64_t ownerPid;    // the writer's process
    std::uint8_t reserved[16];
};
static_assert(sizeof(RingHeader) == kCacheLine);

struct alignas(kCacheLine) SlotHeader {
    // Odd while the writer is inside the slot, even when it is complete; 0
    // before the first write. Accessed only through std::atomic_ref.
    alignas(std::atomic_ref<std::uint64_t>::required_alignment) std::uint64_t sequence;
    std::int64_t frameIndex;
    std::int32_t width;
    std::int32_t height;
    std::uint64_t rgbaHash;
    std::uint32_t jpegBytes;
    float renderMs;
    std::uint32_t session; // playback session that wrote it; 0: a render_frame reply
};
static_assert(sizeof(SlotHeader) == kCacheLine);

// Slots start on cache lines so two slots never share one.
constexpr std::uint64_t slotStrideFor(std::uint64_t slotBytes) {
    const std::uint64_t raw = sizeof(SlotHeader) + slotBytes;
    return (raw + kCacheLine - 1) / kCacheLine * kCacheLine;
}

inline SlotHeader* slotAt(void* base, std::uint64_t stride, std::uint32_t slot) {
    return reinterpret_cast<SlotHeader*>(static_cast<std::uint8_t*>(base) + sizeof(RingHeader) +
                                         stride * slot);
}
inline const SlotHeader* slotAt(const void* base, std::uint64_t stride, std::uint32_t slot) {
    return reinterpret_cast<const SlotHeader*>(static_cast<const std::uint8_t*>(base) +
                                               sizeof(RingHeader) + stride * slot);
}
inline const std::uint8_t* payloadOf(const SlotHeader* slot) {
    return reinterpret_cast<const std::uint8_t*>(slot + 1);
}
inline std::uint8_t* payloadOf(SlotHeader* slot) {
    return reinterpret_cast<std::uint8_t*>(slot + 1);
}

// The sequence word, read or written atomically. atomic_ref on a const object
// is not allowed, but a load never writes, and the reader maps read-only.
inline std::atomic_ref<std::uint64_t> sequenceOf(const SlotHeader* slot) {
    return std::atomic_ref<std::uint64_t>(const_cast<SlotHeader*>(slot)->sequence);
}

} // namespace entropic::ipc::ring
