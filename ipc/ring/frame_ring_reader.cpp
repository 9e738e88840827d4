// The editor's side of the frame ring: maps a segment read-only once, checks
// its header, and copies frames out under the sequence protocol of
// docs/frame-ring.md so a torn frame is never returned.
#include "entropic/ipc/frame_ring.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ring_layout.h"

namespace entropic::ipc {

namespace {

[[noreturn]] void refuse(const std::string& name, const std::string& why) {
    throw std::runtime_error("frame ring " + name + ": " + why);
}

// Checks everything a reader relies on before it trusts a single offset.
void validateHeader(const std::string& name, const ring::RingHeader& header,
                    std::uint64_t segmentBytes) {
    if (std::memcmp(header.magic, ring::kRingMagic, sizeof header.magic) != 0)
        refuse(name, "not an Entropic frame ring (bad magic)");
    if (header.version != kRingVersion)
        refuse(name, "ring version " + std::to_string(header.version) + ", this build reads " +
                         std::to_string(kRingVersion) + " (editor and engine do not match)");
    if (header.headerBytes != sizeof(ring::RingHeader) ||
        header.slotHeaderBytes != sizeof(ring::SlotHeader))
        refuse(name, "header or slot header size differs from this build's layout");
    if (header.slotCount < 1 || header.slotCount > ring::kMaxSlots)
        refuse(name, "slot count " + std::to_string(header.slotCount) + " is outside 1.." +
                         std::to_string(ring::kMaxSlots));
    if (header.slotBytes > UINT32_MAX || header.slotStride != ring::slotStrideFor(header.slotBytes))
        refuse(name, "slot size " + std::to_string(header.slotBytes) + " / stride " +
                         std::to_string(header.slotStride) + " are inconsistent");
    // Both factors are bounded above, so this product cannot overflow.
    const std::uint64_t needed = sizeof(ring::RingHeader) + header.slotStride * header.slotCount;
    if (needed > segmentBytes)
        refuse(name, "header describes " + std::to_string(needed) + " bytes but the segment has " +
                         std::to_string(segmentBytes));
}

RingFrameInfo infoOf(const ring::SlotHeader& meta, std::uint32_t slot, std::uint64_t sequence) {
    RingFrameInfo info;
    info.slot = slot;
    info.sequence = sequence;
    info.frameIndex = meta.frameIndex;
    info.width = meta.width;
    info.height = meta.height;
    info.rgbaHash = meta.rgbaHash;
    info.jpegBytes = meta.jpegBytes;
    info.renderMs = meta.renderMs;
    info.session = meta.session;
    return info;
}

} // namespace

FrameRingReader::FrameRingReader(const std::string& name) {
    const int fd = shm_open(name.c_str(), O_RDONLY, 0);
    if (fd < 0) refuse(name, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        const int err = errno;
        close(fd);
        refuse(name, std::string("fstat: ") + std::strerror(err));
    }
    if (st.st_size < static_cast<off_t>(sizeof(ring::RingHeader))) {
        close(fd);
        refuse(name, "segment of " + std::to_string(st.st_size) +
                         " bytes is too small to be a frame ring");
    }
    mapBytes_ = static_cast<std::size_t>(st.st_size);
    // Read-only: nothing the editor does can corrupt the engine's ring.
    base_ = mmap(nullptr, mapBytes_, PROT_READ, MAP_SHARED, fd, 0);
    const int err = errno;
    close(fd);
    if (base_ == MAP_FAILED) {
        base_ = nullptr;
        refuse(name, std::string("mmap: ") + std::strerror(err));
    }

    // Copy the header out, then validate the copy: what we check is what we use.
    ring::RingHeader header;
    std::memcpy(&header, base_, sizeof header);
    std::atomic_thread_fence(std::memory_order_acquire);
    try {
        validateHeader(name, header, mapBytes_);
    } catch (...) {
        munmap(base_, mapBytes_);
        base_ = nullptr;
        throw;
    }
    slotCount_ = header.slotCount;
    slotBytes_ = header.slotBytes;
    slotStride_ = header.slotStride;
}

FrameRingReader::~FrameRingReader() {
    if (base_) munmap(base_, mapBytes_);
}

int FrameRingReader::slotCount() const {
    return static_cast<int>(slotCount_);
}

bool FrameRingReader::read(std::uint32_t slot, std::uint64_t sequence, RingFrameInfo& info,
                           std::vector<std::uint8_t>& jpeg) const {
    if (slot >= slotCount_) return false;
    const ring::SlotHeader* header = ring::slotAt(base_, slotStride_, slot);
    const auto counter = ring::sequenceOf(header);

    const std::uint64_t before = counter.load(std::memory_order_acquire);
    if (before == 0 || (before & 1) != 0) return false;    // never written, or being written
    if (sequence != 0 && before != sequence) return false; // overwritten since announced

    // Copy everything first and judge it only after the second load: the
    // bytes may be garbage if the writer came back meanwhile.
    ring::SlotHeader meta;
    std::memcpy(&meta, header, sizeof meta);
    const std::uint32_t bytes =
        meta.jpegBytes <= slotBytes_ ? meta.jpegBytes : static_cast<std::uint32_t>(slotBytes_);
    jpeg.resize(bytes);
    if (bytes) std::memcpy(jpeg.data(), ring::payloadOf(header), bytes);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (counter.load(std::memory_order_relaxed) != before) return false; // torn: discard
    if (meta.jpegBytes > slotBytes_) return false; // a complete but nonsensical slot

    info = infoOf(meta, slot, before);
    return true;
}

bool FrameRingReader::peek(std::uint32_t slot, RingFrameInfo& info) const {
    if (slot >= slotCount_) return false;
    const ring::SlotHeader* header = ring::slotAt(base_, slotStride_, slot);
    const auto counter = ring::sequenceOf(header);
    const std::uint64_t before = counter.load(std::memory_order_acquire);
    if (before == 0 || (before & 1) != 0) return false;
    ring::SlotHeader meta;
    std::memcpy(&meta, header, sizeof meta);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (counter.load(std::memory_order_relaxed) != before) return false;
    info = infoOf(meta, slot, before);
    return true;
}

bool FrameRingReader::readLatest(RingFrameInfo& info, std::vector<std::uint8_t>& jpeg) const {
    // The newest frame is the slot with the largest even sequence. If the
    // writer laps us while we copy it, look again: a bounded number of tries,
    // since a writer outrunning the reader forever is possible in principle.
    for (int attempt = 0; attempt < 8; ++attempt) {
        std::uint64_t best = 0;
        std::uint32_t bestSlot = 0;
        for (std::uint32_t slot = 0; slot < slotCount_; ++slot) {
            const std::uint64_t seq = ring::sequenceOf(ring::slotAt(base_, slotStride_, slot))
                                          .load(std::memory_order_acquire);
            if ((seq & 1) == 0 && seq > best) {
                best = seq;
                bestSlot = slot;
            }
        }
        if (best == 0) return false;
        if (read(bestSlot, best, info, jpeg)) return true;
    }
    return false;
}

} // namespace entropic::ipc
